/**
 * What gradient-lab.mdx says about its own chart, checked through the chart's code
 * (lab/compute.ts, lab/data.ts): the loss it computes, why that loss, how to reproduce it,
 * what each readout means, and the answers of the "먼저 예측해 보기" prompts.
 */
import type { ActivationId, InitId } from '../../src/lib/index';
import { describe, expect, it } from 'vitest';
import { computeLab, LAB_BATCH, labInput, labNetwork } from '../../src/components/charts/lab/compute';
import { labView } from '../../src/components/charts/lab/data';
import { sci } from '../../src/components/charts/shared/format';
import { activations, chainRuleBound, gradientFlow, type Network, type Readout } from '../../src/lib';
import { expectClose } from '../helpers/expect-close';
import { expectInNote, sciTex, sig } from './note-text';

/** out[b] = W·x[b] (or Wᵀ·x[b]) for each of the batch rows, W row-major n × n. */
function mulRows(W: Float64Array, x: Float64Array, batch: number, n: number, transposed = false): Float64Array {
  const out = new Float64Array(batch * n);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += (transposed ? W[j * n + i] : W[i * n + j]) * x[b * n + j];
      out[b * n + i] = s;
    }
  }
  return out;
}

/** Forward pass with plain loops: z_l = W_l·h_{l−1}, h_l = f(z_l) for every layer (hs[0] is the input). */
function naiveForward(network: Network, input: Float64Array, batch: number) {
  const { depth, width: n, activation } = network.spec;
  const act = activations[activation];
  const hs: Float64Array[] = [input];
  const zs: Float64Array[] = [];
  const ds: Float64Array[] = [];
  for (let l = 0; l < depth; l++) {
    const z = mulRows(network.layers[l].weights, hs[l], batch, n);
    zs.push(z);
    hs.push(z.map(act.f));
    ds.push(z.map(act.df));
  }
  return { hs, zs, ds };
}

/**
 * The lab's pass written out from the note's reproduction list ("PyTorch 같은 다른 도구로…") with plain loops,
 * independent of src/lib/network/gradient-flow.ts: h_l = f(W_l h_{l−1}) for every layer including the
 * last, L = (1/16)·Σ_b Σ_j (−1)^j h_L[b, j], Frobenius norms of ∂L/∂h_l (16 × n) and ∂L/∂W_l.
 */
function naiveLab(network: Network, input: Float64Array, batch: number) {
  const { depth, width: n } = network.spec;
  const { hs, ds } = naiveForward(network, input, batch);
  let loss = 0;
  let g: Float64Array = new Float64Array(batch * n);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < n; j++) {
      const r = j % 2 === 0 ? 1 : -1;
      loss += (r * hs[depth][b * n + j]) / batch;
      g[b * n + j] = r / batch;
    }
  }
  const hNorm = new Array<number>(depth);
  const wNorm = new Array<number>(depth);
  for (let l = depth - 1; l >= 0; l--) {
    hNorm[l] = Math.hypot(...g);
    const dz = g.map((v, k) => v * ds[l][k]);
    let sq = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let b = 0; b < batch; b++) s += dz[b * n + i] * hs[l][b * n + j];
        sq += s * s;
      }
    }
    wNorm[l] = Math.sqrt(sq);
    g = mulRows(network.layers[l].weights, dz, batch, n, true);
  }
  return { loss, hNorm, wNorm };
}

function lab(activation: ActivationId, init: InitId, depth: number, width = 64, seed = 1) {
  const data = computeLab({ activation, init, depth, width, seed });
  return { data, view: labView(data), ratio: data.actGrad[0] / data.actGrad[depth - 1] };
}

