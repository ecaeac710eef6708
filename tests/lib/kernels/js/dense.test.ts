import { describe, expect, it } from 'vitest';
import { mulAB, mulABt } from '../../../../src/lib/kernels/js/dense';
import { gramUpper, transpose } from '../../../../src/lib/kernels/js/gram';
import { maxAbs, norm2 } from '../../../../src/lib/numeric/stats';
import { randomMatrix as random } from '../../../helpers/random';
import { expectClose } from '../../../helpers/expect-close';

// Shapes that exercise every blocked path and every tail (m % 4, n % 3, n % 2).
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [4, 3, 5],
  [5, 7, 3],
  [7, 2, 9],
  [8, 6, 1],
  [16, 64, 64],
  [3, 10, 4],
];

describe('dense kernels', () => {
  it('mulABt computes A·Bᵀ + bias like the textbook triple loop', () => {
    let seed = 1;
    for (const [m, n, k] of SHAPES) {
      const A = random(m * k, seed++);
      const B = random(n * k, seed++);
      const bias = random(n, seed++);
      const C = new Float64Array(m * n);
      mulABt(A, B, C, m, n, k, bias);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += A[i * k + p] * B[j * k + p];
          expectClose(C[i * n + j], s + bias[j], { rel: 1e-13, abs: 1e-15, label: `${m}×${n}×${k} [${i}][${j}]` });
        }
      }
    }
  });

  it('mulAB computes A·B and agrees with mulABt on the transpose', () => {
    let seed = 100;
    for (const [m, n, k] of SHAPES) {
      const A = random(m * k, seed++);
      const B = random(k * n, seed++);
      const C = new Float64Array(m * n);
      mulAB(A, B, C, m, n, k);
      const BT = new Float64Array(n * k);
      transpose(B, BT, k, n);
      const D = new Float64Array(m * n);
      mulABt(A, BT, D, m, n, k);
      for (let i = 0; i < m * n; i++) expectClose(C[i], D[i], { rel: 1e-13, abs: 1e-15 });
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += A[i * k + p] * B[p * n + j];
          expectClose(C[i * n + j], s, { rel: 1e-13, abs: 1e-15 });
        }
      }
    }
  });

  it('gramUpper fills the upper triangle of A·Aᵀ', () => {
    let seed = 200;
    for (const [m, , k] of SHAPES) {
      const A = random(m * k, seed++);
      const G = new Float64Array(m * m);
      gramUpper(A, G, m, k);
      for (let i = 0; i < m; i++) {
        for (let j = i; j < m; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += A[i * k + p] * A[j * k + p];
          expectClose(G[i * m + j], s, { rel: 1e-13, abs: 1e-15, label: `${m}×${k} [${i}][${j}]` });
        }
      }
    }
  });
});

describe('safe reductions', () => {
  it('norm2 stays exact for values whose squares would under- or overflow', () => {
    const base = random(100, 7);
    const ref = norm2(base, 100);
    for (const e of [-1060, -700, 600, 1000]) {
      const scaled = base.map((v) => v * 2 ** e);
      expectClose(norm2(scaled, 100), ref * 2 ** e, { rel: 1e-15 });
    }
    expect(norm2(new Float64Array(4), 4)).toBe(0);
    expect(norm2(Float64Array.of(1, NaN), 2)).toBeNaN();
    expect(norm2(Float64Array.of(1, Infinity), 2)).toBe(Infinity);
  });

  it('maxAbs reports NaN when any entry is NaN', () => {
    expect(maxAbs(Float64Array.of(-3, 2), 2)).toBe(3);
    expect(maxAbs(Float64Array.of(1, NaN, 5), 3)).toBeNaN();
  });
});
