/**
 * Every number the notes state, recomputed through the site's library (src/lib),
 * and tied back to the text: each `expectInNote` checks that the exact string the
 * reader sees is in the MDX source, so a changed number in the text or in the
 * library fails here.
 *
 * Numbers that come from papers (AlexNet's "about 6×" on CIFAR-10, MNIST's 28×28)
 * cannot be recomputed; they are only checked to be present and cited.
 */
import { LAB_BATCH, labInput, labNetwork } from '../../src/components/charts/lab/compute';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import GithubSlugger from 'github-slugger';
import {
  activations,
  chainRuleBound,
  createNetwork,
  getActivation,
  gradientFlow,
  predictedGradientNorms,
  theoreticalVarianceFactor,
  type ActivationId,
  type InitId,
} from '../../src/lib';

const NOTES_DIR = fileURLToPath(new URL('../../src/content/docs/notes/', import.meta.url));
/** Every note in the folder, so a new note is linked, cited and checked for copying like the rest. */
const SLUGS: readonly string[] = readdirSync(NOTES_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();
type Slug = string;

const source: Record<Slug, string> = Object.fromEntries(
  SLUGS.map((slug) => [slug, readFileSync(`${NOTES_DIR}${slug}.mdx`, 'utf8')]),
) as Record<Slug, string>;

/** The note's body without its frontmatter. */
function body(slug: Slug): string {
  return source[slug].replace(/^---\n[\s\S]*?\n---\n/, '');
}

function expectInNote(slug: Slug, text: string): void {
  expect(body(slug).includes(text), `${slug}.mdx should contain ${JSON.stringify(text)}`).toBe(true);
}

/** `9.536…e-7` → `9.5 \times 10^{-7}` (KaTeX source as written in the notes). */
function sciTex(x: number, digits = 2): string {
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  return `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/** Rounds like the prose does: 0.10499 → "0.105" with 3 significant digits. */
function sig(x: number, digits: number): string {
  return Number(x.toPrecision(digits)).toString();
}

/** n·Var[W]·E[f′²]: the per-layer variance factor of the backward signal (src/lib/theory/theory.ts). */
function theoreticalLayerFactor(activation: string, init: string, width: number): number {
  return theoreticalVarianceFactor(activation as ActivationId, init as InitId, width).factor;
}

const sigmoid = activations.sigmoid;
const tanh = activations.tanh;
const relu = activations.relu;

/** x in [a, b] where g changes sign (g continuous, one root). */
function bisect(g: (x: number) => number, a: number, b: number): number {
  let lo = a;
  let hi = b;
  const gLo = g(lo);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(g(mid)) === Math.sign(gLo)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Grid maximum of g on [a, b]. */
function gridMax(g: (x: number) => number, a: number, b: number, step = 1e-4): { x: number; y: number } {
  let best = { x: a, y: -Infinity };
  for (let x = a; x <= b; x += step) {
    const y = g(x);
    if (y > best.y) best = { x, y };
  }
  return best;
}

function gridMin(g: (x: number) => number, a: number, b: number, step = 1e-4): { x: number; y: number } {
  const m = gridMax((x) => -g(x), a, b, step);
  return { x: m.x, y: -m.y };
}

const grid = Array.from({ length: 241 }, (_, i) => -12 + i * 0.1);

describe('활성화 함수 노트의 숫자', () => {
  it('시그모이드: σ(0) = 0.5, σ′(0) = 1/4이 최댓값', () => {
    expect(sigmoid.f(0)).toBe(0.5);
    expect(sigmoid.df(0)).toBe(0.25);
    for (const x of grid) expect(sigmoid.df(x)).toBeLessThanOrEqual(0.25);
    expectInNote('activation-functions', '$\\sigma(0) = 0.5$');
    expectInNote('activation-functions', "$\\sigma'(0) = 0.5 \\times 0.5 = \\tfrac{1}{4}$");
  });

  it('시그모이드: σ′(2) ≈ 0.105, σ′(5) ≈ 0.0066, |x| > 5.99에서 최댓값의 1% 미만', () => {
    expect(sig(sigmoid.df(2), 3)).toBe('0.105');
    expect(sig(sigmoid.df(5), 2)).toBe('0.0066');
    expectInNote('activation-functions', "$\\sigma'(2) \\approx 0.105$");
    expectInNote('activation-functions', "$\\sigma'(5) \\approx 0.0066$");
    const edge = bisect((x) => sigmoid.df(x) - 0.01 * 0.25, 0, 20);
    expect(edge.toFixed(2)).toBe('5.99');
    expectInNote('activation-functions', '약 5.99를 넘으면 도함수가 최댓값의 1%도 되지 않습니다');
  });

  it('tanh: tanh = 2σ(2x) − 1, tanh′ = 4σ′(2x), tanh′(0) = 1, |x| > 2.99에서 1% 미만', () => {
    for (const x of grid) {
      expect(tanh.f(x)).toBeCloseTo(2 * sigmoid.f(2 * x) - 1, 14);
      expect(tanh.df(x)).toBeCloseTo(4 * sigmoid.df(2 * x), 14);
      expect(tanh.df(x)).toBeLessThanOrEqual(1);
    }
    expect(tanh.df(0)).toBe(1);
    const edge = bisect((x) => tanh.df(x) - 0.01, 0, 20);
    expect(edge.toFixed(2)).toBe('2.99');
    expectInNote('activation-functions', '2\\,\\sigma(2x) - 1');
    expectInNote('activation-functions', "$\\tanh'(x) = 4\\,\\sigma'(2x)$");
    expectInNote('activation-functions', "$\\tanh'(0) = 1$로 시그모이드의 4배");
    expectInNote('activation-functions', '약 2.99를 넘으면');
    expectInNote('vanishing-gradient', '약 2.99를 넘으면');
    // the saturation edge of tanh is half that of the sigmoid, as the text says
    expect(2 * bisect((x) => tanh.df(x) - 0.01, 0, 20)).toBeCloseTo(
      bisect((x) => sigmoid.df(x) - 0.0025, 0, 20),
      12,
    );
  });

  it('ReLU: 양수 쪽 도함수 1, 음수 쪽 0, x = 0에서는 프레임워크처럼 0', () => {
    for (const x of grid) {
      if (x > 0) expect(relu.df(x)).toBe(1);
      if (x < 0) expect(relu.df(x)).toBe(0);
      expect(relu.f(x)).toBeGreaterThanOrEqual(0);
    }
    expect(relu.df(0)).toBe(0);
    expectInNote('relu', '이 점의 도함수를 0으로 정해 계산');
  });

  it('Leaky ReLU: 기본 기울기 0.01, f(−2) = −0.02, f(−100) = −1; 그래프의 0.1과 GAN의 0.2', () => {
    const leaky = activations['leaky-relu'];
    expect(leaky.f(-2)).toBeCloseTo(-0.02, 15);
    expect(leaky.f(-100)).toBeCloseTo(-1, 13);
    expect(leaky.df(-1)).toBe(0.01);
    expect(leaky.df(1)).toBe(1);
    expect(leaky.df(0)).toBe(0.01);
    expectInNote('relu', '$a$로는 흔히 0.01을 쓰며');
    expectInNote('relu', '$a = 0.01$이면 $f(-2) = -0.02$, $f(-100) = -1$');
    expect(getActivation('leaky-relu', { slope: 0.1 }).f(-1)).toBeCloseTo(-0.1, 15);
    expect(getActivation('leaky-relu', { slope: 0.2 }).f(-1)).toBeCloseTo(-0.2, 15);
    expectInNote('relu', 'slope={0.1}');
    expectInNote('relu', '더 큰 기울기(예: 0.2)');
    // the seed's "outputs a small constant like 0.001" is wrong: the output is proportional to x
    expect(leaky.f(-1)).not.toBe(leaky.f(-2));
  });

  it('ELU(α = 1): 음수 쪽 도함수 = f(x) + α, 범위 (−α, ∞), 0에서 양쪽 도함수 1', () => {
    const elu = activations.elu;
    for (const x of grid.filter((v) => v < 0)) expect(elu.df(x)).toBeCloseTo(elu.f(x) + 1, 14);
    expect(elu.f(-1000)).toBeGreaterThanOrEqual(-1);
    expect(elu.f(-40)).toBeCloseTo(-1, 12);
    expect(elu.df(-1e-9)).toBeCloseTo(1, 8);
    expect(elu.df(1e-9)).toBe(1);
    expect(getActivation('elu', { alpha: 2 }).f(-1000)).toBeCloseTo(-2, 12);
    expectInNote('beyond-relu', '출력 범위는 $(-\\alpha, \\infty)$');
  });

  it('GELU: 최솟값 약 −0.17 (x ≈ −0.75), 도함수 최댓값 약 1.13 (x = √2), tanh 근사의 오차 < 0.001', () => {
    const gelu = activations.gelu;
    const min = gridMin(gelu.f, -3, 0);
    expect(min.y.toFixed(2)).toBe('-0.17');
    expect(min.x.toFixed(2)).toBe('-0.75');
    const dmax = gridMax(gelu.df, 0, 5);
    expect(dmax.y.toFixed(2)).toBe('1.13');
    expect(dmax.x).toBeCloseTo(Math.SQRT2, 3);
    expect(gelu.df(0)).toBeCloseTo(0.5, 14);
    expectInNote('beyond-relu', '$x \\approx -0.75$에서 최솟값 약 $-0.17$');
    expectInNote('beyond-relu', '도함수의 최댓값은 $x = \\sqrt{2}$에서 약 1.13');
    let worst = 0;
    for (let x = -10; x <= 10; x += 1e-3) {
      const approx = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
      worst = Math.max(worst, Math.abs(approx - gelu.f(x)));
    }
    expect(worst).toBeLessThan(0.001);
    expectInNote('beyond-relu', '0.044715');
    expectInNote('beyond-relu', '0.001보다 작습니다');
  });

  it('SiLU: x·σ(x), 최솟값 약 −0.28 (x ≈ −1.28), 도함수 최댓값 약 1.10', () => {
    const silu = activations.silu;
    for (const x of grid) expect(silu.f(x)).toBeCloseTo(x * sigmoid.f(x), 14);
    const min = gridMin(silu.f, -4, 0);
    expect(min.y.toFixed(2)).toBe('-0.28');
    expect(min.x.toFixed(2)).toBe('-1.28');
    expect(gridMax(silu.df, 0, 8).y.toFixed(2)).toBe('1.10');
    expectInNote('beyond-relu', '$x \\approx -1.28$에서 최솟값 약 $-0.28$');
    expectInNote('beyond-relu', '도함수의 최댓값은 약 1.10');
  });

  it('Softplus: 도함수는 시그모이드, softplus(0) = log 2 ≈ 0.693, 도함수는 1에 닿지 않음', () => {
    const softplus = activations.softplus;
    for (const x of grid) {
      expect(softplus.df(x)).toBeCloseTo(sigmoid.f(x), 14);
      expect(softplus.f(x)).toBeGreaterThan(0);
      expect(softplus.f(x)).toBeGreaterThanOrEqual(relu.f(x));
      expect(softplus.f(x) - relu.f(x)).toBeLessThanOrEqual(Math.LN2 + 1e-15);
    }
    expect(softplus.f(0)).toBeCloseTo(Math.LN2, 15);
    expect(sig(softplus.f(0), 3)).toBe('0.693');
    expect(softplus.df(30)).toBeLessThanOrEqual(1);
    expectInNote('beyond-relu', '$\\operatorname{softplus}(0) = \\log 2 \\approx 0.693$');
  });

  it('비교표의 도함수 최댓값: ReLU, Leaky ReLU, ELU는 1', () => {
    for (const id of ['relu', 'leaky-relu', 'elu'] as const) {
      expect(gridMax(activations[id].df, -10, 10, 1e-3).y).toBeCloseTo(1, 12);
    }
    expect(gridMax(sigmoid.df, -10, 10, 1e-3).y).toBeCloseTo(0.25, 12);
    expect(gridMax(tanh.df, -10, 10, 1e-3).y).toBeCloseTo(1, 12);
  });

  it('비교표의 출력 범위와 도함수 최댓값은 라이브러리의 메타데이터와 같다', () => {
    const table: [ActivationId, [number, number], number][] = [
      ['sigmoid', [0, 1], 0.25],
      ['tanh', [-1, 1], 1],
      ['relu', [0, Infinity], 1],
      ['leaky-relu', [-Infinity, Infinity], 1],
      ['elu', [-1, Infinity], 1],
      ['softplus', [0, Infinity], 1],
    ];
    for (const [id, range, maxD] of table) {
      expect(activations[id].range, id).toEqual(range);
      expect(activations[id].maxDerivative.value, id).toBe(maxD);
    }
    expect(activations.sigmoid.maxDerivative.x).toBe(0);
    expect(activations.tanh.maxDerivative.x).toBe(0);
    expect(activations.softplus.maxDerivative.x).toBe(Infinity); // approached, never attained
    expect(activations.relu.rangeInclusive).toEqual([true, false]);
    expect(activations.sigmoid.rangeInclusive).toEqual([false, false]);
    expect(activations.gelu.range[0].toFixed(2)).toBe('-0.17');
    expect(activations.silu.range[0].toFixed(2)).toBe('-0.28');
    expect(activations.gelu.maxDerivative.value.toFixed(2)).toBe('1.13');
    expect(activations.gelu.maxDerivative.x).toBeCloseTo(Math.SQRT2, 12);
    expect(activations.silu.maxDerivative.value.toFixed(2)).toBe('1.10');
    const row = (cells: string) => expectInNote('choosing-activations', cells);
    row('| $(0, 1)$ | $\\tfrac14$ |');
    row('| $(-1, 1)$ | $1$ |');
    row('| $[0, \\infty)$ | $1$ |');
    row('| $(-\\infty, \\infty)$ | $1$ |');
    row('| $(-1, \\infty)$ | $1$ |');
    row('| 약 $[-0.17, \\infty)$ | 약 $1.13$ |');
    row('| 약 $[-0.28, \\infty)$ | 약 $1.10$ |');
    row('| $(0, \\infty)$ | $1$ (닿지 않음) |');
  });

  it('선형 층 두 개는 선형 층 하나: W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂)', () => {
    const W1 = [
      [1.5, -2],
      [0.25, 3],
    ];
    const W2 = [
      [-1, 0.5],
      [2, 1],
    ];
    const b1 = [0.1, -0.7];
    const b2 = [2, -3];
    const x = [0.3, -1.2];
    const mv = (A: number[][], v: number[]) => A.map((row) => row[0] * v[0] + row[1] * v[1]);
    const add = (u: number[], v: number[]) => u.map((ui, i) => ui + v[i]);
    const mm = (A: number[][], B: number[][]) =>
      A.map((row) => [row[0] * B[0][0] + row[1] * B[1][0], row[0] * B[0][1] + row[1] * B[1][1]]);
    const lin = getActivation('linear');
    const stacked = add(mv(W2, add(mv(W1, x), b1).map(lin.f)), b2);
    const collapsed = add(mv(mm(W2, W1), x), add(mv(W2, b1), b2));
    stacked.forEach((v, i) => expect(v).toBeCloseTo(collapsed[i], 12));
    expectInNote(
      'activation-functions',
      'W_2(W_1\\mathbf{x} + \\mathbf{b}_1) + \\mathbf{b}_2 = (W_2W_1)\\,\\mathbf{x} + (W_2\\mathbf{b}_1 + \\mathbf{b}_2)',
    );
  });

  it('논문에서 온 숫자(직접 재현할 수 없음)는 출처와 함께 적혀 있다', () => {
    expectInNote('relu', 'ReLU가 tanh보다 약 6배 빨랐다고 보고');
    expectInNote('relu', 'Krizhevsky 외(2012)는 CIFAR-10에서 4층 합성곱 신경망이 학습 오차 25%에');
    expectInNote('ml-vs-dl', '28×28 픽셀');
    expectInNote('ml-vs-dl', '픽셀 값 784개');
    expect(28 * 28).toBe(784);
  });
});

describe('기울기 소실 노트의 숫자', () => {
  const quarter = sigmoid.df(0);

  it('0.25ⁿ 표: 5, 10, 20, 30층', () => {
    const table: Record<number, string> = {
      5: '9.8 \\times 10^{-4}',
      10: '9.5 \\times 10^{-7}',
      20: '9.1 \\times 10^{-13}',
      30: '8.7 \\times 10^{-19}',
    };
    for (const [n, tex] of Object.entries(table)) {
      expect(sciTex(quarter ** Number(n))).toBe(tex);
      expectInNote('vanishing-gradient', `| ${n} | $${tex}$ |`);
    }
    expect(quarter ** 10).toBeCloseTo(9.5367431640625e-7, 20);
    expect(quarter ** 20).toBeCloseTo(9.094947017729282e-13, 25);
  });

  it('0.25ⁿ은 라이브러리의 연쇄 법칙 상한(chainRuleBound)과 같다', () => {
    for (const n of [5, 10, 20, 30]) expect(chainRuleBound('sigmoid', n)).toBe(0.25 ** n);
    expect(chainRuleBound('tanh', 30)).toBe(1);
    expect(chainRuleBound('relu', 30)).toBe(1);
  });

  it('한 항이 1을 넘으려면 |w| > 1/σ′(0) = 4; Pascanu 외의 경계 1/γ: tanh 1, 시그모이드 4', () => {
    expect(1 / quarter).toBe(4);
    expect(1 / tanh.df(0)).toBe(1);
    expectInNote('vanishing-gradient', '$\\lvert w \\rvert > 4$여야 합니다');
    expectInNote('vanishing-gradient-remedies', 'tanh는 $\\gamma = 1$이라 경계가 1이고, 시그모이드는 $\\gamma = \\tfrac14$이라 경계가 4입니다');
  });

  it('가중치를 키워도: |w·σ′(w·h)| ≥ 1인 h의 구간은 좁고, w가 커지면 결국 더 좁아진다', () => {
    // width in h of { h : |w|·σ′(w·h) ≥ 1 } = 2·u/|w|, where σ′(u) = 1/|w|, u ≥ 0
    const width = (w: number) => (2 * bisect((u) => sigmoid.df(u) - 1 / w, 0, 50)) / w;
    expect(sigmoid.df(0) * 4).toBe(1); // |w| = 4: the interval is a single point
    for (const w of [5, 10, 20, 100]) expect(width(w)).toBeLessThan(0.5);
    expect(width(20)).toBeLessThan(width(10));
    expect(width(100)).toBeLessThan(width(20));
    expectInNote('vanishing-gradient', '가중치를 더 키우면 결국 더 좁아집니다');
  });

  it('역전파 분산 인자: ReLU는 E[f′²] = 1/2, 시그모이드는 1/16 이하, tanh는 0 근처에서 1', () => {
    // E over a symmetric input: half the units have f′ = 1
    const xs = Array.from({ length: 2001 }, (_, i) => -10 + i * 0.01).filter((x) => x !== 0);
    const meanSq = (g: (x: number) => number) => xs.reduce((s, x) => s + g(x) ** 2, 0) / xs.length;
    expect(meanSq(relu.df)).toBeCloseTo(0.5, 12);
    expect(quarter ** 2).toBe(1 / 16);
    expect(tanh.df(0) ** 2).toBe(1);
    // Leaky ReLU keeps (1 + a²)/2 of the signal
    expect(meanSq(activations['leaky-relu'].df)).toBeCloseTo((1 + 0.01 ** 2) / 2, 12);
    expectInNote('weight-initialization', '$\\tfrac{1 + a^2}{2}$가 남아');
  });

  it('층마다의 분산 배율 표 (폭 n = 64): 라이브러리의 이론값과 같다', () => {
    const n = 64;
    const expected: Record<string, Record<string, number>> = {
      sigmoid: { small: 0.0004, standard: 1 / 48, xavier: 1 / 16, he: 1 / 8 },
      tanh: { small: 0.0064, standard: 1 / 3, xavier: 1, he: 2 },
      relu: { small: 0.0032, standard: 1 / 6, xavier: 1 / 2, he: 1 },
    };
    for (const [activation, row] of Object.entries(expected)) {
      for (const [init, factor] of Object.entries(row)) {
        expect(theoreticalLayerFactor(activation, init, n), `${activation} + ${init}`).toBeCloseTo(factor, 14);
      }
    }
    expectInNote('weight-initialization', '| 시그모이드 | $\\le 0.0004$ | $\\le 1/48$ | $\\le 1/16$ | $\\le 1/8$ |');
    expectInNote('weight-initialization', '| tanh | $\\le 0.0064$ | $\\le 1/3$ | $\\le 1$ | $\\le 2$ |');
    expectInNote('weight-initialization', '| ReLU | $0.0032$ | $1/6$ | $1/2$ | $1$ |');
    // ReLU + He = 1 and ReLU + Xavier = 1/2 at equal fan-in/out, at any width
    for (const w of [8, 64, 128, 256]) {
      expect(theoreticalLayerFactor('relu', 'he', w)).toBeCloseTo(1, 14);
      expect(theoreticalLayerFactor('relu', 'xavier', w)).toBeCloseTo(0.5, 14);
    }
    // sigmoid would need Var[W] = 16/n for a factor of 1
    expect(n * (16 / n) * quarter ** 2).toBe(1);
    expectInNote('weight-initialization', '$\\operatorname{Var}[W] = 16/n$이 필요한데');
  });

  it('초기화의 가중치 분산: standard 1/(3n), small 0.01², Xavier 2/(n_in + n_out), He 2/n', () => {
    const width = 128;
    const variance = (init: 'small' | 'standard' | 'xavier' | 'he') => {
      const net = createNetwork({ depth: 4, width, activation: 'relu', init, seed: 7 });
      let s = 0;
      let count = 0;
      for (const layer of net.layers) {
        for (const w of layer.weights) {
          s += w * w;
          count++;
        }
      }
      return s / count;
    };
    expect(variance('standard') * 3 * width).toBeCloseTo(1, 1);
    expect(variance('small') / 1e-4).toBeCloseTo(1, 1);
    expect(variance('xavier') * width).toBeCloseTo(1, 1);
    expect(variance('he') * width).toBeCloseTo(2, 1);
    expectInNote('weight-initialization', '분산이 $\\tfrac{1}{3n}$이며');
    expectInNote('weight-initialization', '**작은 정규분포 초기화**는 표준편차 0.01의 정규분포 $N(0, 0.01^2)$입니다');
    expectInNote('weight-initialization', '**관행적 균등 초기화**는 Glorot & Bengio(2010)가 비교 기준으로 쓴 $U[-1/\\sqrt{n},\\ 1/\\sqrt{n}]$로');
  });

  it('노름의 배율과 깊이에 따른 누적: 본문과 "직접 해 보기"의 숫자', () => {
    const f = (activation: string, init: string) => theoreticalLayerFactor(activation, init, 64);
    // ReLU + Xavier: 1/√2 ≈ 0.71 per layer, 2⁻¹⁰ ≈ 9.8 × 10⁻⁴ after 20 layers
    expect(Math.sqrt(f('relu', 'xavier')).toFixed(2)).toBe('0.71');
    expect(sciTex(Math.sqrt(f('relu', 'xavier')) ** 20)).toBe('9.8 \\times 10^{-4}');
    expectInNote('weight-initialization', '$1/\\sqrt2 \\approx 0.71$배');
    expectInNote('weight-initialization', '$2^{-10} \\approx 9.8 \\times 10^{-4}$배');
    // depth d: the input-side gradient has passed d − 1 layers
    const across = (activation: string, init: string, depth: number) => f(activation, init) ** ((depth - 1) / 2);
    const claims: [string, string, number, string][] = [
      ['sigmoid', 'standard', 20, '$(1/48)^{9.5} \\approx 1.1 \\times 10^{-16}$'],
      ['relu', 'xavier', 30, '$2^{-14.5} \\approx 4.3 \\times 10^{-5}$'],
      ['relu', 'standard', 30, '약 $5.2 \\times 10^{-12}$배'],
      ['relu', 'small', 30, '약 $6.7 \\times 10^{-37}$배'],
    ];
    for (const [activation, init, depth, text] of claims) {
      const predicted = predictedGradientNorms(
        { depth, width: 64, activation: activation as ActivationId, init: init as InitId },
        16,
      );
      expect(predicted[0] / predicted[depth - 1] / across(activation, init, depth)).toBeCloseTo(1, 10);
      const tex = sciTex(across(activation, init, depth));
      expect(text.includes(tex), `${activation} + ${init}: ${tex} in ${text}`).toBe(true);
      expectInNote('gradient-lab', text);
    }
    // ten more sigmoid layers: 48⁵ ≈ 2.5 × 10⁸, about eight orders of magnitude
    const tenMore = 1 / f('sigmoid', 'standard') ** 5;
    expect(sciTex(tenMore)).toBe('2.5 \\times 10^{8}');
    expect(Math.round(Math.log10(tenMore))).toBe(8);
    expectInNote('gradient-lab', '약 8자릿수($48^{5} \\approx 2.5 \\times 10^{8}$)');
    // tanh + He: √2 per layer in the linear regime
    expect(Math.sqrt(f('tanh', 'he'))).toBeCloseTo(Math.SQRT2, 14);
    expectInNote('gradient-lab', '층마다 $\\sqrt{2}$배씩');
  });
});

describe('"직접 해 보기"의 설정이 글이 말하는 모습을 보인다', () => {
  /** The lab's own network, input and readout (src/components/charts/lab-compute.ts): what the reader sees. */
  function ratios(activation: ActivationId, init: InitId, depth: number, width = 64, seed = 1) {
    const network = labNetwork({ activation, init, depth, width, seed });
    const flow = gradientFlow(network, labInput(width, seed), LAB_BATCH, { readout: 'alternating' });
    const a = flow.activationGradNorm;
    const w = flow.weightGradNorm;
    return {
      /** ‖∂L/∂h‖ at the input side ÷ at the output side */
      activation: a[0] / a[depth - 1],
      /** ‖∂L/∂W‖ at the input side ÷ at the output side */
      weight: w[0] / w[depth - 1],
      flow,
    };
  }
  const withinFactor = (x: number, target: number, k: number) => {
    expect(x).toBeGreaterThan(target / k);
    expect(x).toBeLessThan(target * k);
  };

  it('1. 시그모이드 + standard, 깊이 20: 이론값 1.1 × 10⁻¹⁶과 같은 자릿수', () => {
    const r = ratios('sigmoid', 'standard', 20);
    withinFactor(r.activation, (1 / 48) ** 9.5, 10);
    expect(r.weight).toBeLessThan(1e-12);
  });

  it('2. 깊이 30: 격차가 더 벌어진다', () => {
    expect(ratios('sigmoid', 'standard', 30).activation).toBeLessThan(ratios('sigmoid', 'standard', 20).activation * 1e-6);
  });

  it('3. 시그모이드 + Xavier, + He: 덜 가파르지만 여전히 소실', () => {
    const std = ratios('sigmoid', 'standard', 20).activation;
    const xavier = ratios('sigmoid', 'xavier', 20).activation;
    const he = ratios('sigmoid', 'he', 20).activation;
    expect(xavier).toBeGreaterThan(std);
    expect(he).toBeGreaterThan(xavier);
    expect(he).toBeLessThan(1e-6);
  });

  it('4. tanh + Xavier: 거의 수평, 깊이 50에서도 완만', () => {
    const r20 = ratios('tanh', 'xavier', 20).activation;
    expect(r20).toBeGreaterThan(0.05);
    expect(r20).toBeLessThanOrEqual(1.5);
    expect(ratios('tanh', 'xavier', 50).activation).toBeGreaterThan(1e-3);
  });

  it('5. tanh + standard: 활성값 기울기는 줄고, 가중치 기울기는 평평하다', () => {
    const r = ratios('tanh', 'standard', 20);
    withinFactor(r.activation, (1 / 3) ** 9.5, 10);
    withinFactor(r.weight, 1, 10);
  });

  it('6. ReLU + He는 수평 근처, ReLU + Xavier는 이론값 4.3 × 10⁻⁵ 근처', () => {
    withinFactor(ratios('relu', 'he', 30).activation, 1, 10);
    withinFactor(ratios('relu', 'xavier', 30).activation, 0.5 ** 14.5, 10);
  });

  it('7. ReLU + standard, + small: 도함수가 1이어도 소실, 가중치 기울기 선은 평평하지만 낮다', () => {
    const std = ratios('relu', 'standard', 30);
    withinFactor(std.activation, (1 / 6) ** 14.5, 10);
    withinFactor(std.weight, 1, 10);
    const small = ratios('relu', 'small', 30);
    withinFactor(small.activation, 0.0032 ** 14.5, 30);
    withinFactor(small.weight, 1, 10);
    const he = ratios('relu', 'he', 30);
    expect(small.flow.weightGradNorm[29]).toBeLessThan(he.flow.weightGradNorm[29] * 1e-20);
  });

  it('8. ReLU + He, 폭 8, 깊이 50: 입력층 쪽이 수백~수백만 분의 1, 시드 2는 죽은 층 아래가 정확히 0, 폭 128은 수평 근처', () => {
    for (const seed of [1, 3, 4, 6, 7, 8, 9, 10]) {
      const r = ratios('relu', 'he', 50, 8, seed).activation;
      expect(r, `seed ${seed}`).toBeGreaterThan(1 / 1e7);
      expect(r, `seed ${seed}`).toBeLessThan(1 / 1e2);
    }
    const dead = ratios('relu', 'he', 50, 8, 2).flow;
    expect(Math.max(...dead.deadFraction)).toBe(1);
    expect(dead.activationGradNorm[0]).toBe(0);
    for (const g of dead.weightGradNorm) expect(g).toBe(0);
    expectInNote('gradient-lab', '모든 층의 가중치 기울기가 정확히 0이 됩니다');
    for (const seed of [1, 2, 3, 4, 5]) withinFactor(ratios('relu', 'he', 50, 128, seed).activation, 1, 10);
    expectInNote('gradient-lab', '수백 분의 1에서 수백만 분의 1까지');
    expectInNote('gradient-lab', '[시드 2](?lab.activation=relu&lab.init=he&lab.depth=50&lab.width=8&lab.seed=2#직접-해-보기)');
  });

  it('9. tanh + He, 깊이 50: 입력층 쪽이 더 크지만 이론 상한보다는 훨씬 작다', () => {
    const he = ratios('tanh', 'he', 50);
    expect(he.activation).toBeGreaterThan(1);
    expect(he.activation).toBeLessThan(2 ** 24.5 * 1e-3);
    // why: the outputs spread toward ±1, where tanh′ is smaller
    const xavier = ratios('tanh', 'xavier', 50);
    expect(he.flow.std[49]).toBeGreaterThan(2 * xavier.flow.std[49]);
    expect(he.flow.meanAbsDerivative[49]).toBeLessThan(xavier.flow.meanAbsDerivative[49] - 0.1);
  });
});

describe('노트의 링크와 출처', () => {
  const slugger = new GithubSlugger();
  const anchors: Record<Slug, Set<string>> = Object.fromEntries(
    SLUGS.map((slug) => {
      slugger.reset();
      const ids = new Set<string>();
      for (const line of body(slug).split('\n')) {
        const m = /^(#{2,4}) (.+)$/.exec(line);
        if (m) ids.add(slugger.slug(m[2]));
      }
      return [slug, ids];
    }),
  ) as Record<Slug, Set<string>>;

  /** Lab settings as the lab reads them from `?lab.<prop>=<value>` (src/components/charts/lab-params). */
  const validLabSetting: Record<string, (v: string) => boolean> = {
    activation: (v) => v in activations,
    init: (v) => ['small', 'standard', 'xavier', 'he'].includes(v),
    depth: (v) => Number.isInteger(+v) && +v >= 1 && +v <= 50,
    width: (v) => Number.isInteger(+v) && +v >= 8 && +v <= 128,
    seed: (v) => Number.isInteger(+v),
  };
  function expectValidLabQuery(query: string): void {
    for (const [key, value] of new URLSearchParams(query)) {
      const [id, prop] = key.split('.');
      expect(id).toBe('lab');
      expect(validLabSetting[prop]?.(value), `${key}=${value}`).toBe(true);
    }
  }

  it('노트 사이의 링크는 모두 있는 노트와 있는 제목을 가리킨다', () => {
    let count = 0;
    for (const slug of SLUGS) {
      for (const m of body(slug).matchAll(/\]\((\/notes\/[^)\s]*)\)/g)) {
        const link = /^\/notes\/([a-z0-9-]+)\/(\?[^#]+)?(?:#(.+))?$/.exec(m[1]);
        expect(link, `${slug}: ${m[1]} should look like /notes/<slug>/#<id>`).not.toBeNull();
        const [, target, query, hash] = link!;
        expect(SLUGS, `${slug}: ${m[1]}`).toContain(target);
        if (hash) expect(anchors[target as Slug].has(hash), `${slug}: #${hash} in ${target}`).toBe(true);
        // A query presets a chart (`?<chart id>.<prop>=…`); the gradient lab's must be settings it accepts.
        if (query) {
          for (const key of new URLSearchParams(query).keys()) expect(key, `${slug}: ${m[1]}`).toMatch(/^[a-z][a-z0-9-]*\.[a-zA-Z]+$/);
          if (target === 'gradient-lab') expectValidLabQuery(query);
        }
        count++;
      }
    }
    expect(count).toBeGreaterThan(80);
  });

  it('"직접 해 보기"의 링크는 유효한 실험 설정이다', () => {
    const links = [...body('gradient-lab').matchAll(/\]\((\?[^)#]+)#직접-해-보기\)/g)];
    expect(links.length).toBeGreaterThanOrEqual(12);
    expect(anchors['gradient-lab'].has('직접-해-보기')).toBe(true);
    for (const [, query] of links) expectValidLabQuery(query);
  });

  it('각 노트는 용어집으로, 용어집의 각 용어는 노트로 연결된다', () => {
    for (const slug of SLUGS.filter((s) => s !== 'glossary')) {
      expect(body(slug)).toMatch(/\]\(\/notes\/glossary\/#/);
    }
    const terms = body('glossary').split(/\n(?=### )/).slice(1);
    expect(terms.length).toBeGreaterThanOrEqual(40);
    for (const term of terms) {
      const heading = term.split('\n')[0];
      expect(heading, 'each term is "한국어 (English)"').toMatch(/^### .+ \([a-zA-Z][a-zA-Z ,-]*\)$/);
      expect(term, heading).toMatch(/쓰인 곳: \[/);
    }
    for (const term of ['역전파', '기울기', '활성화 함수', '포화', '가중치 초기화', '기울기 소실', '기울기 폭주', '연쇄 법칙', '순전파', '은닉층', '특징 추출', '배치 정규화', '잔차 연결', '죽은 ReLU', '손실 함수', '학습률', '과적합']) {
      expect(body('glossary'), term).toContain(`### ${term} (`);
    }
  });

  it('sources: 시드의 참고 자료(호스트만)와 인용한 논문', () => {
    const urls = (slug: Slug) => [...source[slug].matchAll(/^\s+url: (\S+)$/gm)].map((m) => m[1]);
    const all = SLUGS.flatMap(urls);
    for (const host of [
      'https://wkdus0608.tistory.com/',
      'https://pro-jy.tistory.com/',
      'https://velog.io/',
      'https://heytech.tistory.com/',
    ]) {
      expect(all).toContain(host);
    }
    const papers: [Slug, string][] = [
      ['vanishing-gradient', 'https://proceedings.mlr.press/v9/glorot10a.html'],
      ['weight-initialization', 'https://proceedings.mlr.press/v9/glorot10a.html'],
      ['gradient-lab', 'https://proceedings.mlr.press/v9/glorot10a.html'],
      ['weight-initialization', 'https://arxiv.org/abs/1502.01852'],
      ['relu', 'https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf'],
      ['relu', 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf'],
      ['vanishing-gradient', 'https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf'],
      ['vanishing-gradient-remedies', 'https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf'],
      ['vanishing-gradient-remedies', 'https://doi.org/10.1162/neco.1997.9.8.1735'],
      ['vanishing-gradient-remedies', 'https://arxiv.org/abs/1502.03167'],
      ['vanishing-gradient-remedies', 'https://arxiv.org/abs/1512.03385'],
      ['beyond-relu', 'https://arxiv.org/abs/1606.08415'],
      ['beyond-relu', 'https://arxiv.org/abs/1511.07289'],
      ['vanishing-gradient-remedies', 'https://proceedings.mlr.press/v28/pascanu13.html'],
      ['ml-vs-dl', 'https://doi.org/10.1109/5.726791'],
    ];
    for (const [slug, url] of papers) expect(urls(slug), slug).toContain(url);
    // every URL is absolute https
    for (const url of all) expect(url).toMatch(/^https:\/\//);
  });

  it('본문의 모든 인용 "저자(연도)"·"저자, 연도"는 그 노트의 sources 제목에 저자와 연도로 있다', () => {
    // "Glorot & Bengio(2010)", "He 외(2015)", "(LeCun, Bottou, Orr & Müller, 1998"; an acronym ("SVM, …") is not an author.
    const citation = /\b([A-Z][a-z][a-zA-Z]*)(?:(?:, | & )[A-Z][a-zA-Zü]+)*(?: 외)?(?:\(|, )((?:19|20)\d\d)\b/g;
    let found = 0;
    for (const slug of SLUGS) {
      const titles = [...source[slug].split('\n---\n')[0].matchAll(/^\s+- title: (.*)$/gm)].map((m) => m[1]);
      for (const [text, author, year] of body(slug).matchAll(citation)) {
        expect(
          titles.some((t) => t.includes(author) && t.includes(year)),
          `${slug}: "${text}" has no source titled with ${author} and ${year}`,
        ).toBe(true);
        found++;
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('본문에서 인용한 논문은 sources에 있다', () => {
    const cited: [Slug, string, string][] = [
      ['vanishing-gradient', 'Glorot & Bengio(2010)', 'glorot10a'],
      ['weight-initialization', 'Glorot & Bengio(2010)', 'glorot10a'],
      ['gradient-lab', 'Glorot & Bengio(2010)', 'glorot10a'],
      ['weight-initialization', 'He 외, 2015', '1502.01852'],
      ['vanishing-gradient', 'Hochreiter(1991)', 'SeppHochreiter1991'],
      ['vanishing-gradient-remedies', 'Hochreiter(1991)', 'SeppHochreiter1991'],
      ['vanishing-gradient-remedies', 'Hochreiter & Schmidhuber(1997)', 'neco.1997.9.8.1735'],
      ['vanishing-gradient-remedies', 'Ioffe & Szegedy, 2015', '1502.03167'],
      ['vanishing-gradient-remedies', 'He 외, 2016', '1512.03385'],
      ['vanishing-gradient-remedies', 'Pascanu, Mikolov & Bengio(2013)', 'pascanu13'],
      ['relu', 'Nair & Hinton(2010)', 'reluICML'],
      ['relu', 'Maas, Hannun & Ng(2013)', 'relu_hybrid_icml2013'],
      ['beyond-relu', 'Hendrycks & Gimpel, 2016', '1606.08415'],
      ['beyond-relu', 'Clevert, Unterthiner & Hochreiter(2015)', '1511.07289'],
      ['relu', 'Krizhevsky 외(2012)', 'c399862d3b9d6b76c8436e924a68c45b'],
      ['ml-vs-dl', 'LeCun 외, 1998', '10.1109/5.726791'],
    ];
    for (const [slug, citation, url] of cited) {
      expectInNote(slug, citation);
      expect(source[slug].split('\n---\n')[0], `${slug}: ${url}`).toContain(url);
    }
  });
});

describe('시드 노트의 문장을 옮겨 쓰지 않았다', () => {
  const seedPath = fileURLToPath(new URL('../../../shared/seed/000_9c9467e26321ef18.txt', import.meta.url));
  it.skipIf(!existsSync(seedPath))('시드와 공백을 무시하고 12자 이상 겹치는 한국어 구절이 없다', () => {
    // Shared technical terms ("역전파(backpropagation)") are fine; shared Korean phrasing is not.
    // Naming the seed post when crediting it is attribution, not copying.
    const SEED_TITLE = '딥러닝과 머신러닝의 차이/ 활성화함수/ 기울기소실문제';
    const squash = (s: string) => s.split(SEED_TITLE).join('「」').replace(/\s+/g, '');
    const hangul = (s: string) => (s.match(/[\uac00-\ud7a3]/g) ?? []).length;
    const seed = squash(readFileSync(seedPath, 'utf8'));
    const n = 12;
    const grams = new Set<string>();
    for (let i = 0; i + n <= seed.length; i++) grams.add(seed.slice(i, i + n));
    for (const slug of SLUGS) {
      const text = squash(body(slug));
      const hits = new Set<string>();
      for (let i = 0; i + n <= text.length; i++) {
        const g = text.slice(i, i + n);
        if (hangul(g) >= 8 && grams.has(g)) hits.add(g);
      }
      expect([...hits], `${slug}.mdx shares these with the seed`).toEqual([]);
    }
  });
});
