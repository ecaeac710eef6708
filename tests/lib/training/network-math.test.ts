import { describe, expect, it } from 'vitest';
import { activationIds, createTrainer, lossIds, normIds } from '../../../src/lib';
import { expectAllClose, expectClose } from '../../helpers/expect-close';
import { randomVector, referenceLogits, referenceLoss, smallSpec } from '../../helpers/training';

describe('the trainer network', () => {
  for (const norm of normIds) {
    for (const residual of [false, true]) {
      for (const loss of lossIds) {
        it(`lossAt equals the naive forward pass and loss: norm ${norm}, residual ${residual}, ${loss}`, () => {
          const spec = smallSpec({ norm, residual, loss, activation: 'softplus' });
          const t = createTrainer(spec);
          const p = t.parameters();
          const jitter = randomVector(p.length, 5, 0.2);
          for (let i = 0; i < p.length; i++) p[i] += jitter[i];
          const s = referenceLogits(spec, p, t.dataset.train.x);
          expectClose(t.lossAt(p), referenceLoss(loss, s, t.dataset.train.y), { rel: 1e-12 });
        });
      }
    }
  }

  for (const activation of activationIds) {
    it(`predict returns σ of the naive forward pass, in [0, 1]: ${activation}, residual`, () => {
      const spec = smallSpec({ activation, residual: true, depth: 4 });
      const t = createTrainer(spec);
      t.step(20);
      const points = randomVector(2 * 50, 9, 1.5);
      const q = t.predict(points);
      const s = referenceLogits(spec, t.parameters(), points);
      expectAllClose(
        q,
        Float64Array.from(s, (v) => 1 / (1 + Math.exp(-v))),
        { rel: 1e-12, abs: 1e-15 },
      );
      for (const v of q) expect(v >= 0 && v <= 1).toBe(true);
    });
  }

  it('predict gives probabilities in [0, 1] even for saturated logits (relu, init scale 4)', () => {
    const t = createTrainer(smallSpec({ activation: 'relu', init: 'he', initScale: 4, depth: 6 }));
    const q = t.predict(Float64Array.from([100, -100, -100, 100, 0, 0, 1e6, 1e6]));
    for (const v of q) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('evaluation-mode batch norm uses the running averages (momentum 0.1, unbiased batch variance)', () => {
    // Depth 1, whole training set per step: after one step the running statistics are
    // μ_run = 0.1·μ and σ²_run = 0.9·1 + 0.1·σ²·m/(m − 1) of u = W₀·x at the initial W₀.
    const spec = smallSpec({ depth: 1, width: 4, norm: 'batch', batchSize: 10 });
    const t = createTrainer(spec);
    const p0 = t.parameters();
    const { x } = t.dataset.train;
    const m = x.length / 2;
    const mean = [new Float64Array(4)];
    const variance = [new Float64Array(4)];
    for (let j = 0; j < 4; j++) {
      const u = Array.from({ length: m }, (_, b) => p0[2 * j] * x[2 * b] + p0[2 * j + 1] * x[2 * b + 1]);
      const mu = u.reduce((a, v) => a + v, 0) / m;
      const s2 = u.reduce((a, v) => a + (v - mu) ** 2, 0) / m;
      mean[0][j] = 0.1 * mu;
      variance[0][j] = 0.9 + 0.1 * s2 * (m / (m - 1));
    }
    t.step(1);
    const points = randomVector(2 * 8, 4);
    const s = referenceLogits(spec, t.parameters(), points, { mean, variance });
    expectAllClose(
      t.predict(points),
      Float64Array.from(s, (v) => 1 / (1 + Math.exp(-v))),
      { rel: 1e-12 },
    );
    // …and not the statistics of the points themselves (training mode).
    const batchMode = referenceLogits(spec, t.parameters(), points);
    expect(Math.abs(t.predict(points)[0] - 1 / (1 + Math.exp(-batchMode[0])))).toBeGreaterThan(1e-3);
  });

  it('batch norm starts at γ = 1, β = 0 with no hidden biases; without it biases start at 0', () => {
    const bn = createTrainer(smallSpec({ norm: 'batch' })).parameters();
    const plain = createTrainer(smallSpec()).parameters();
    // Layer 0: W (5 × 2) then γ, β (with BN) or b (without).
    expect(Array.from(bn.subarray(10, 20))).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(plain.subarray(10, 15))).toEqual([0, 0, 0, 0, 0]);
    expect(bn.length - plain.length).toBe(3 * 5);
  });
});
