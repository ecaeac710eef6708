/**
 * The material added after the teacher's review (issue 15), recomputed through src/lib and
 * the explorer's own code: σ′ = σ(1 − σ) and its bound, why ReLU is nonlinear, symmetry
 * breaking, the backprop review's numbers, the explorer tasks, and the corrected claims.
 */
import { describe, expect, it } from 'vitest';
import { explorerView, valuesAt } from '../../src/components/charts/explorer/data';
import { EXPLORER_DEFAULTS, type ExplorerState } from '../../src/components/charts/explorer/spec';
import { num } from '../../src/components/charts/shared/format';
import { labInput, labNetwork } from '../../src/components/charts/lab/compute';
import { activations, forward, gradientFlow, normalPdf, validateNetworkSpec, type Network } from '../../src/lib';
import { expectClose } from '../helpers/expect-close';
import { expectInNote, noteBody, sig } from './note-text';

const sigmoid = activations.sigmoid;
const relu = activations.relu;
const grid = Array.from({ length: 241 }, (_, i) => -12 + i * 0.1);

describe('시그모이드의 도함수: σ′ = σ(1 − σ) ≤ ¼', () => {
  it('유한 차분과 σ(1 − σ)가 같고, 1 − σ(x) = e^{−x}/(1 + e^{−x})', () => {
    for (const x of grid) {
      const h = 1e-5;
      expectClose((sigmoid.f(x + h) - sigmoid.f(x - h)) / (2 * h), sigmoid.df(x), { rel: 1e-6, abs: 1e-10 });
      const s = sigmoid.f(x);
      expectClose(sigmoid.df(x), s * (1 - s), { rel: 1e-9 });
      expectClose(1 - s, Math.exp(-x) / (1 + Math.exp(-x)), { rel: 1e-9, abs: 1e-16 });
    }
    expectInNote('activation-functions', '= \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)\n$$');
  });

  it('s(1 − s) = ¼ − (s − ½)² ≤ ¼, 등호는 s = ½(x = 0)에서만', () => {
    for (const x of grid) {
      const s = sigmoid.f(x);
      expectClose(s * (1 - s), 0.25 - (s - 0.5) ** 2, { abs: 1e-15 });
      if (x !== 0) expect(sigmoid.df(x)).toBeLessThan(0.25);
    }
    expect(sigmoid.df(0)).toBe(0.25);
    expectInNote('activation-functions', '$s(1 - s) = \\tfrac14 - \\bigl(s - \\tfrac12\\bigr)^2 \\le \\tfrac14$');
  });

  it('포화해도 순전파는 정보를 잃지 않는다: σ는 증가 함수, σ(5) ≈ 0.9933, σ(6) ≈ 0.9975; 작아지는 것은 σ′ ≤ 0.0066', () => {
    for (let i = 1; i < grid.length; i++) expect(sigmoid.f(grid[i])).toBeGreaterThan(sigmoid.f(grid[i - 1]));
    expect(sig(sigmoid.f(5), 4)).toBe('0.9933');
    expect(sig(sigmoid.f(6), 4)).toBe('0.9975');
    for (const x of [5, 6, 8]) expect(sigmoid.df(x)).toBeLessThanOrEqual(0.0067);
    expectInNote(
      'activation-functions',
      '$\\sigma(5) \\approx 0.9933$과 $\\sigma(6) \\approx 0.9975$는 분명히 다른 값입니다',
    );
    expectInNote('activation-functions', '작아지는 것은 **역전파의 기울기**입니다');
    // …but the same σ′ squeezes the forward difference: 1 apart in, about 0.004 apart out.
    expect((sigmoid.f(6) - sigmoid.f(5)).toFixed(3)).toBe('0.004');
    expectInNote('activation-functions', '위 예에서 1의 차이가 약 0.004로');
  });
});

