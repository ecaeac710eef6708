/**
 * The Gram matrix A·Aᵀ (the per-layer norms of ∂L/∂W need it) and a transpose, on row-major
 * Float64Arrays, beside the products of dense.ts. No allocation.
 */

/**
 * Upper triangle (j ≥ i) of the Gram matrix G = A·Aᵀ (A m×k, G m×m) — about half the work
 * of `mulABt(A, A, …)`, with the same 4 × 2 blocking. Entries below the diagonal are left
 * unspecified (diagonal blocks write some of them).
 */
export function gramUpper(A: Float64Array, G: Float64Array, m: number, k: number): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    const c0 = i * m;
    let j = i;
    // Written out by hand (hot loop): 4 × 2 over j ≥ i; mulABt's 4 × 3 loop started at j = i ran about 10 % slower.
    for (; j + 2 <= m; j += 2) {
      const b0 = j * k;
      const b1 = b0 + k;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0,
        s20 = 0,
        s21 = 0,
        s30 = 0,
        s31 = 0;
      for (let p = 0; p < k; p++) {
        const y0 = A[b0 + p];
        const y1 = A[b1 + p];
        const x0 = A[a0 + p];
        s00 += x0 * y0;
        s01 += x0 * y1;
        const x1 = A[a1 + p];
        s10 += x1 * y0;
        s11 += x1 * y1;
        const x2 = A[a2 + p];
        s20 += x2 * y0;
        s21 += x2 * y1;
        const x3 = A[a3 + p];
        s30 += x3 * y0;
        s31 += x3 * y1;
      }
      const c = c0 + j;
      G[c] = s00;
      G[c + 1] = s01;
      G[c + m] = s10;
      G[c + m + 1] = s11;
      G[c + 2 * m] = s20;
      G[c + 2 * m + 1] = s21;
      G[c + 3 * m] = s30;
      G[c + 3 * m + 1] = s31;
    }
    if (j < m) {
      const b0 = j * k;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let p = 0; p < k; p++) {
        const y = A[b0 + p];
        s0 += A[a0 + p] * y;
        s1 += A[a1 + p] * y;
        s2 += A[a2 + p] * y;
        s3 += A[a3 + p] * y;
      }
      const c = c0 + j;
      G[c] = s0;
      G[c + m] = s1;
      G[c + 2 * m] = s2;
      G[c + 3 * m] = s3;
    }
  }
  for (; i < m; i++) {
    const a0 = i * k;
    for (let j = i; j < m; j++) {
      const b0 = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[a0 + p] * A[b0 + p];
      G[i * m + j] = s;
    }
  }
}

/** AT (cols × rows) = transpose of A (rows × cols). */
export function transpose(A: Float64Array, AT: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const a = r * cols;
    for (let c = 0; c < cols; c++) AT[c * rows + r] = A[a + c];
  }
}
