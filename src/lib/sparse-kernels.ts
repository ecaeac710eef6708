/**
 * Products with a row-compacted left operand: only the non-zero entries of each row of A
 * are stored, so work scales with the number of non-zeros. ReLU makes about half of every
 * layer's output out_l and of every ∂L/∂z_l exactly 0, which halves both matrix products.
 *
 * The non-zero terms are summed in the same order (increasing p) as the dense kernels in
 * `kernels.ts`, and an exact 0·w is ±0, which leaves a sum unchanged (a sum that starts at
 * +0 is never −0), so for finite B the results are bit-identical to the dense ones. Only
 * 0·±∞ and 0·NaN would differ, so callers use these kernels only when B is all finite.
 */

/**
 * Row-compacted m × k matrix: row i holds its non-zero entries at positions
 * i·k ≤ t < end[i], with val[t] = A[i][idx[t]] and idx[t] increasing along the row.
 */
export interface SparseRows {
  readonly idx: Int32Array;
  readonly val: Float64Array;
  readonly end: Int32Array;
}

export function createSparseRows(m: number, k: number): SparseRows {
  return { idx: new Int32Array(m * k), val: new Float64Array(m * k), end: new Int32Array(m) };
}

/** Stores the non-zeros of the m × k matrix A into `rows` (the plain, branching way). */
export function compactRows(A: Float64Array, rows: SparseRows, m: number, k: number): void {
  const { idx, val, end } = rows;
  for (let i = 0; i < m; i++) {
    let t = i * k;
    for (let p = 0; p < k; p++) {
      const v = A[i * k + p];
      if (v !== 0) {
        idx[t] = p;
        val[t] = v;
        t++;
      }
    }
    end[i] = t;
  }
}

/** Number of stored non-zeros of the m × k matrix `rows`. */
export function nonZeros(rows: SparseRows, m: number, k: number): number {
  const end = rows.end;
  let count = 0;
  for (let i = 0; i < m; i++) count += end[i] - i * k;
  return count;
}

/**
 * Below this share of non-zeros the compacted kernels beat the dense ones: they load an
 * index and a value per term and feed 8 multiply-adds per index, where the dense 4 × 3
 * block feeds 12 multiply-adds from 7 loads, so they win only when they skip about a third
 * of the terms or more.
 */
export const SPARSE_DENSITY = 0.7;

/**
 * C = A·Bᵀ + bias for a row-compacted A (m × k) and B n × k, i.e. the layer pre-activation
 * z = W·in + b with A = in (batch × width) and B = W (row-major, out × in): the dense
 * `mulABt` skipping the zeros of in. One row of A against 8 rows of B at a time, so each
 * (index, value) load feeds 8 multiply-adds with the accumulators in registers.
 */
export function mulSparseABt(A: SparseRows, B: Float64Array, C: Float64Array, m: number, n: number, k: number, bias: Float64Array): void {
  const { idx, val, end } = A;
  for (let i = 0; i < m; i++) {
    const t0 = i * k;
    const t1 = end[i];
    const c0 = i * n;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const bj = j * k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let t = t0; t < t1; t++) {
        const v = val[t];
        // B[j + r][p] for r = 0..7: a column of B, stride k.
        let q = bj + idx[t];
        s0 += v * B[q];
        q += k;
        s1 += v * B[q];
        q += k;
        s2 += v * B[q];
        q += k;
        s3 += v * B[q];
        q += k;
        s4 += v * B[q];
        q += k;
        s5 += v * B[q];
        q += k;
        s6 += v * B[q];
        q += k;
        s7 += v * B[q];
      }
      const c = c0 + j;
      C[c] = s0 + bias[j];
      C[c + 1] = s1 + bias[j + 1];
      C[c + 2] = s2 + bias[j + 2];
      C[c + 3] = s3 + bias[j + 3];
      C[c + 4] = s4 + bias[j + 4];
      C[c + 5] = s5 + bias[j + 5];
      C[c + 6] = s6 + bias[j + 6];
      C[c + 7] = s7 + bias[j + 7];
    }
    for (; j < n; j++) {
      const bj = j * k;
      let s = 0;
      for (let t = t0; t < t1; t++) s += val[t] * B[bj + idx[t]];
      C[c0 + j] = s + bias[j];
    }
  }
}

