import { defineActivation } from './define';
import type { Activation } from './types';

/**
 * Logistic sigmoid σ(x) = 1/(1 + e^{−x}), computed from e^{−|x|} so that it never forms
 * ∞/∞: σ(−1000) is exactly 0 (not NaN) and σ(1000) is exactly 1.
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * σ′(x) = σ(x)·σ(−x) = e^{−|x|}/(1 + e^{−|x|})². This form keeps full relative precision in
 * the tails, where σ(x)(1 − σ(x)) would round 1 − σ(x) to 0 (σ′(40) ≈ 4.2e-18, not 0).
 */
export function sigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const q = 1 + e;
  return e / (q * q);
}

/** The logistic sigmoid (used as a gate since the perceptron era; see Glorot & Bengio 2010 for its gradient problems). */
export const sigmoidActivation: Activation = defineActivation({
  id: 'sigmoid',
  label: { ko: '시그모이드', en: 'Sigmoid' },
  f: sigmoid,
  df: sigmoidDerivative,
  evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = z[i];
      const e = Math.exp(-Math.abs(x));
      const q = 1 + e;
      h[i] = x >= 0 ? 1 / q : e / q;
      d[i] = e / (q * q);
    }
  },
  range: [0, 1],
  rangeInclusive: [false, false],
  tex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
  dtex: "\\sigma'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
  maxDerivative: { x: 0, value: 0.25 },
  family: 'saturating',
  reference: 'Glorot & Bengio (2010), Understanding the difficulty of training deep feedforward neural networks',
});
