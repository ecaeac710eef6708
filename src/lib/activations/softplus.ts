import { defineActivation } from './define';
import { sigmoid } from './sigmoid';
import type { Activation } from './types';

/**
 * softplus(x) = ln(1 + e^x) = max(x, 0) + ln(1 + e^{−|x|}) via log1p: never overflows
 * (softplus(1000) = 1000) and is exact in the left tail (softplus(−40) ≈ 4.2e-18 = e^{−40}).
 */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** Softplus, the smooth ReLU (Dugas et al. 2001; Glorot, Bordes & Bengio 2011). f′ = σ. */
export const softplusActivation: Activation = defineActivation({
  id: 'softplus',
  label: { ko: '소프트플러스', en: 'Softplus' },
  f: softplus,
  df: sigmoid,
  evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = z[i];
      const e = Math.exp(-Math.abs(x));
      h[i] = Math.max(x, 0) + Math.log1p(e);
      d[i] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
  },
  range: [0, Infinity],
  rangeInclusive: [false, false],
  tex: '\\mathrm{softplus}(x) = \\ln\\left(1 + e^{x}\\right)',
  dtex: "\\mathrm{softplus}'(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}",
  // sup f′ = 1 is approached as x → ∞ and never attained; df(Infinity) = 1.
  maxDerivative: { x: Infinity, value: 1 },
  family: 'smooth',
  reference:
    'Dugas, Bengio, Bélisle, Nadeau & Garcia (2001), Incorporating Second-Order Functional Knowledge for Better Option Pricing',
});