/**
 * C = A·B for a row-compacted A (m × k) and B k × n: the backward product
 * ∂L/∂in = ∂L/∂z·W with A = ∂L/∂z, skipping its zeros (the units with f′(z) = 0). Each
 * non-zero A[i][p] scales the contiguous row p of B, 8 columns at a time.
 */
export function mulSparseAB(A: SparseRows, B: Float64Array, C: Float64Array, m: number, n: number, k: number): void {
  const { idx, val, end } = A;
  for (let i = 0; i < m; i++) {
    const t0 = i * k;
    const t1 = end[i];
    const c0 = i * n;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let t = t0; t < t1; t++) {
        const v = val[t];
        let q = idx[t] * n + j;
        s0 += v * B[q];
        q++;
        s1 += v * B[q];
        q++;
        s2 += v * B[q];
        q++;
        s3 += v * B[q];
        q++;
        s4 += v * B[q];
        q++;
        s5 += v * B[q];
        q++;
        s6 += v * B[q];
        q++;
        s7 += v * B[q];
      }
      const c = c0 + j;
      C[c] = s0;
      C[c + 1] = s1;
      C[c + 2] = s2;
      C[c + 3] = s3;
      C[c + 4] = s4;
      C[c + 5] = s5;
      C[c + 6] = s6;
      C[c + 7] = s7;
    }
    for (; j < n; j++) {
      let s = 0;
      for (let t = t0; t < t1; t++) s += val[t] * B[idx[t] * n + j];
      C[c0 + j] = s;
    }
  }
}

/**
 * Upper triangle (j ≥ i) of the Gram matrix G = A·Aᵀ (A m × k, G m × m) with `rows` the
 * row-compacted A: G[i][j] = Σ_t val[t]·A[j][idx[t]] over the non-zeros of row i. Columns go
 * 8 at a time from i rounded down to a multiple of 8, so some entries below the diagonal
 * are written too (as with `gramUpper`, they are unspecified).
 */
export function gramSparseUpper(rows: SparseRows, A: Float64Array, G: Float64Array, m: number, k: number): void {
  const { idx, val, end } = rows;
  for (let i = 0; i < m; i++) {
    const t0 = i * k;
    const t1 = end[i];
    const g0 = i * m;
    let j = i - (i & 7);
    for (; j + 8 <= m; j += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      const aj = j * k;
      for (let t = t0; t < t1; t++) {
        const v = val[t];
        let q = aj + idx[t];
        s0 += v * A[q];
        q += k;
        s1 += v * A[q];
        q += k;
        s2 += v * A[q];
        q += k;
        s3 += v * A[q];
        q += k;
        s4 += v * A[q];
        q += k;
        s5 += v * A[q];
        q += k;
        s6 += v * A[q];
        q += k;
        s7 += v * A[q];
      }
      const c = g0 + j;
      G[c] = s0;
      G[c + 1] = s1;
      G[c + 2] = s2;
      G[c + 3] = s3;
      G[c + 4] = s4;
      G[c + 5] = s5;
      G[c + 6] = s6;
      G[c + 7] = s7;
    }
    for (j = Math.max(j, i); j < m; j++) {
      const aj = j * k;
      let s = 0;
      for (let t = t0; t < t1; t++) s += val[t] * A[aj + idx[t]];
      G[g0 + j] = s;
    }
  }
}

/** True when every one of the first n entries of a is finite (no ±∞, no NaN). */
export function allFinite(a: Float64Array, n: number): boolean {
  // x·0 is 0 for finite x and NaN for ±∞ and NaN, so a sum answers for the whole array;
  // four sums, so that the adds do not wait on each other.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * 0;
    s1 += a[i + 1] * 0;
    s2 += a[i + 2] * 0;
    s3 += a[i + 3] * 0;
  }
  for (; i < n; i++) s0 += a[i] * 0;
  return s0 + s1 + s2 + s3 === 0;
}
