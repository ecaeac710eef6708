import { defineActivation } from './define';
import type { Activation } from './types';

/** SiLU(x) = x·σ(x), from e^{−|x|} so both tails stay finite. */
export function silu(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return x >= 0 ? x / (1 + e) : (x * e) / (1 + e);
}

/** SiLU′(x) = σ(x)·(1 + x·σ(−x)) — σ(x) and σ(−x) each from e^{−|x|}, no 1 − σ cancellation. */
function siluDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const q = 1 + e;
  const sp = x >= 0 ? 1 / q : e / q;
  const sm = x >= 0 ? e / q : 1 / q;
  return sp * (1 + x * sm);
}

/**
 * Sigmoid-weighted linear unit x·σ(x) (Elfwing, Uchibe & Doya 2018), also called Swish
 * with β = 1 (Ramachandran, Zoph & Le 2017). Minimum ≈ −0.27846 at x ≈ −1.27846;
 * f′ peaks at the root of x·tanh(x/2) = 2.
 */
export const siluActivation: Activation = defineActivation({
  id: 'silu',
  label: { ko: 'SiLU (스위시)', en: 'SiLU (Swish)' },
  f: silu,
  df: siluDerivative,
  evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = z[i];
      const e = Math.exp(-Math.abs(x));
      const q = 1 + e;
      if (x >= 0) {
        h[i] = x / q;
        d[i] = (1 / q) * (1 + x * (e / q));
      } else {
        h[i] = (x * e) / q;
        d[i] = (e / q) * (1 + x * (1 / q));
      }
    }
  },
  // min at x = −1 − W(1/e) ≈ −1.2784645427610737, where SiLU(x) = x + 1 (mpmath).
  range: [-0.2784645427610738, Infinity],
  rangeInclusive: [true, false],
  tex: '\\mathrm{SiLU}(x) = x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}',
  dtex: "\\mathrm{SiLU}'(x) = \\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)",
  maxDerivative: { x: 2.3993572805154675, value: 1.099839320128867 },
  family: 'smooth',
  reference:
    'Elfwing, Uchibe & Doya (2018), Sigmoid-Weighted Linear Units; Ramachandran, Zoph & Le (2017), Searching for Activation Functions',
});
