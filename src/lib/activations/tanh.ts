import { defineActivation } from './define';
import type { Activation } from './types';

/** Below this |x|, tanh x = x to double precision (x³/3 is under half an ulp of x). */
const TINY = 2 ** -28;
/** From here e^{−2|x|} ≤ 1/3, so 1 − e loses nothing; below it expm1 keeps 1 − e exact. */
const SMALL = 0.55;

/**
 * tanh x from one exponential, with the arithmetic of the bulk `evaluate` (bit-identical): with
 * a = |x| and e = e^{−2a}, tanh a = (1 − e)/(1 + e); for a < SMALL, t = expm1(−2a) gives
 * tanh a = −t/(2 + t) without cancellation. A few ulps from Math.tanh.
 */
function tanhValue(x: number): number {
  const a = Math.abs(x);
  // Also keeps −0: tanh(±0) = ±0. (NaN fails both tests and takes the exp branch.)
  if (a < TINY) return x;
  let y: number;
  if (a < SMALL) {
    const t = Math.expm1(-2 * a);
    y = -t / (2 + t);
  } else {
    const e = Math.exp(-2 * a);
    y = (1 - e) / (1 + e);
  }
  return x < 0 ? -y : y;
}

/**
 * tanh′(x) = 1 − tanh²(x) = sech² x, as 4e/(1 + e)² with e = e^{−2|x|} (1 + expm1(−2|x|) below
 * SMALL, as `evaluate` reads it). 1 − tanh² would round to 0 once tanh² rounds to 1 (|x| > 19)
 * while the true value is still ≈ 4e^{−2|x|}; this form keeps a few-ulp relative error for every x.
 */
function tanhDerivative(x: number): number {
  const a = Math.abs(x);
  if (a < TINY) return 1;
  const e = a < SMALL ? 1 + Math.expm1(-2 * a) : Math.exp(-2 * a);
  const q = 1 + e;
  return (4 * e) / (q * q);
}

/** Hyperbolic tangent, the zero-centred sigmoid (LeCun et al. 1998; Glorot & Bengio 2010). */
export const tanhActivation: Activation = defineActivation({
  id: 'tanh',
  label: { ko: '하이퍼볼릭 탄젠트 (tanh)', en: 'Tanh' },
  f: tanhValue,
  df: tanhDerivative,
  // The same arithmetic as tanhValue and tanhDerivative, inlined: this loop runs for every unit
  // of every layer on each slider step.
  evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = z[i];
      const a = Math.abs(x);
      let y: number;
      let e: number;
      if (a < SMALL) {
        if (a < TINY) {
          h[i] = x;
          d[i] = 1;
          continue;
        }
        const t = Math.expm1(-2 * a);
        y = -t / (2 + t);
        e = 1 + t;
      } else {
        e = Math.exp(-2 * a);
        y = (1 - e) / (1 + e);
      }
      const q = 1 + e;
      h[i] = x < 0 ? -y : y;
      d[i] = (4 * e) / (q * q);
    }
  },
  range: [-1, 1],
  rangeInclusive: [false, false],
  tex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
  dtex: "\\tanh'(x) = 1 - \\tanh^2(x)",
  maxDerivative: { x: 0, value: 1 },
  family: 'saturating',
  reference: 'LeCun, Bottou, Orr & Müller (1998), Efficient BackProp; Glorot & Bengio (2010)',
});
