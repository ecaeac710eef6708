/**
 * Every number the activation notes state, recomputed through src/lib and tied to the exact
 * text the reader sees (`expectInNote`), so a changed number in the text or in the library fails.
 */
import { describe, expect, it } from 'vitest';
import { activations, getActivation, type ActivationId } from '../../src/lib';
import { expectInNote, sig } from './note-text';
import { bisect, grid, gridMax, gridMin } from './numeric-search';

const sigmoid = activations.sigmoid;
const tanh = activations.tanh;
const relu = activations.relu;

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
