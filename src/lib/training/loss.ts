import { sigmoid, sigmoidDerivative } from '../activations/sigmoid';
import type { LossId } from './types';

/**
 * Σ_b ℓ(s_b, y_b) over n logits s and labels y ∈ {0, 1}:
 * - bce: ℓ = −y·ln σ(s) − (1 − y)·ln(1 − σ(s)) = softplus(s) − y·s, with
 *   softplus(s) = max(s, 0) + ln(1 + e^{−|s|}) so that no exponential overflows and no
 *   logarithm of 0 is taken, at any finite logit;
 * - mse: ℓ = (σ(s) − y)².
 */
export function lossSum(loss: LossId, s: Float64Array, y: Float64Array, n: number): number {
  let sum = 0;
  if (loss === 'bce') {
    for (let b = 0; b < n; b++) {
      const v = s[b];
      sum += Math.max(v, 0) - y[b] * v + Math.log1p(Math.exp(-Math.abs(v)));
    }
  } else {
    for (let b = 0; b < n; b++) {
      const d = sigmoid(s[b]) - y[b];
      sum += d * d;
    }
  }
  return sum;
}

/**
 * ds[b] = scale · ∂ℓ/∂s_b: bce σ(s) − y; mse 2(σ(s) − y)·σ′(s) — the factor σ′(s) that makes
 * a saturated output (|s| large, σ′ ≈ 0) learn slowly under mse however wrong it is.
 * With scale = 1/batch this is ∂L/∂s of the mean loss L.
 */
export function outputGradient(
  loss: LossId,
  s: Float64Array,
  y: Float64Array,
  n: number,
  scale: number,
  ds: Float64Array,
): void {
  if (loss === 'bce') {
    for (let b = 0; b < n; b++) ds[b] = scale * (sigmoid(s[b]) - y[b]);
  } else {
    for (let b = 0; b < n; b++) {
      const v = s[b];
      ds[b] = scale * 2 * (sigmoid(v) - y[b]) * sigmoidDerivative(v);
    }
  }
}

/** How many of n logits fall on the side of their label (s > 0 ⇔ σ(s) > ½ predicts 1). */
export function correctCount(s: Float64Array, y: Float64Array, n: number): number {
  let c = 0;
  for (let b = 0; b < n; b++) c += +(s[b] > 0 === y[b] > 0.5);
  return c;
}
