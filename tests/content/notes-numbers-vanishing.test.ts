/**
 * Every number the vanishing-gradient notes state, and what the gradient lab's "직접 해 보기"
 * settings show, recomputed through the lab's own code and tied to the text the reader sees.
 */
import { LAB_BATCH, labInput, labNetwork } from '../../src/components/charts/lab/compute';
import { describe, expect, it } from 'vitest';
import {
  activations,
  chainRuleBound,
  createNetwork,
  gradientFlow,
  predictedGradientNorms,
  theoreticalVarianceFactor,
  type ActivationId,
  type InitId,
} from '../../src/lib';
import { expectInNote, sciTex } from './note-text';
import { bisect } from './numeric-search';

const sigmoid = activations.sigmoid;
const tanh = activations.tanh;
const relu = activations.relu;

/** n·Var[W]·E[f′²]: the per-layer variance factor of the backward signal (src/lib/theory/theory.ts). */
function theoreticalLayerFactor(activation: string, init: string, width: number): number {
  return theoreticalVarianceFactor(activation as ActivationId, init as InitId, width).factor;
}

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
    expectInNote(
      'vanishing-gradient-remedies',
      'tanh는 $\\gamma = 1$이라 경계가 1이고, 시그모이드는 $\\gamma = \\tfrac14$이라 경계가 4입니다',
    );
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
    expectInNote(
      'weight-initialization',
      '**관행적 균등 초기화**는 Glorot & Bengio(2010)가 비교 기준으로 쓴 $U[-1/\\sqrt{n},\\ 1/\\sqrt{n}]$로',
    );
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
  /** The lab's own network, input and readout (src/components/charts/lab/compute.ts): what the reader sees. */
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
    expect(ratios('sigmoid', 'standard', 30).activation).toBeLessThan(
      ratios('sigmoid', 'standard', 20).activation * 1e-6,
    );
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
    expectInNote(
      'gradient-lab',
      '[시드 2](?lab.activation=relu&lab.init=he&lab.depth=50&lab.width=8&lab.seed=2#직접-해-보기)',
    );
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