describe('실험실의 손실과 재현 방법', () => {
  it('노트에 적은 정의(부호를 번갈아 곱한 합의 배치 평균, 프로베니우스 노름)가 실험실의 계산과 같다', () => {
    expect(LAB_BATCH).toBe(16);
    for (const [activation, init] of [
      ['tanh', 'xavier'],
      ['relu', 'he'],
      ['sigmoid', 'standard'],
    ] as const) {
      const width = 8;
      const network = labNetwork({ activation, init, depth: 4, width, seed: 3 });
      const input = labInput(width, 3);
      const flow = gradientFlow(network, input, LAB_BATCH, { readout: 'alternating' });
      const naive = naiveLab(network, input, LAB_BATCH);
      expectClose(flow.loss, naive.loss, { rel: 1e-12, abs: 1e-15, label: `${activation} loss` });
      const data = computeLab({ activation, init, depth: 4, width, seed: 3 });
      for (let l = 0; l < 4; l++) {
        expectClose(data.actGrad[l], naive.hNorm[l], { rel: 1e-12, label: `${activation} ‖∂L/∂h‖ layer ${l + 1}` });
        expectClose(data.weightGrad[l], naive.wNorm[l], { rel: 1e-12, label: `${activation} ‖∂L/∂W‖ layer ${l + 1}` });
      }
    }
    expectInNote('gradient-lab', '**+1과 −1을 번갈아 곱해 더한 값**을 배치에 대해 평균한 것');
    expectInNote('gradient-lab', '\\mathcal{L} = \\frac{1}{16} \\sum_{b=1}^{16} \\sum_{j=0}^{n-1} r_j\\, h_{L}[b, j]');
    expectInNote('gradient-lab', '$r_j = (-1)^j$');
    expectInNote('gradient-lab', '**마지막 층을 포함한** 모든 층 뒤에 활성화 함수를 적용합니다');
    expectInNote('gradient-lab', '배치 16개, 모든 원소를 독립인 표준정규분포 $N(0, 1)$에서 뽑습니다');
  });

  it('가장 오른쪽 활성값 기울기는 √(n/16): 너비 64이면 2', () => {
    for (const width of [8, 64, 128]) {
      const { data } = lab('sigmoid', 'standard', 5, width);
      expectClose(data.actGrad[4], Math.sqrt(width / 16), { rel: 1e-14 });
    }
    expect(Math.sqrt(64 / 16)).toBe(2);
    expectInNote('gradient-lab', '가장 오른쪽 값은 언제나 $\\sqrt{n/16}$입니다(너비 64이면 2)');
  });

  it('가중치 분포: 노트의 네 분포가 실험실의 초기화와 같다', () => {
    const n = 128;
    const variance = (init: InitId) => {
      const net = labNetwork({ activation: 'linear', init, depth: 2, width: n, seed: 5 });
      let s = 0;
      for (const layer of net.layers) for (const w of layer.weights) s += w * w;
      return s / (2 * n * n);
    };
    expect(variance('small') / 0.01 ** 2).toBeCloseTo(1, 1);
    expect(variance('standard') / (1 / (3 * n))).toBeCloseTo(1, 1);
    expect(variance('xavier') / (1 / n)).toBeCloseTo(1, 1);
    expect(variance('he') / (2 / n)).toBeCloseTo(1, 1);
    const std = labNetwork({ activation: 'linear', init: 'standard', depth: 1, width: n, seed: 5 }).layers[0].weights;
    expect(Math.max(...std.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(n));
    expectInNote('gradient-lab', '관행적 균등 $U[-1/\\sqrt{n},\\ 1/\\sqrt{n}]$, Xavier $N(0, 1/n)$');
    expectInNote('gradient-lab', 'He $N(0, 2/n)$');
  });
});

describe('손실을 이렇게 정한 이유: 모두 더하면 ReLU + He에서도 출력층 쪽이 층마다 약 1.1배', () => {
  /** Geometric mean over seeds of the per-layer growth of ‖∂L/∂h‖ over the `layers` nearest the output. */
  function growth(
    activation: ActivationId,
    init: InitId,
    readout: Readout,
    layers: number,
    depth = 30,
    seeds = 20,
  ): number {
    let logSum = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const network = labNetwork({ activation, init, depth, width: 64, seed });
      const a = gradientFlow(network, labInput(64, seed), LAB_BATCH, { readout }).activationGradNorm;
      logSum += Math.log(a[depth - 1 - layers] / a[depth - 1]) / layers;
    }
    return Math.exp(logSum / seeds);
  }

  it('모두 더한 손실: 출력층 쪽 10개 층에서 층마다 약 1.1배, 번갈아 곱하면 약 1배', () => {
    const sum = growth('relu', 'he', 'sum', 10);
    expect(sum.toFixed(1)).toBe('1.1');
    expect(sum).toBeGreaterThan(1.05);
    const alternating = growth('relu', 'he', 'alternating', 10);
    expect(Math.abs(alternating - 1)).toBeLessThan(0.03);
    expectInNote('gradient-lab', '출력층 쪽 10개 층에서는 활성값 기울기의 노름이 층마다 평균 약 1.1배씩 커져');
    expectInNote('gradient-lab', '같은 조건에서 층마다 배율은 약 1배입니다');
  });

  it('원인은 ReLU의 마스크: 마스크가 없는 선형 신경망(배율 1인 Xavier)에서는 두 손실 모두 약 1배', () => {
    expect(Math.abs(growth('linear', 'xavier', 'sum', 10) - 1)).toBeLessThan(0.03);
    expect(Math.abs(growth('linear', 'xavier', 'alternating', 10) - 1)).toBeLessThan(0.03);
  });
});

