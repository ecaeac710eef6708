import { defineActivation } from './define';
import type { Activation } from './types';

/**
 * tanh′(x) = 1 − tanh²(x), evaluated as 4e/(1 + e)² with e = e^{−2|x|} (= sech² x).
 * 1 − tanh² rounds to 0 once tanh² rounds to 1 (|x| > 19), while the true value there is
 * still ≈ 4e^{−2|x|}; this form keeps a few-ulp relative error for every x and needs no
 * cancellation near 0 either.
 */
export function tanhDerivative(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  const q = 1 + e;
  return (4 * e) / (q * q);
}

/** Hyperbolic tangent, the zero-centred sigmoid (LeCun et al. 1998; Glorot & Bengio 2010). */
export const tanhActivation: Activation = defineActivation({
  id: 'tanh',
  label: { ko: '하이퍼볼릭 탄젠트 (tanh)', en: 'Tanh' },
  f: Math.tanh,
  df: tanhDerivative,
  evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = z[i];
      const e = Math.exp(-2 * Math.abs(x));
      const q = 1 + e;
      h[i] = Math.tanh(x);
      d[i] = (4 * e) / (q * q);
    }
  },
  range: [-1, 1],
  rangeInclusive: [false, false],
  tex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
  dtex: "\\tanh'(x) = 1 - \\tanh^2(x)",
  maxDerivative: { x: 0, value: 1 },
  saturates: true,
  family: 'saturating',
  params: [],
  paramValues: {},
  reference: 'LeCun, Bottou, Orr & Müller (1998), Efficient BackProp; Glorot & Bengio (2010)',
});
