/**
 * Dense kernels on row-major Float64Arrays. No allocation; register-blocked so that each
 * loaded element feeds several multiply-adds (V8 keeps the block's accumulators in registers).
 */

/**
 * C = A·Bᵀ (+ bias): C[i][j] = Σ_p A[i][p]·B[j][p] (+ bias[j]), with A m×k, B n×k, C m×n.
 * With A = inputs (batch × width) and B = W (row-major, out × in) this is the layer
 * pre-activation z = W·h + b for every sample at once.
 *
 * Both operands are walked along their contiguous rows, and a 4 × 3 block of C is built at
 * a time: 7 loads feed 12 multiply-adds, and the 12 accumulators stay in registers. (In V8
 * every typed-array load carries a bounds check, so loads per multiply-add decide the
 * speed; 4 × 4 needs more registers than x64 has and spills.)
 */
export function mulABt(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  m: number,
  n: number,
  k: number,
  bias: Float64Array | null = null,
): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    const c0 = i * n;
    let j = 0;
    // Written out by hand (hot loop), as in mulAB: one loop for both B orientations (strided) ran 3–8 % slower.
    for (; j + 3 <= n; j += 3) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s30 = 0,
        s31 = 0,
        s32 = 0;
      for (let p = 0; p < k; p++) {
        const y0 = B[b0 + p];
        const y1 = B[b1 + p];
        const y2 = B[b2 + p];
        let x = A[a0 + p];
        s00 += x * y0;
        s01 += x * y1;
        s02 += x * y2;
        x = A[a1 + p];
        s10 += x * y0;
        s11 += x * y1;
        s12 += x * y2;
        x = A[a2 + p];
        s20 += x * y0;
        s21 += x * y1;
        s22 += x * y2;
        x = A[a3 + p];
        s30 += x * y0;
        s31 += x * y1;
        s32 += x * y2;
      }
      if (bias !== null) {
        const e0 = bias[j];
        const e1 = bias[j + 1];
        const e2 = bias[j + 2];
        s00 += e0;
        s10 += e0;
        s20 += e0;
        s30 += e0;
        s01 += e1;
        s11 += e1;
        s21 += e1;
        s31 += e1;
        s02 += e2;
        s12 += e2;
        s22 += e2;
        s32 += e2;
      }
      const c = c0 + j;
      C[c] = s00;
      C[c + 1] = s01;
      C[c + 2] = s02;
      C[c + n] = s10;
      C[c + n + 1] = s11;
      C[c + n + 2] = s12;
      C[c + 2 * n] = s20;
      C[c + 2 * n + 1] = s21;
      C[c + 2 * n + 2] = s22;
      C[c + 3 * n] = s30;
      C[c + 3 * n + 1] = s31;
      C[c + 3 * n + 2] = s32;
    }
    for (; j < n; j++) {
      const b0 = j * k;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let p = 0; p < k; p++) {
        const y = B[b0 + p];
        s0 += A[a0 + p] * y;
        s1 += A[a1 + p] * y;
        s2 += A[a2 + p] * y;
        s3 += A[a3 + p] * y;
      }
      if (bias !== null) {
        const e = bias[j];
        s0 += e;
        s1 += e;
        s2 += e;
        s3 += e;
      }
      const c = c0 + j;
      C[c] = s0;
      C[c + n] = s1;
      C[c + 2 * n] = s2;
      C[c + 3 * n] = s3;
    }
  }
  for (; i < m; i++) {
    const a0 = i * k;
    const c0 = i * n;
    for (let j = 0; j < n; j++) {
      const b0 = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[a0 + p] * B[b0 + p];
      C[c0 + j] = bias !== null ? s + bias[j] : s;
    }
  }
}

/**
 * C = A·B: C[i][j] = Σ_p A[i][p]·B[p][j], with A m×k, B k×n, C m×n — the backward product
 * ∂L/∂in = ∂L/∂z·W without transposing W. B is walked down three columns at a time; at
 * the widths allowed B stays in cache, so the stride costs about nothing and saves the
 * width² copy of a transpose. Same 4 × 3 blocking as `mulABt`.
 */
export function mulAB(A: Float64Array, B: Float64Array, C: Float64Array, m: number, n: number, k: number): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    const c0 = i * n;
    let j = 0;
    // Written out by hand (hot loop), as in mulABt: one loop for both B orientations (strided) ran 3–8 % slower.
    for (; j + 3 <= n; j += 3) {
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s30 = 0,
        s31 = 0,
        s32 = 0;
      for (let p = 0, q = j; p < k; p++, q += n) {
        const y0 = B[q];
        const y1 = B[q + 1];
        const y2 = B[q + 2];
        let x = A[a0 + p];
        s00 += x * y0;
        s01 += x * y1;
        s02 += x * y2;
        x = A[a1 + p];
        s10 += x * y0;
        s11 += x * y1;
        s12 += x * y2;
        x = A[a2 + p];
        s20 += x * y0;
        s21 += x * y1;
        s22 += x * y2;
        x = A[a3 + p];
        s30 += x * y0;
        s31 += x * y1;
        s32 += x * y2;
      }
      const c = c0 + j;
      C[c] = s00;
      C[c + 1] = s01;
      C[c + 2] = s02;
      C[c + n] = s10;
      C[c + n + 1] = s11;
      C[c + n + 2] = s12;
      C[c + 2 * n] = s20;
      C[c + 2 * n + 1] = s21;
      C[c + 2 * n + 2] = s22;
      C[c + 3 * n] = s30;
      C[c + 3 * n + 1] = s31;
      C[c + 3 * n + 2] = s32;
    }
    for (; j < n; j++) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let p = 0, q = j; p < k; p++, q += n) {
        const y = B[q];
        s0 += A[a0 + p] * y;
        s1 += A[a1 + p] * y;
        s2 += A[a2 + p] * y;
        s3 += A[a3 + p] * y;
      }
      const c = c0 + j;
      C[c] = s0;
      C[c + n] = s1;
      C[c + 2 * n] = s2;
      C[c + 3 * n] = s3;
    }
  }
  for (; i < m; i++) {
    const a0 = i * k;
    const c0 = i * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0, q = j; p < k; p++, q += n) s += A[a0 + p] * B[q];
      C[c0 + j] = s;
    }
  }
}