describe('활성화 함수의 조건', () => {
  it('출력의 평균이 0 근처인 것은 조건이 아니다: N(0, 1) 입력에서 ReLU와 GELU의 출력 평균은 양수', () => {
    const mean = (f: (x: number) => number) => {
      // Trapezoid rule on [−12, 12]; the tails beyond are below 1e-30.
      const h = 1 / 256;
      let s = 0;
      for (let k = -12 * 256; k <= 12 * 256; k++)
        s += f(k * h) * normalPdf(k * h) * (Math.abs(k) === 12 * 256 ? h / 2 : h);
      return s;
    };
    expectClose(mean(relu.f), 1 / Math.sqrt(2 * Math.PI), { rel: 1e-5 });
    expect(mean(activations.gelu.f)).toBeGreaterThan(0.2);
    expect(Math.abs(mean(activations.tanh.f))).toBeLessThan(1e-12);
    expectInNote(
      'activation-functions',
      '다만 조건은 아닙니다. 오늘날 가장 많이 쓰는 ReLU와 GELU도 출력의 평균이 0이 아닙니다.',
    );
  });

  it('보편 근사 정리는 ℝⁿ의 콤팩트 집합 위에서 성립한다(Leshno 외, 1993)', () => {
    expectInNote('activation-functions', '$\\mathbb{R}^n$의 콤팩트 집합(compact set');
    expect(noteBody('activation-functions')).not.toContain('유한한 구간');
  });
});

describe('ReLU는 직선 두 토막이지만 비선형이다', () => {
  it('f(1) + f(−1) = 1 ≠ f(0) = 0, |x| = ReLU(x) + ReLU(−x)', () => {
    expect(relu.f(1) + relu.f(-1)).toBe(1);
    expect(relu.f(1 + -1)).toBe(0);
    for (const x of grid) expect(relu.f(x) + relu.f(-x)).toBe(Math.abs(x));
    expectInNote('relu', 'ReLU는 $f(1) + f(-1) = 1$인데 $f(1 + (-1)) = f(0) = 0$이라');
    expectInNote('relu', '$\\lvert x \\rvert = \\operatorname{ReLU}(x) + \\operatorname{ReLU}(-x)$');
  });

  it('꺾이는 위치가 다른 ReLU의 합(꺾은선)은 연속 함수를 얼마든지 가깝게 따라간다: sin on [0, π]', () => {
    /** g(x) = sin(0) + Σ_k c_k ReLU(x − t_k): the broken line through (t_k, sin t_k). */
    const maxError = (pieces: number) => {
      const t = Array.from({ length: pieces + 1 }, (_, k) => (Math.PI * k) / pieces);
      const slope = (k: number) => (Math.sin(t[k + 1]) - Math.sin(t[k])) / (t[k + 1] - t[k]);
      const c = Array.from({ length: pieces }, (_, k) => (k === 0 ? slope(0) : slope(k) - slope(k - 1)));
      let worst = 0;
      for (let x = 0; x <= Math.PI; x += 1e-3) {
        let g = 0;
        for (let k = 0; k < pieces; k++) g += c[k] * relu.f(x - t[k]);
        worst = Math.max(worst, Math.abs(g - Math.sin(x)));
      }
      return worst;
    };
    const errors = [4, 16, 64].map(maxError);
    expect(errors[1]).toBeLessThan(errors[0] / 10);
    expect(errors[2]).toBeLessThan(1e-3);
    expectInNote('relu', '꺾이는 위치가 다른 ReLU 여러 개를 더하면');
  });
});

