import { createRng, getActivation, randomNormal, type TrainerSpec } from '../../src/lib';

/** A small trainer spec for exact-math tests (depth 3, width 5, 20 points), with overrides. */
export function smallSpec(overrides: Partial<TrainerSpec> = {}): TrainerSpec {
  return {
    dataset: { kind: 'circle', size: 20, noise: 0.1, seed: 3 },
    depth: 3,
    width: 5,
    activation: 'tanh',
    init: 'xavier',
    initScale: 1,
    residual: false,
    norm: 'none',
    loss: 'bce',
    optimizer: 'sgd',
    learningRate: 0.1,
    batchSize: 10,
    clip: null,
    seed: 7,
    ...overrides,
  };
}

/** n seeded standard normals (a random direction or random points for a test). */
export function randomVector(n: number, seed: number, std = 1): Float64Array {
  const normal = randomNormal(createRng(seed), 0, std);
  return Float64Array.from({ length: n }, normal);
}

/** Central difference (f(p + h·e_i) − f(p − h·e_i)) / 2h of f at p along coordinate i. */
export function centralDifference(f: (p: Float64Array) => number, p: Float64Array, i: number, h: number): number {
  const q = p.slice();
  q[i] = p[i] + h;
  const up = f(q);
  q[i] = p[i] - h;
  const down = f(q);
  return (up - down) / (2 * h);
}

/**
 * The trainer's network written out naively (one sample at a time, no kernels, no shared
 * buffers) from the documented math, to check the trainer's semantics: logits s_b for the
 * m × 2 points x at the flat parameters p. Batch norm uses the statistics of these m points
 * (training mode) or the given running averages (evaluation mode).
 */
export function referenceLogits(
  spec: TrainerSpec,
  p: Float64Array,
  x: Float64Array,
  running?: { mean: Float64Array[]; variance: Float64Array[] },
): Float64Array {
  const { depth, width } = spec;
  const bn = spec.norm === 'batch';
  const f = getActivation(spec.activation).f;
  const m = x.length / 2;
  let o = 0;
  let h: number[][] = Array.from({ length: m }, (_, b) => [x[2 * b], x[2 * b + 1]]);
  for (let l = 0; l < depth; l++) {
    const nIn = l === 0 ? 2 : width;
    const W = p.subarray(o, (o += width * nIn));
    const b1 = p.subarray(o, (o += width));
    const b2 = bn ? p.subarray(o, (o += width)) : null;
    const u = h.map((row) =>
      Array.from({ length: width }, (_, j) => row.reduce((s, v, i) => s + W[j * nIn + i] * v, bn ? 0 : b1[j])),
    );
    let z = u;
    if (bn && b2) {
      const mean = running
        ? Array.from(running.mean[l])
        : Array.from({ length: width }, (_, j) => u.reduce((s, r) => s + r[j], 0) / m);
      const variance = running
        ? Array.from(running.variance[l])
        : Array.from({ length: width }, (_, j) => u.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / m);
      // With batch norm the first block is γ and the second β (no bias).
      z = u.map((r) => r.map((v, j) => (b1[j] * (v - mean[j])) / Math.sqrt(variance[j] + 1e-5) + b2[j]));
    }
    const prev = h;
    h = z.map((r, b) => r.map((v, j) => f(v) + (spec.residual && l > 0 ? prev[b][j] : 0)));
  }
  const w = p.subarray(o, (o += width));
  const bias = p[o];
  return Float64Array.from(h, (row) => row.reduce((s, v, j) => s + w[j] * v, bias));
}

/** Mean loss of logits s against labels y: bce = −[y ln σ + (1 − y) ln(1 − σ)], mse = (σ − y)². */
export function referenceLoss(loss: 'bce' | 'mse', s: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let b = 0; b < s.length; b++) {
    const q = 1 / (1 + Math.exp(-s[b]));
    sum += loss === 'bce' ? -(y[b] * Math.log(q) + (1 - y[b]) * Math.log(1 - q)) : (q - y[b]) ** 2;
  }
  return sum / s.length;
}
