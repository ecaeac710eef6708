import * as erf from '../numeric/erf';
import { defineActivation } from './define';
import type { Activation } from './types';

// Local bindings: Vite's test runner would otherwise call an export getter per element.
const { normalCdf, normalCdfPdf, normalPdf } = erf;

/** GELU(x) = x·Φ(x) with the exact Φ (erf form), not the tanh approximation. */
export function gelu(x: number): number {
  return x * normalCdf(x);
}

/** GELU′(x) = Φ(x) + x·φ(x) (bit-identical to `evaluate`, whose normalCdfPdf equals these two). */
function geluDerivative(x: number): number {
  return normalCdf(x) + x * normalPdf(x);
}

/**
 * Gaussian error linear unit, exact form x·Φ(x) (Hendrycks & Gimpel 2016), as PyTorch's
 * default `approximate='none'`. Φ comes from our erf/erfc (a few ulps), never from the
 * tanh approximation. Minimum ≈ −0.16997 at x ≈ −0.75179; f′ peaks at x = √2.
 */
export const geluActivation: Activation = defineActivation({
  id: 'gelu',
  label: { ko: 'GELU', en: 'GELU' },
  f: gelu,
  df: geluDerivative,
  evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
    const s = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      const x = z[i];
      normalCdfPdf(x, s);
      const cdf = s[0];
      h[i] = x * cdf;
      d[i] = cdf + x * s[1];
    }
  },
  // min f at x ≈ −0.7517915246935645 (root of Φ(x) + xφ(x)), computed with mpmath.
  range: [-0.16997120747990366, Infinity],
  rangeInclusive: [true, false],
  tex: '\\mathrm{GELU}(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}\\frac{x}{\\sqrt{2}}\\right)',
  dtex: "\\mathrm{GELU}'(x) = \\Phi(x) + x\\,\\varphi(x)",
  // GELU″(x) = φ(x)(2 − x²) vanishes at √2; value Φ(√2) + √2·φ(√2) from mpmath.
  maxDerivative: { x: Math.SQRT2, value: 1.1289041451851547 },
  family: 'smooth',
  reference: 'Hendrycks & Gimpel (2016), Gaussian Error Linear Units (GELUs)',
});