describe('가중치 초기화: 대칭성 깨기', () => {
  const width = 8;
  const depth = 4;
  const batch = 16;
  function constantNetwork(activation: 'tanh' | 'relu' | 'sigmoid', c: number): Network {
    const spec = validateNetworkSpec({ depth, width, activation, init: 'standard', seed: 1 });
    const layers = Array.from({ length: depth }, () => ({
      weights: new Float64Array(width * width).fill(c),
      bias: new Float64Array(width),
    }));
    return { spec, layers };
  }
  /** ∂L/∂W_l[i][j] by a central difference through the library's forward pass (L = mean of the summed outputs). */
  function fdGrad(net: Network, input: Float64Array, l: number, i: number, j: number): number {
    const w = net.layers[l].weights;
    const k = i * width + j;
    const keep = w[k];
    const h = 1e-6;
    w[k] = keep + h;
    const up = forward(net, input, batch).loss;
    w[k] = keep - h;
    const down = forward(net, input, batch).loss;
    w[k] = keep;
    return (up - down) / (2 * h);
  }

  it('모두 같은 값이면 은닉층의 유닛들은 같은 출력, 같은 기울기: 갱신해도 똑같이 남는다', () => {
    const input = labInput(width, 2);
    for (const activation of ['tanh', 'sigmoid'] as const) {
      const net = constantNetwork(activation, 0.3);
      const out = forward(net, input, batch).output;
      for (let b = 0; b < batch; b++) for (let i = 1; i < width; i++) expect(out[b * width + i]).toBe(out[b * width]);
      for (let l = 0; l < depth - 1; l++) {
        for (const j of [0, 5]) {
          const g0 = fdGrad(net, input, l, 0, j);
          expect(Math.abs(g0), `${activation} layer ${l}`).toBeGreaterThan(1e-9);
          for (const i of [1, 3, 7])
            expectClose(fdGrad(net, input, l, i, j), g0, {
              rel: 1e-6,
              abs: 1e-12,
              label: `${activation} layer ${l} unit ${i}`,
            });
        }
      }
    }
    expectInNote('weight-initialization', '같은 값에서 출발해 같은 양만큼 갱신되니 학습이 끝날 때까지 똑같이 남고');
  });

  it('무작위로 뽑으면 유닛마다 기울기가 다르다', () => {
    const net = labNetwork({ activation: 'tanh', init: 'xavier', depth, width, seed: 1 });
    const input = labInput(width, 2);
    const g0 = fdGrad(net, input, 1, 0, 0);
    for (const i of [1, 3, 7]) expect(Math.abs(fdGrad(net, input, 1, i, 0) - g0)).toBeGreaterThan(1e-6);
  });

  it('모두 0이면 tanh와 ReLU 신경망은 모든 가중치의 기울기가 정확히 0', () => {
    for (const activation of ['tanh', 'relu'] as const) {
      expect(activations[activation].f(0)).toBe(0);
      const flow = gradientFlow(constantNetwork(activation, 0), labInput(width, 2), batch, { readout: 'alternating' });
      for (const g of flow.weightGradNorm) expect(g, activation).toBe(0);
    }
    expectInNote('weight-initialization', '첫 갱신부터 **모든 가중치의 기울기가 정확히 0**입니다');
  });
});

describe('역전파 복습의 숫자', () => {
  const x = 1;
  const w1 = 2;
  const w2 = -1;
  const y = 1;
  function pass(a: number, b: number) {
    const z1 = a * x;
    const h1 = sigmoid.f(z1);
    const z2 = b * h1;
    const h2 = sigmoid.f(z2);
    return { z1, h1, z2, h2, loss: 0.5 * (h2 - y) ** 2 };
  }

  it('순전파와 표의 국소 도함수, 기울기', () => {
    const { z1, h1, z2, h2, loss } = pass(w1, w2);
    const dh2 = h2 - y;
    const dz2 = dh2 * sigmoid.df(z2);
    const dw2 = dz2 * h1;
    const dh1 = dz2 * w2;
    const dz1 = dh1 * sigmoid.df(z1);
    const dw1 = dz1 * x;
    const t = (v: number, d = 3) => sig(v, d).replace('-', '-');
    expectInNote(
      'backpropagation',
      `$h_1 = \\sigma(2) \\approx ${t(h1)}$, $h_2 = \\sigma(-${t(h1)}) \\approx ${t(h2)}$이고 손실은 약 ${loss.toFixed(3)}입니다`,
    );
    const rows: [string, number, string, number][] = [
      ['$h_2 - y \\approx', dh2, '$\\partial \\mathcal{L}/\\partial h_2 \\approx', dh2],
      ["$\\sigma'(z_2) \\approx", sigmoid.df(z2), '$\\partial \\mathcal{L}/\\partial z_2 \\approx', dz2],
      ['$h_1 \\approx', h1, '$\\partial \\mathcal{L}/\\partial w_2 \\approx', dw2],
      ['$w_2 =', w2, '$\\partial \\mathcal{L}/\\partial h_1 \\approx', dh1],
      ["$\\sigma'(z_1) \\approx", sigmoid.df(z1), '$\\partial \\mathcal{L}/\\partial z_1 \\approx', dz1],
      ['$x =', x, '$\\partial \\mathcal{L}/\\partial w_1 \\approx', dw1],
    ];
    for (const [localTex, local, gradTex, grad] of rows) {
      expectInNote('backpropagation', `| ${localTex} ${t(local)}$ | ${gradTex} ${t(grad)}$ |`);
    }
    // the central difference agrees with the chain rule
    const h = 1e-6;
    expectClose((pass(w1 + h, w2).loss - pass(w1 - h, w2).loss) / (2 * h), dw1, { rel: 1e-7 });
    expectClose((pass(w1, w2 + h).loss - pass(w1, w2 - h).loss) / (2 * h), dw2, { rel: 1e-7 });
    // σ′(z₁) ≈ 0.105 makes w₁'s gradient about 8× smaller than w₂'s
    expect(Math.round(Math.abs(dw2 / dw1))).toBe(8);
    expectInNote(
      'backpropagation',
      "$\\sigma'(z_1) \\approx 0.105$가 곱해진 탓에 $w_1$의 기울기가 $w_2$의 것보다 8배쯤 작습니다",
    );
  });
});

