import { describe, expect, it } from 'vitest';
import { createTrainer, parameterLayout } from '../../../src/lib';
import { expectAllClose, expectClose } from '../../helpers/expect-close';
import { smallSpec } from '../../helpers/training';

/** Whole training set per step (size 20 → 10 training points), so a step's gradient is gradientAt(p). */
const whole = { batchSize: 10 } as const;

function l2(a: Float64Array): number {
  return Math.sqrt(a.reduce((s, v) => s + v * v, 0));
}

describe('optimizer steps', () => {
  for (const norm of ['none', 'batch'] as const) {
    it(`one sgd step on the whole training set is exactly p − η·gradientAt(p) (norm ${norm})`, () => {
      const t = createTrainer(smallSpec({ ...whole, norm, optimizer: 'sgd', learningRate: 0.3 }));
      const p = t.parameters();
      const g = t.gradientAt(p);
      t.step();
      expect(t.parameters()).toEqual(p.map((v, i) => v - 0.3 * g[i]));
    });
  }

  it('momentum: two steps follow m₁ = g₁, m₂ = 0.9·m₁ + g₂, p ← p − η·m', () => {
    const t = createTrainer(smallSpec({ ...whole, optimizer: 'momentum', learningRate: 0.2 }));
    const p0 = t.parameters();
    const g1 = t.gradientAt(p0);
    const p1 = p0.map((v, i) => v - 0.2 * g1[i]);
    const g2 = t.gradientAt(p1);
    const p2 = p1.map((v, i) => v - 0.2 * (0.9 * g1[i] + g2[i]));
    t.step();
    expect(t.parameters()).toEqual(p1);
    t.step();
    expectAllClose(t.parameters(), p2, { rel: 1e-15, abs: 1e-17 });
  });

  it('adam: the first step is η·g/(|g| + ε) after bias correction, the second uses both moments', () => {
    const lr = 0.01;
    const t = createTrainer(smallSpec({ ...whole, optimizer: 'adam', learningRate: lr }));
    const p0 = t.parameters();
    const g1 = t.gradientAt(p0);
    const p1 = p0.map((v, i) => v - (lr * g1[i]) / (Math.abs(g1[i]) + 1e-8));
    t.step();
    expectAllClose(t.parameters(), p1, { rel: 1e-14, abs: 1e-18 });
    const g2 = t.gradientAt(t.parameters());
    const p2 = p1.map((v, i) => {
      const m = (0.9 * 0.1 * g1[i] + 0.1 * g2[i]) / (1 - 0.9 ** 2);
      const s = (0.999 * 0.001 * g1[i] ** 2 + 0.001 * g2[i] ** 2) / (1 - 0.999 ** 2);
      return v - (lr * m) / (Math.sqrt(s) + 1e-8);
    });
    t.step();
    expectAllClose(t.parameters(), p2, { rel: 1e-12, abs: 1e-17 });
  });

  it('clipping scales the whole gradient to the global-norm limit, keeping its direction', () => {
    const lr = 0.5;
    const free = createTrainer(smallSpec({ ...whole, learningRate: lr }));
    const g = free.gradientAt(free.parameters());
    const limit = l2(g) / 4;
    const t = createTrainer(smallSpec({ ...whole, learningRate: lr, clip: limit }));
    const p = t.parameters();
    t.step();
    // p − η·(limit/‖g‖)·g, i.e. the gradient divided by 4 (up to the rounding of ‖g‖).
    expectAllClose(
      t.parameters(),
      p.map((v, i) => v - lr * (g[i] / 4)),
      { rel: 1e-14, abs: 1e-16 },
    );
    const applied = t.parameters().map((v, i) => (p[i] - v) / lr);
    expectClose(l2(applied), limit, { rel: 1e-9 });
  });

  it('a gradient already below the clip limit is applied unchanged', () => {
    const t = createTrainer(smallSpec({ ...whole, clip: 100 }));
    const p = t.parameters();
    const g = t.gradientAt(p);
    t.step();
    expect(t.parameters()).toEqual(p.map((v, i) => v - 0.1 * g[i]));
  });

  it('snapshot gradNorm[l] is ‖∂L/∂W_l‖_F of the step’s gradient before clipping, output layer last', () => {
    const spec = smallSpec({ ...whole, clip: 0.01 });
    const t = createTrainer(spec);
    const g = t.gradientAt(t.parameters());
    expect(l2(g)).toBeGreaterThan(0.01); // so the step is clipped
    const snap = t.step();
    const layout = parameterLayout(spec.depth, spec.width, false);
    expect(snap.gradNorm).toHaveLength(spec.depth + 1);
    for (let l = 0; l <= spec.depth; l++) {
      const w = g.subarray(layout.weight[l], layout.weight[l] + layout.fanIn[l] * layout.fanOut[l]);
      expectClose(snap.gradNorm[l], l2(w), { rel: 1e-12, label: `layer ${l}` });
    }
  });

  it('minibatches are a seeded shuffle: the same seed repeats the run, another seed does not', () => {
    const run = (seed: number) => {
      const t = createTrainer(smallSpec({ batchSize: 3, seed }));
      t.step(25);
      return t.parameters();
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('step(n) counts steps and computes the metrics once, at the end, in evaluation mode', () => {
    const t = createTrainer(smallSpec({ batchSize: 4, norm: 'batch' }));
    expect(t.snapshot().step).toBe(0);
    const snap = t.step(7);
    expect(snap.step).toBe(7);
    const { x, y } = t.dataset.test;
    const q = t.predict(x);
    let loss = 0;
    let correct = 0;
    for (let b = 0; b < y.length; b++) {
      loss -= y[b] * Math.log(q[b]) + (1 - y[b]) * Math.log(1 - q[b]);
      correct += +(q[b] > 0.5 === (y[b] === 1));
    }
    expectClose(snap.testLoss, loss / y.length, { rel: 1e-12 });
    expect(snap.testAccuracy).toBe(correct / y.length);
    expect(t.step(0).step).toBe(7);
  });
});
