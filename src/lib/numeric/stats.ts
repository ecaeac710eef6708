/**
 * Overflow- and underflow-safe reductions. Squares of numbers beyond 2^±511 leave the double
 * range, so when the largest |value| is outside a safe band we rescale by an exact power of
 * two first (multiplying by 2^k changes no significant bit), reduce, and scale back.
 */

/** Largest |a[i]| for i < n; NaN if any element is NaN. */
export function maxAbs(a: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(a[i]);
    if (v > m || v !== v) {
      if (v !== v) return NaN;
      m = v;
    }
  }
  return m;
}

const SAFE_LO = 2 ** -500;
const SAFE_HI = 2 ** 500;

/** True when squares and sums of products of values bounded by m cannot over- or underflow harmfully. */
export function isSafeMagnitude(m: number, lo = SAFE_LO, hi = SAFE_HI): boolean {
  return (m >= lo && m <= hi) || m === 0 || !Number.isFinite(m);
}

/** 2^k with k an integer in [−1000, 1000] such that m·2^k ∈ [0.5, 2). */
export function normalisingPowerOfTwo(m: number): number {
  const e = Math.floor(Math.log2(m));
  return 2 ** Math.max(-1000, Math.min(1000, -e));
}

/** Euclidean norm √(Σ a[i]²) of the first n entries, scaled when needed (never spurious 0 or ∞). */
export function norm2(a: Float64Array, n: number): number {
  const m = maxAbs(a, n);
  if (isSafeMagnitude(m)) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i] * a[i];
    return Math.sqrt(s);
  }
  const k = normalisingPowerOfTwo(m);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i] * k;
    s += v * v;
  }
  return Math.sqrt(s) / k;
}