describe('활성화 함수 탐색기에서 해 볼 일: 탐색기의 코드로 확인', () => {
  const state = (patch: Partial<ExplorerState>): ExplorerState => ({ ...EXPLORER_DEFAULTS, ...patch });

  it('시그모이드와 tanh: x = 0에서 f′(0) = 0.25와 1, x = 2에서 σ′ ≈ 0.105', () => {
    const view = explorerView(state({ activations: ['sigmoid', 'tanh'], domain: [-6, 6] }));
    const at0 = valuesAt(view.fns, 0);
    expect(num(at0[0].df)).toBe('0.25');
    expect(num(at0[1].df)).toBe('1');
    expect(view.peaks.map((p) => [p.key, p.x, p.label])).toEqual([
      ['sigmoid', 0, '최대 f′ = 0.25'],
      ['tanh', 0, '최대 f′ = 1'],
    ]);
    expect(num(valuesAt(view.fns, 2)[0].df)).toBe('0.105');
    expectInNote('activation-functions', "시그모이드의 $f'(0) = 0.25$와 tanh의 $f'(0) = 1$을 읽어 보세요");
    expectInNote('activation-functions', "$\\sigma'(2) \\approx 0.105$를 확인해 보세요");
  });

  it('x 범위를 −2…2로 좁히면 음영이 없고, −20…20이면 대부분이 음영', () => {
    expect(explorerView(state({ activations: ['sigmoid', 'tanh'], domain: [-2, 2] })).shades).toEqual([]);
    const wide = explorerView(state({ activations: ['sigmoid', 'tanh'], domain: [-20, 20] }));
    for (const id of ['sigmoid', 'tanh']) {
      const covered = wide.shades.filter((s) => s.key.startsWith(`${id}-`)).reduce((s, r) => s + (r.x1 - r.x0), 0);
      expect(covered / 40, id).toBeGreaterThan(0.5);
    }
    expectInNote('activation-functions', 'x 범위의 최솟값과 최댓값을 −2와 2로 좁혀 보세요');
  });

  it('ELU의 α = 2: 바닥이 −2로, x = 0 왼쪽 도함수 2, 오른쪽 1; α = 1이면 이어진다', () => {
    const curve = (alpha: number) => {
      const view = explorerView(state({ activations: ['relu', 'elu', 'gelu', 'silu'], domain: [-5, 5], alpha }));
      const df = view.lines.find((l) => l.key === 'elu-df')!.points;
      const i0 = df.findIndex((p) => p[0] === 0);
      return { left: df[i0][1], right: df[i0 + 1][1], floor: view.fns[1].f(-1e3) };
    };
    const two = curve(2);
    expect(two.left).toBe(2);
    expect(two.right).toBe(1);
    expect(two.floor).toBeCloseTo(-2, 12);
    const one = curve(1);
    expect(one.left).toBe(1);
    expect(one.right).toBe(1);
    expectInNote('beyond-relu', 'ELU의 α 슬라이더를 1에서 2로 옮겨 보세요');
    expectInNote('beyond-relu', '도함수 곡선이 $x = 0$에서 2에서 1로 뚝 떨어집니다');
  });

  it('Leaky ReLU: 기울기 0.3이면 음수 쪽 도함수 0.3, 기울기 0.1에서 x = −2의 값은 0과 −0.2', () => {
    const steep = explorerView(state({ activations: ['relu', 'leaky-relu'], domain: [-4, 4], slope: 0.3 }));
    expect(valuesAt(steep.fns, -1)[1].df).toBe(0.3);
    const view = explorerView(state({ activations: ['relu', 'leaky-relu'], domain: [-4, 4], slope: 0.1 }));
    const at = valuesAt(view.fns, -2);
    expect(at[0].f).toBe(0);
    expectClose(at[1].f, -0.2, { rel: 1e-15 });
    expectInNote('relu', '0.3까지 올리면 음수 쪽 도함수(점선)가 0.3 높이로 올라옵니다');
    expectInNote('relu', '두 함수의 값 0과 $-0.2$를 비교해 보세요');
  });
});

