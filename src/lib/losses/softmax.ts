/**
 * Softmax over a vector of logits, and its cross-entropy (negative log-likelihood of one class).
 *
 * Every function subtracts max(z) first. Softmax is shift invariant (adding c to every logit
 * multiplies numerator and denominator by e^c), so the result is the same, but the largest
 * exponent becomes e^0 = 1: no term overflows to ∞ (e^{710} already does in float64), and the
 * sum is at least 1, so the logarithm never sees 0.
 */

function checkLogits(z: ArrayLike<number>): void {
  if (z.length === 0) throw new RangeError('Softmax needs at least one logit.');
}

function maxOf(z: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > m) m = z[i];
  return m;
}

/**
 * log Σ_j e^{z_j} − m with m = max(z), as log1p of the sum without the largest term (which is
 * e^0 = 1): a confident softmax keeps its tiny loss (4.2e-18 for logits [40, 0]) instead of
 * rounding 1 + 4.2e-18 to 1.
 */
function logSumExpAboveMax(z: ArrayLike<number>, m: number): number {
  let rest = 0;
  let skipped = false;
  for (let i = 0; i < z.length; i++) {
    if (!skipped && z[i] === m) skipped = true;
    else rest += Math.exp(z[i] - m);
  }
  return Math.log1p(rest);
}

/** log Σ_j e^{z_j}, computed as m + log Σ_j e^{z_j − m} with m = max(z). */
export function logSumExp(z: ArrayLike<number>): number {
  checkLogits(z);
  const m = maxOf(z);
  if (!Number.isFinite(m)) return m;
  return m + logSumExpAboveMax(z, m);
}

/** softmax(z)_k = e^{z_k} / Σ_j e^{z_j}, computed as e^{z_k − m} / Σ_j e^{z_j − m} with m = max(z). */
export function softmax(z: ArrayLike<number>): Float64Array {
  checkLogits(z);
  const m = maxOf(z);
  const p = new Float64Array(z.length);
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    p[i] = Math.exp(z[i] - m);
    s += p[i];
  }
  for (let i = 0; i < z.length; i++) p[i] /= s;
  return p;
}

function checkClass(z: ArrayLike<number>, k: number): void {
  checkLogits(z);
  if (!Number.isInteger(k) || k < 0 || k >= z.length) {
    throw new RangeError(`Invalid class ${k}: must be an integer in [0, ${z.length - 1}].`);
  }
}

/**
 * Softmax followed by cross-entropy with a one-hot target (class k):
 * L(z, k) = −log softmax(z)_k = logSumExp(z) − z_k, and ∂L/∂z_j = softmax(z)_j − [j = k].
 */
export const softmaxCrossEntropy = {
  value(z: ArrayLike<number>, k: number): number {
    checkClass(z, k);
    const m = maxOf(z);
    return logSumExpAboveMax(z, m) - (z[k] - m);
  },
  /** ∂L/∂z = p − onehot(k), p = softmax(z). */
  dz(z: ArrayLike<number>, k: number): Float64Array {
    checkClass(z, k);
    const g = softmax(z);
    g[k] -= 1;
    return g;
  },
} as const;
