import { createRng, randomNormal, type TrainerSpec } from '../../src/lib';

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