describe('화면 읽는 법', () => {
  it('점선(이론)은 출력층에서 시뮬레이션과 같은 값에서 출발해 층마다 √r배', () => {
    const { data } = lab('relu', 'xavier', 10);
    expect(data.theory[9]).toBe(data.actGrad[9]);
    for (let l = 0; l < 9; l++) expectClose(data.theory[l] / data.theory[l + 1], Math.sqrt(0.5), { rel: 1e-12 });
    expectInNote('gradient-lab', '출력층에서 시뮬레이션과 같은 값에서 출발해 층마다 $\\sqrt{r}$배가 됩니다');
  });

  it('연쇄 법칙 상한 (max f′)ⁿ, n = 깊이 − 1: 시그모이드 0.25ⁿ, tanh·ReLU 1; 시뮬레이션은 한참 아래일 수도 위일 수도 있다', () => {
    const std = lab('sigmoid', 'standard', 20);
    expect(std.data.chainExponent).toBe(19);
    expect(std.data.chainBound).toBe(0.25 ** 19);
    expect(std.view.chain.boundFormula).toBe('0.25¹⁹');
    expect(std.ratio).toBeLessThan(std.data.chainBound / 1e3);
    expect(chainRuleBound('tanh', 49)).toBe(1);
    expect(chainRuleBound('relu', 29)).toBe(1);
    expectInNote('gradient-lab', '(시그모이드는 $0.25^n$, tanh와 ReLU는 1)');
    expectInNote('gradient-lab', '연쇄 법칙 상한 $0.25^{19}$보다도 훨씬 아래에 있다는 점');
    const tanhHe = lab('tanh', 'he', 50);
    expect(tanhHe.ratio).toBeGreaterThan(tanhHe.data.chainBound);
  });

  it('분포 그래프: 띠는 평균 ± 표준편차, 막대는 포화된 (샘플, 유닛) 비율 또는 16개 샘플 모두에서 z ≤ 0인 유닛 비율', () => {
    const width = 8;
    const depth = 6;
    for (const [activation, init] of [
      ['relu', 'he'],
      ['sigmoid', 'he'],
    ] as const) {
      const network = labNetwork({ activation, init, depth, width, seed: 4 });
      const input = labInput(width, 4);
      const { data, view } = lab(activation, init, depth, width, 4);
      const act = activations[activation];
      const { hs, zs } = naiveForward(network, input, LAB_BATCH);
      for (let l = 0; l < depth; l++) {
        const out = hs[l + 1];
        const z = zs[l];
        const mean = out.reduce((s, v) => s + v, 0) / out.length;
        const std = Math.sqrt(out.reduce((s, v) => s + (v - mean) ** 2, 0) / out.length);
        expectClose(view.dist.mean[l], mean, { rel: 1e-10, abs: 1e-14 });
        expectClose(view.dist.std[l], std, { rel: 1e-10, abs: 1e-14 });
        let share: number;
        if (activation === 'relu') {
          let dead = 0;
          for (let i = 0; i < width; i++) {
            let allOff = true;
            for (let b = 0; b < LAB_BATCH; b++) if (z[b * width + i] > 0) allOff = false;
            if (allOff) dead++;
          }
          share = dead / width;
        } else {
          share = z.filter((v) => Math.abs(act.df(v)) < 0.01 * 0.25).length / z.length;
        }
        expect(data.fraction[l], `${activation} layer ${l + 1}`).toBeCloseTo(share, 14);
      }
    }
    expectInNote('gradient-lab', '배치의 16개 샘플 **모두**에서 $z \\le 0$인 유닛의 비율');
    expectInNote('gradient-lab', "$\\lvert f'(z) \\rvert$가 최댓값의 1%보다 작은 (샘플, 유닛) 쌍의 비율");
  });
});

