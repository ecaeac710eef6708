import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork, createRng, gradientFlow, standardNormalInput, withActivation, type GradientFlowResult, type Network } from '../../src/lib';
import { setKernelBackend } from '../../src/lib/kernel-backend';
import { gramUpper, mulAB, mulABt } from '../../src/lib/kernels';
import { allFinite, compactRows, createSparseRows, gramSparseUpper, mulSparseAB, mulSparseABt, type SparseRows } from '../../src/lib/sparse-kernels';

/** m × k values in [−1, 1), about `zeros` of them exactly 0 (as ReLU leaves them). */
function randomSparse(m: number, k: number, seed: number, zeros = 0.5): Float64Array {
  const u = createRng(seed);
  return Float64Array.from({ length: m * k }, () => (u() < zeros ? 0 : 2 * u() - 1));
}

function compact(A: Float64Array, m: number, k: number): SparseRows {
  const rows = createSparseRows(m, k);
  compactRows(A, rows, m, k);
  return rows;
}

// Every 8-column block and every tail (n % 8), rows with no non-zeros at all (zeros = 1).
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 8, 5],
  [5, 19, 13],
  [16, 64, 64],
  [7, 3, 9],
  [9, 17, 8],
];

describe('sparse kernels', () => {
  it('mulSparseABt and mulSparseAB equal the dense kernels bit for bit (same order of the non-zero terms)', () => {
    let seed = 1;
    for (const [m, n, k] of SHAPES) {
      for (const zeros of [0, 0.5, 0.9, 1]) {
        const A = randomSparse(m, k, seed++, zeros);
        const rows = compact(A, m, k);
        const Bt = randomSparse(n, k, seed++, 0);
        const bias = randomSparse(1, n, seed++, 0);
        const dense = new Float64Array(m * n);
        const sparse = new Float64Array(m * n);
        mulABt(A, Bt, dense, m, n, k, bias);
        mulSparseABt(rows, Bt, sparse, m, n, k, bias);
        expect(Array.from(sparse), `ABt ${m}×${n}×${k} zeros ${zeros}`).toEqual(Array.from(dense));
        const B = randomSparse(k, n, seed++, 0);
        mulAB(A, B, dense, m, n, k);
        mulSparseAB(rows, B, sparse, m, n, k);
        expect(Array.from(sparse), `AB ${m}×${n}×${k} zeros ${zeros}`).toEqual(Array.from(dense));
      }
    }
  });

  it('gramSparseUpper equals gramUpper on and above the diagonal', () => {
    let seed = 50;
    for (const [m, , k] of SHAPES) {
      const A = randomSparse(m, k, seed++);
      const dense = new Float64Array(m * m);
      const sparse = new Float64Array(m * m);
      gramUpper(A, dense, m, k);
      gramSparseUpper(compact(A, m, k), A, sparse, m, k);
      for (let i = 0; i < m; i++) {
        for (let j = i; j < m; j++) expect(sparse[i * m + j], `${m}×${k} [${i}][${j}]`).toBe(dense[i * m + j]);
      }
    }
  });

  it('allFinite is false exactly when an entry is ±Infinity or NaN', () => {
    const a = randomSparse(5, 7, 3);
    expect(allFinite(a, a.length)).toBe(true);
    for (const bad of [Infinity, -Infinity, NaN]) {
      for (const at of [0, 17, 34]) {
        const b = a.slice();
        b[at] = bad;
        expect(allFinite(b, b.length), `${bad} at ${at}`).toBe(false);
      }
    }
    expect(allFinite(Float64Array.of(1e308, -1e308, 5e-324), 3)).toBe(true);
  });
});

/**
 * Leaky ReLU with slope 0 is ReLU (up to −0 for +0) computed by the generic dense path, so
 * the ReLU path, which compacts and skips zeros, must give exactly the same numbers.
 */
function expectSameAsDense(net: Network, input: Float64Array, batch: number, label: string): void {
  const dense = gradientFlow(withActivation(net, 'leaky-relu', { slope: 0 }), input, batch);
  const relu = gradientFlow(net, input, batch);
  for (const key of Object.keys(relu) as (keyof GradientFlowResult)[]) {
    if (key === 'activation') continue;
    const a = relu[key];
    const b = dense[key];
    expect(a instanceof Float64Array ? Array.from(a) : a, `${label} ${key}`).toEqual(b instanceof Float64Array ? Array.from(b) : b);
  }
}

