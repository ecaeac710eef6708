/**
 * The formulas of the note "학습이 멈추는 순간" against src/lib's training code: the two losses'
 * ∂ℓ/∂z (closed form and finite differences), what the init scale does to the weights, and
 * Adam's scale invariance and its ε (the lib's own update rule).
 */
import { describe, expect, it } from 'vitest';
import { createTrainer, sigmoid } from '../../src/lib';
import { lossSum, outputGradient } from '../../src/lib/training/loss';
import { ADAM_EPSILON, applyUpdate, createOptimizerState } from '../../src/lib/training/optimizers';
import { trainerSpec } from '../../src/components/charts/training/spec';
import { expectInNote, preset, varianceFactor } from '../helpers/training-lab-note';

describe('본문의 식', () => {
  it('∂ℓ/∂z: 교차 엔트로피는 ŷ − y, 평균 제곱 오차는 2(ŷ − y)ŷ(1 − ŷ) (라이브러리의 손실과 유한 차분)', () => {
    expectInNote('- 교차 엔트로피: $\\partial \\ell/\\partial z = \\hat y - y$');
    expectInNote('- 평균 제곱 오차: $\\partial \\ell/\\partial z = 2(\\hat y - y)\\,\\hat y\\,(1 - \\hat y)$');
    const one = (loss: 'bce' | 'mse', z: number, y: number) => lossSum(loss, Float64Array.of(z), Float64Array.of(y), 1);
    const grad = (loss: 'bce' | 'mse', z: number, y: number) => {
      const out = new Float64Array(1);
      outputGradient(loss, Float64Array.of(z), Float64Array.of(y), 1, 1, out);
      return out[0];
    };
    for (const z of [-4, -1, 0, 0.5, 3]) {
      for (const y of [0, 1]) {
        const s = sigmoid(z);
        expect(grad('bce', z, y)).toBeCloseTo(s - y, 14);
        expect(grad('mse', z, y)).toBeCloseTo(2 * (s - y) * s * (1 - s), 14);
        for (const loss of ['bce', 'mse'] as const) {
          const h = 1e-5;
          const fd = (one(loss, z + h, y) - one(loss, z - h, y)) / (2 * h);
          expect(grad(loss, z, y)).toBeCloseTo(fd, 8);
        }
      }
    }
    // confidently wrong (y = 0, ŷ → 1): cross-entropy's gradient → 1, MSE's → 0, and the more wrong the smaller
    expect(grad('bce', 20, 0)).toBeCloseTo(1, 8);
    expect(grad('mse', 20, 0)).toBeLessThan(1e-7);
    expect(grad('mse', 10, 0)).toBeLessThan(grad('mse', 5, 0));
    expectInNote('틀릴수록 오히려 덜 고치는 셈입니다');
  });

  it('초기화 배율 a: 가중치가 a배이므로 분산 배율은 a²배', () => {
    const p = preset('배율 3').state;
    const scaled = createTrainer(trainerSpec(p) as Parameters<typeof createTrainer>[0]).parameters();
    const plain = createTrainer(
      trainerSpec({ ...p, initScale: 1 }) as Parameters<typeof createTrainer>[0],
    ).parameters();
    // every parameter (weights; the biases start at 0) is the same draw times a
    for (let i = 0; i < plain.length; i++) expect(scaled[i]).toBeCloseTo(p.initScale * plain[i], 12);
    expect(plain.some((w) => w !== 0)).toBe(true);
    expectInNote('배율이 $a$면 분산 배율은 $a^2$배가 되어, ReLU + He에서 신호와 기울기가 층마다 약 $a$배씩 커집니다');
    const r = (scale: number) => Math.sqrt(varianceFactor({ ...p, initScale: 1 }) * scale ** 2);
    expect(r(p.initScale)).toBeCloseTo(p.initScale, 14);
  });

  it('Adam의 갱신은 기울기의 척도와 무관하다, 기울기가 ε보다 훨씬 작아지기 전까지는', () => {
    expectInNote('$\\hat m$과 $\\sqrt{\\hat v}$이 함께 $c$배 작아져 비율은 그대로입니다');
    expectInNote('갱신이 $\\eta\\,\\hat m/\\epsilon$, 즉 다시 기울기에 비례하게 됩니다');
    const lr = 0.01;
    /** Total movement of one parameter after 50 Adam steps with a constant gradient g. */
    const moved = (g: number) => {
      const st = createOptimizerState(1, 'adam');
      const p = Float64Array.of(0);
      for (let i = 0; i < 50; i++) applyUpdate('adam', st, p, Float64Array.of(g), 1, lr);
      return -p[0];
    };
    // gradients 10³ and 10⁵ times smaller (still ≫ ε): the same steps
    expect(moved(1e-3) / moved(1)).toBeCloseTo(1, 4);
    expect(moved(1e-5) / moved(1)).toBeCloseTo(1, 2);
    // far below ε: proportional to g again, about lr·g/ε per step
    expect(moved(1e-11) / moved(1e-12)).toBeCloseTo(10, 1);
    expect(moved(1e-11) / ((50 * lr * 1e-11) / ADAM_EPSILON)).toBeCloseTo(1, 2);
  });
});