describe('고친 주장과 논문에서 온 숫자', () => {
  it('역전파의 분산 조건은 팬아웃 n_out, 순전파는 팬인 n_in', () => {
    expectInNote(
      'weight-initialization',
      '\\operatorname{Var}\\bigl[\\partial \\mathcal{L}/\\partial \\mathbf{h}_{l-1}\\bigr] = n_\\text{out} \\cdot',
    );
    expectInNote('weight-initialization', '\\operatorname{Var}[z_l] = n_\\text{in} \\cdot');
  });

  it('Hanin(2018)의 Σ 1/n_l은 식으로 적혀 있다', () => {
    expectInNote('vanishing-gradient', '합 $\\sum_l 1/n_l$에 대해 기하급수적으로 커짐을 보였습니다');
  });

  it('배치 정규화의 한계(Yang 외, 2019), 층 정규화(Ba, Kiros & Hinton, 2016), 잔차 경로(He 외, 2016b), ResNet의 깊이', () => {
    expectInNote('vanishing-gradient-remedies', '순전파에서는 [가중치 초기화]');
    expectInNote('vanishing-gradient-remedies', 'Yang 외(2019)는 잔차 연결 없이 배치 정규화 층을 깊이 쌓으면');
    expectInNote('vanishing-gradient-remedies', '(layer normalization; Ba, Kiros & Hinton, 2016)');
    expectInNote(
      'vanishing-gradient-remedies',
      'He 외(2016b)는 미니배치의 모든 샘플에서 나머지 항이 이 항을 정확히 지울 가능성은 낮고',
    );
    expectInNote(
      'vanishing-gradient-remedies',
      'ImageNet에서 152층, CIFAR-10에서 1,202층이었는데, 1,202층은 학습은 되었지만 110층보다 시험 오차가 컸습니다',
    );
    expectInNote('vanishing-gradient-remedies', '사전 활성화 구조는 1,001층 신경망을');
    expect(noteBody('vanishing-gradient-remedies')).not.toContain('잔차 블록이 무엇을 하든');
    expect(noteBody('vanishing-gradient-remedies')).not.toContain('수백 층짜리 신경망도 학습할 수 있게');
  });

  it('SwiGLU(Shazeer, 2020)는 SiLU를 게이트로 쓴다', () => {
    expectInNote(
      'beyond-relu',
      '\\operatorname{SwiGLU}(\\mathbf{x}) = \\operatorname{SiLU}(\\mathbf{x}W) \\odot (\\mathbf{x}V)',
    );
    expectInNote('beyond-relu', 'Shazeer(2020)');
    expectInNote('choosing-activations', 'SiLU로 게이트를 만든 [SwiGLU]');
  });

  it('셀 상태의 갱신은 곱셈(f_t ⊙ c_{t−1})이 있고, 피하는 것은 가중치 행렬의 곱', () => {
    expectInNote('glossary', '($\\mathbf{f}_t \\odot \\mathbf{c}_{t-1}$)');
    expectInNote('glossary', '곱해지는 것이 가중치 행렬이 아니라 0과 1 사이의 게이트 값이라는 점이 핵심입니다');
    expect(noteBody('glossary')).not.toContain('곱셈이 아닌 덧셈으로 갱신되는 것이 핵심');
  });

  it('시드 글을 밝히고, 블로그 출처는 도메인으로 적는다', () => {
    expectInNote(
      'ml-vs-dl',
      'monawa의 TIL 글 「딥러닝과 머신러닝의 차이/ 활성화함수/ 기울기소실문제」(2022년 12월 3일)',
    );
  });
});