describe('gradientFlow with ReLU (sparse path)', () => {
  // The sparse kernels serve the JS backend; with wasm, ReLU runs the dense SIMD kernels.
  beforeAll(() => setKernelBackend('js'));
  afterAll(() => setKernelBackend('wasm'));

  it('gives exactly the results of the dense path, for widths with and without 8-column tails', () => {
    let seed = 1;
    for (const [depth, width, batch] of [
      [6, 19, 6],
      [5, 16, 16],
      [4, 64, 16],
      [3, 9, 20],
    ] as const) {
      for (const init of ['he', 'xavier'] as const) {
        const net = createNetwork({ depth, width, activation: 'relu', init, seed: seed++ });
        for (const scale of [1, 8]) {
          const input = standardNormalInput(width, batch, seed++).map((v) => v * scale);
          expectSameAsDense(net, input, batch, `${depth}×${width}×${batch} ${init} ×${scale}`);
        }
      }
    }
  });

  it('stays exact when layers switch between the sparse and dense kernels and calls interleave shapes', () => {
    // A bias of +3 makes nearly every unit active (above the 70 % share, dense kernels);
    // 0 leaves about half active (sparse kernels). Alternating layers exercise both switches.
    const withBiases = (net: Network): Network => ({
      spec: net.spec,
      layers: net.layers.map((l, i) => ({ weights: l.weights, bias: l.bias.map(() => (i % 2 === 0 ? 3 : 0)) })),
    });
    const a = withBiases(createNetwork({ depth: 8, width: 24, activation: 'relu', init: 'he', seed: 21 }));
    const b = withBiases(createNetwork({ depth: 5, width: 40, activation: 'relu', init: 'xavier', seed: 22 }));
    const inA = standardNormalInput(24, 10, 23);
    const inB = standardNormalInput(40, 4, 24);
    // The workspace is cached per shape: A, B, A again must each match a fresh dense run.
    expectSameAsDense(a, inA, 10, 'A');
    expectSameAsDense(b, inB, 4, 'B');
    expectSameAsDense(a, inA, 10, 'A again');
    // For ReLU, mean |f′(z)| is the share of non-zero outputs: both sides of the 0.7 switch occur.
    const share = Array.from(gradientFlow(a, inA, 10).meanAbsDerivative);
    expect(share.some((x) => x > 0.7) && share.some((x) => x <= 0.7), `non-zero shares ${share.map((x) => x.toFixed(2))}`).toBe(true);
  });

  it('matches the dense path with non-finite weights (0·∞ = NaN is not skipped) and NaN inputs', () => {
    const net = createNetwork({ depth: 4, width: 12, activation: 'relu', init: 'he', seed: 5 });
    const input = standardNormalInput(12, 6, 6);
    const infWeight: Network = { spec: net.spec, layers: net.layers.map((l) => ({ weights: l.weights.slice(), bias: l.bias })) };
    infWeight.layers[2].weights[5] = Infinity;
    expectSameAsDense(infWeight, input, 6, 'Infinity weight');
    // (Not ±∞ inputs: they make some z = −∞, which leaky ReLU maps to 0·(−∞) = NaN and ReLU to 0.)
    const x = input.slice();
    x[7] = NaN;
    expectSameAsDense(net, x, 6, 'NaN input');
    const huge = input.map((v) => v * 1e306);
    expectSameAsDense(net, huge, 6, 'overflowing input');
  });

  it('maps z = −∞ to out = 0 and z = NaN to NaN, as max(0, z) does (the fallback of the fused layer)', () => {
    const width = 10;
    const batch = 3;
    const net = createNetwork({ depth: 2, width, activation: 'relu', init: 'he', seed: 9 });
    const input = standardNormalInput(width, batch, 10);
    input[4] = -Infinity;
    const W = net.layers[0].weights;
    const outs: number[] = [];
    const ders: number[] = [];
    for (let b = 0; b < batch; b++) {
      for (let o = 0; o < width; o++) {
        let z = 0;
        for (let i = 0; i < width; i++) z += W[o * width + i] * input[b * width + i];
        outs.push(Math.max(0, z));
        ders.push(z > 0 ? 1 : z <= 0 ? 0 : NaN);
      }
    }
    expect(outs.some((v) => v === 0) && outs.some((v) => v === Infinity)).toBe(true);
    const result = gradientFlow(net, input, batch);
    expect(result.mean[0]).toBe(outs.reduce((s, v) => s + v, 0) / outs.length);
    expect(result.meanAbsDerivative[0]).toBe(ders.reduce((s, v) => s + v, 0) / ders.length);
  });
});
