import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomMatrix as random } from '../../../helpers/random';
import { mulAB, mulABt } from '../../../../src/lib/kernels/js/dense';
import { gramUpper } from '../../../../src/lib/kernels/js/gram';
import {
  compileKernels,
  createWasmArena,
  kernelModule,
  kernelModuleBytes,
  type WasmArena,
} from '../../../../src/lib/kernels/wasm/arena';

/** Asserts Object.is equality entry by entry (NaN = NaN, but +0 ≠ −0). */
function expectIdentical(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  label: string,
  indices?: number[],
): void {
  const at = indices ?? Array.from({ length: expected.length }, (_, i) => i);
  const differ = at.filter((i) => !Object.is(actual[i], expected[i]));
  expect(
    differ.length,
    `${label}: first differing index ${differ[0]} (${actual[differ[0]]} vs ${expected[differ[0]]})`,
  ).toBe(0);
}

/** Indices of the upper triangle (j ≥ i) of an m × m matrix. */
function upper(m: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) for (let j = i; j < m; j++) out.push(i * m + j);
  return out;
}

// Every block and every tail: m % 4, m % 2, n % 4, n % 2, k = 1, and the chart shape.
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [2, 2, 2],
  [4, 3, 5],
  [5, 7, 3],
  [7, 2, 9],
  [8, 6, 1],
  [3, 10, 4],
  [9, 13, 11],
  [6, 5, 8],
  [16, 64, 64],
  [16, 16, 64],
  [64, 16, 64],
];

function arena(): WasmArena {
  const a = createWasmArena(16 * 64 * 64, 64 * 64);
  if (a === null) throw new Error('WebAssembly SIMD is expected in Node 22');
  return a;
}

describe('wasm kernel module', () => {
  it('is valid WebAssembly under 4 KB, so Chromium compiles it synchronously on the main thread', () => {
    const bytes = kernelModuleBytes();
    expect(bytes.length).toBeLessThan(4096);
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(kernelModule()).toBeInstanceOf(WebAssembly.Module);
  });

  it('exports its kernels and imports only its memory', () => {
    const module = kernelModule()!;
    expect(
      WebAssembly.Module.exports(module)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['backward_pointwise', 'centred_squares', 'layer_sums', 'mul_ab', 'mul_abt']);
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
  });
});

