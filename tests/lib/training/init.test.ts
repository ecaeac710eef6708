import { describe, expect, it } from 'vitest';
import { createTrainer, initVariance, parameterLayout } from '../../../src/lib';
import { smallSpec } from '../../helpers/training';

describe('initial weights', () => {
  it('use each layer’s own fan-in and fan-out: Var[W_l] = initScale²·Var_init(n_in, n_out)', () => {
    const spec = smallSpec({
      depth: 6,
      width: 64,
      init: 'xavier',
      initScale: 2,
      dataset: { kind: 'xor', size: 200, noise: 0, seed: 1 },
    });
    const p = createTrainer(spec).parameters();
    const layout = parameterLayout(spec.depth, spec.width, false);
    for (let l = 0; l <= spec.depth; l++) {
      const n = layout.fanIn[l] * layout.fanOut[l];
      const w = p.subarray(layout.weight[l], layout.weight[l] + n);
      const variance = w.reduce((s, v) => s + v * v, 0) / n;
      const expected = 4 * initVariance('xavier', layout.fanIn[l], layout.fanOut[l]);
      // Relative standard error of a sample variance of n normals: √(2/n) (0.18 for the 64 output weights).
      expect(Math.abs(variance / expected - 1), `layer ${l}`).toBeLessThan(5 * Math.sqrt(2 / n));
    }
  });

  it('standard: U[−s/√n_in, s/√n_in] per layer (first layer n_in = 2)', () => {
    const spec = smallSpec({
      depth: 2,
      width: 32,
      init: 'standard',
      initScale: 0.5,
      dataset: { kind: 'xor', size: 200, noise: 0, seed: 1 },
    });
    const p = createTrainer(spec).parameters();
    const layout = parameterLayout(2, 32, false);
    for (let l = 0; l <= 2; l++) {
      const w = p.subarray(layout.weight[l], layout.weight[l] + layout.fanIn[l] * layout.fanOut[l]);
      const bound = 0.5 / Math.sqrt(layout.fanIn[l]);
      const max = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(max).toBeLessThanOrEqual(bound);
      expect(max).toBeGreaterThan(0.8 * bound);
    }
  });

  it('the seed decides the weights; the dataset seed does not', () => {
    const a = createTrainer(smallSpec()).parameters();
    expect(createTrainer(smallSpec({ dataset: { ...smallSpec().dataset, seed: 99 } })).parameters()).toEqual(a);
    expect(createTrainer(smallSpec({ seed: 8 })).parameters()).not.toEqual(a);
  });
});