describe('먼저 예측해 보기: 답이 실험실의 값과 같다', () => {
  it('1. 시그모이드 + He, 깊이 20: 비율 약 3.5 × 10⁻¹⁰, 상한 0.25¹⁹ ≈ 3.6 × 10⁻¹²의 약 100배', () => {
    const { data, view, ratio } = lab('sigmoid', 'he', 20);
    expect(sciTex(data.chainBound)).toBe('3.6 \\times 10^{-12}');
    expect(sciTex(ratio)).toBe('3.5 \\times 10^{-10}');
    expect(view.chain.simulated).toBe(sci(ratio, 2));
    expect(Math.round(Math.log10(ratio / data.chainBound))).toBe(2);
    expectInNote('gradient-lab', '$0.25^{19} \\approx 3.6 \\times 10^{-12}$');
    expectInNote('gradient-lab', '약 $3.5 \\times 10^{-10}$으로 상한의 약 100배');
    expectInNote(
      'gradient-lab',
      '?lab.activation=sigmoid&lab.init=he&lab.depth=20&lab.width=64&lab.seed=1#직접-해-보기',
    );
  });

  it('2. ReLU + He, 깊이 30, 시드 5: 비율 약 2.3으로 상한 1을 넘고, 시드 1–10은 1의 양쪽에 흩어진다', () => {
    const { ratio } = lab('relu', 'he', 30, 64, 5);
    expect(sig(ratio, 2)).toBe('2.3');
    const ratios = Array.from({ length: 10 }, (_, i) => lab('relu', 'he', 30, 64, i + 1).ratio);
    expect(ratios.some((r) => r > 1)).toBe(true);
    expect(ratios.some((r) => r < 1)).toBe(true);
    expectInNote(
      'gradient-lab',
      '시드 5](?lab.activation=relu&lab.init=he&lab.depth=30&lab.width=64&lab.seed=5#직접-해-보기)에서 비율은 약 2.3입니다',
    );
  });

  it('3. tanh + He, 깊이 50: 이론 2^24.5 ≈ 2.4 × 10⁷배 대신 약 13배, 여섯 자릿수 작다', () => {
    const { data, ratio } = lab('tanh', 'he', 50);
    const theory = data.theory[0] / data.theory[49];
    expectClose(theory, 2 ** 24.5, { rel: 1e-12 });
    expect(sciTex(theory)).toBe('2.4 \\times 10^{7}');
    expect(Math.round(ratio)).toBe(13);
    expect(Math.round(Math.log10(theory / ratio))).toBe(6);
    expectInNote('gradient-lab', '$2^{24.5} \\approx 2.4 \\times 10^{7}$배');
    expectInNote('gradient-lab', '에서 약 13배입니다. 폭주하기는 하지만 이론값보다 여섯 자릿수 작습니다');
  });

  it('가중치 초기화 노트: ReLU + 관행적 균등, 깊이 30은 이론 약 5.2 × 10⁻¹²배, 시뮬레이션도 같은 자릿수', () => {
    const { data, ratio } = lab('relu', 'standard', 30);
    const theory = data.theory[0] / data.theory[29];
    expect(sciTex(theory)).toBe('5.2 \\times 10^{-12}');
    expectClose(theory, (1 / 6) ** 14.5, { rel: 1e-12 });
    expect(Math.floor(Math.log10(ratio))).toBe(Math.floor(Math.log10(theory)));
    expectInNote('weight-initialization', '29개 층을 거치면 약 $5.2 \\times 10^{-12}$배입니다');
  });
});