describe('wasm kernels', () => {
  for (const special of [false, true]) {
    it(`equal the JS kernels bit for bit on shapes with every tail${special ? ', with 0, −0, NaN, ±∞ and subnormals' : ''}`, () => {
      const { kernels } = arena();
      let seed = special ? 1000 : 1;
      for (const [m, n, k] of SHAPES) {
        const label = `${m}×${n}×${k}`;
        const A = random(m * k, seed++, special);
        const B = random(n * k, seed++, special);
        const bias = random(n, seed++, special);
        const expected = new Float64Array(m * n);
        const actual = new Float64Array(m * n);
        mulABt(A, B, expected, m, n, k, bias);
        kernels.mulABt(A, B, actual, m, n, k, bias);
        expectIdentical(actual, expected, `mulABt + bias ${label}`);
        mulABt(A, B, expected, m, n, k);
        kernels.mulABt(A, B, actual, m, n, k);
        expectIdentical(actual, expected, `mulABt ${label}`);
        mulAB(A, B, expected, m, n, k);
        kernels.mulAB(A, B, actual, m, n, k);
        expectIdentical(actual, expected, `mulAB ${label}`);
        const G = new Float64Array(m * m);
        const H = new Float64Array(m * m);
        gramUpper(A, G, m, k);
        kernels.gramUpper(A, H, m, k);
        expectIdentical(H, G, `gramUpper ${label}`, upper(m));
      }
    });
  }

  it('give the same results on views into their own memory (no staging) as on plain arrays', () => {
    const a = arena();
    const [m, n, k] = [9, 14, 13];
    const A = a.f64(m * k);
    const B = a.f64(n * k);
    const C = a.f64(m * n);
    A.set(random(m * k, 7));
    B.set(random(n * k, 8));
    const bias = random(n, 9);
    const expected = new Float64Array(m * n);
    mulABt(A, B, expected, m, n, k, bias);
    a.kernels.mulABt(A, B, C, m, n, k, bias);
    expectIdentical(C, expected, 'mulABt in memory');
    mulAB(A, B, expected, m, n, k);
    a.kernels.mulAB(A, B, C, m, n, k);
    expectIdentical(C, expected, 'mulAB in memory');
    const G = a.f64(m * m);
    gramUpper(A, expected, m, k);
    a.kernels.gramUpper(A, G, m, k);
    expectIdentical(G, expected, 'gramUpper in memory', upper(m));
  });

  it('write nothing outside their output, on every tail shape (guards before and after C and G)', () => {
    const SENTINEL = 12345.678;
    const guard = (a: WasmArena) => a.f64(8).fill(SENTINEL);
    let seed = 500;
    for (const [m, n, k] of SHAPES) {
      // Every operand lives in the memory and the staging area is tiny, so no call can stage.
      const a = createWasmArena(m * k + n * k + n + m * n + m * m + 3 * 8, 1)!;
      const A = a.f64(m * k);
      const B = a.f64(n * k);
      const bias = a.f64(n);
      A.set(random(m * k, seed++, true));
      B.set(random(n * k, seed++, true));
      bias.set(random(n, seed++));
      const guards = [guard(a)];
      const C = a.f64(m * n);
      guards.push(guard(a));
      const G = a.f64(m * m);
      guards.push(guard(a));
      a.kernels.mulABt(A, B, C, m, n, k, bias);
      a.kernels.mulAB(A, B, C, m, n, k);
      a.kernels.gramUpper(A, G, m, k);
      for (const [i, g] of guards.entries())
        expect(
          [...g].every((v) => v === SENTINEL),
          `${m}×${n}×${k}: guard ${i} overwritten`,
        ).toBe(true);
    }
  });

  it('fall back to the JS kernels for operands outside the memory that exceed the staging area', () => {
    const small = createWasmArena(0, 16)!;
    const [m, n, k] = [5, 6, 7];
    const A = random(m * k, 11);
    const B = random(n * k, 12);
    const expected = new Float64Array(m * n);
    const actual = new Float64Array(m * n);
    mulABt(A, B, expected, m, n, k);
    small.kernels.mulABt(A, B, actual, m, n, k);
    expectIdentical(actual, expected, 'mulABt');
    mulAB(A, B, expected, m, n, k);
    small.kernels.mulAB(A, B, actual, m, n, k);
    expectIdentical(actual, expected, 'mulAB');
  });

  it('backwardPointwise equals the scalar loop bit for bit (dz, column sums, Σ g², maxima), also with NaN and ±∞', () => {
    const a = arena();
    let seed = 300;
    for (const [batch, width] of [
      [1, 1],
      [3, 5],
      [4, 8],
      [16, 64],
      [5, 13],
    ] as const) {
      for (const special of [false, true]) {
        const n = batch * width;
        const g = a.f64(n);
        const der = a.f64(n);
        const dz = a.f64(n);
        const col = a.f64(width);
        const out = a.f64(3);
        g.set(random(n, seed++, special));
        der.set(random(n, seed++, special));
        expect(a.kernels.backwardPointwise!(g, der, dz, col, batch, width, out)).toBe(true);
        const eDz = new Float64Array(n);
        const eCol = new Float64Array(width);
        let sumSq = 0;
        let maxG = 0;
        let maxDz = 0;
        for (let b = 0; b < batch; b++) {
          for (let j = 0; j < width; j++) {
            const gi = g[b * width + j];
            const di = gi * der[b * width + j];
            eDz[b * width + j] = di;
            eCol[j] += di;
            sumSq += gi * gi;
            maxG = Math.max(maxG, Math.abs(gi));
            maxDz = Math.max(maxDz, Math.abs(di));
          }
        }
        const label = `${batch}×${width}${special ? ' special' : ''}`;
        expectIdentical(dz, eDz, `dz ${label}`);
        expectIdentical(col, eCol, `col ${label}`);
        expectIdentical(out, [sumSq, maxG, maxDz], `sums ${label}`);
      }
    }
    // Operands outside the memory: declined, so the caller runs its own loop.
    const plain = new Float64Array(4);
    expect(a.kernels.backwardPointwise!(plain, plain, plain, plain, 2, 2, plain)).toBe(false);
  });

  it('layerSums and centredSquares equal the scalar loops of layer-stats.ts bit for bit, also with NaN and ±∞', () => {
    const a = arena();
    let seed = 500;
    for (const n of [1, 2, 7, 64, 1024, 333]) {
      for (const special of [false, true]) {
        const z = a.f64(n);
        const out = a.f64(n);
        const der = a.f64(n);
        z.set(random(n, seed++, special));
        out.set(random(n, seed++, special));
        der.set(random(n, seed++, special).map((v) => v * 0.02));
        const label = `n ${n}${special ? ' special' : ''}`;
        for (const threshold of [0.01, 0.0025, -Infinity]) {
          let sumOut = 0;
          let sumZ = 0;
          let sumAbsDer = 0;
          let maxOut = 0;
          let maxZ = 0;
          let saturated = 0;
          for (let i = 0; i < n; i++) {
            sumOut += out[i];
            sumZ += z[i];
            sumAbsDer += Math.abs(der[i]);
            maxOut = Math.max(maxOut, Math.abs(out[i]));
            maxZ = Math.max(maxZ, Math.abs(z[i]));
            if (Math.abs(der[i]) < threshold) saturated++;
          }
          const sums = a.kernels.layerSums!(z, out, der, n, threshold);
          expectIdentical(
            sums!,
            [sumOut, sumZ, sumAbsDer, maxOut, maxZ, saturated],
            `layerSums ${label} threshold ${threshold}`,
          );
        }
        for (const [ko, kz, meanOut, meanZ] of [
          [1, 1, 0.1, -0.2],
          [2 ** 10, 2 ** -7, 3, -0],
        ]) {
          let qOut = 0;
          let qZ = 0;
          for (let i = 0; i < n; i++) {
            const x = out[i] * ko - meanOut;
            const c = z[i] * kz - meanZ;
            qOut += x * x;
            qZ += c * c;
          }
          const squares = a.kernels.centredSquares!(z, out, n, ko, kz, meanOut, meanZ);
          expectIdentical(squares!.subarray(0, 2), [qOut, qZ], `centredSquares ${label} ko ${ko}`);
        }
      }
    }
    const plain = new Float64Array(4);
    expect(a.kernels.layerSums!(plain, plain, plain, 4, 0.01)).toBeNull();
    expect(a.kernels.centredSquares!(plain, plain, 4, 1, 1, 0, 0)).toBeNull();
  });

  it('hand out views that never overlap and refuse more than the capacity', () => {
    const a = createWasmArena(10, 4)!;
    const x = a.f64(4);
    const y = a.f64(6);
    expect(y.byteOffset).toBe(x.byteOffset + 32);
    expect(() => a.f64(1)).toThrow(RangeError);
  });
});

describe('wasm kernel fallback', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('compileKernels returns null for bytes that are not a valid module', () => {
    expect(compileKernels(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 2]))).toBeNull();
    expect(compileKernels(new Uint8Array(0))).toBeNull();
  });

  it('compileKernels returns null where WebAssembly does not exist', () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(compileKernels(kernelModuleBytes())).toBeNull();
  });

  it('createWasmArena returns null without a module, or when the memory cannot be had', () => {
    expect(createWasmArena(100, 100, null)).toBeNull();
    expect(createWasmArena(2 ** 40, 1)).toBeNull();
    const module = kernelModule();
    vi.stubGlobal('WebAssembly', {
      Module: WebAssembly.Module,
      Instance: WebAssembly.Instance,
      validate: WebAssembly.validate,
      Memory: class {
        constructor() {
          throw new RangeError('WebAssembly.Memory(): could not allocate memory');
        }
      },
    });
    expect(createWasmArena(100, 100, module)).toBeNull();
  });
});
