import { defineActivation } from './define';
import type { Activation } from './types';

/** Below this |x|, tanh x = x to double precision (x³/3 is under half an ulp of x). */
const TINY = 2 ** -28;
/** From here e^{−2|x|} ≤ 1/3, so 1 − e loses nothing; below it expm1 keeps 1 − e exact. */
const SMALL = 0.55;

/**
 * tanh x and tanh′ x from ONE exponential (the gradient chart evaluates both for every unit,
 * and Math.tanh plus Math.exp was half its time): with a = |x| and e = e^{−2a},
 * tanh a = (1 − e)/(1 + e) and tanh′ = 4e/(1 + e)². For a < SMALL, t = expm1(−2a) gives
 * tanh a = −t/(2 + t) and e = 1 + t without cancellation. A few ulps from Math.tanh.
 * Writes tanh x to out[0] and tanh′ x to out[1].
 */
function tanhPair(x: number, out: Float64Array): void {
  const a = Math.abs(x);
  let y: number;
  let e: number;
  if (a < SMALL) {
    if (a < TINY) {
      // Also keeps −0: tanh(±0) = ±0. (NaN fails a < SMALL and takes the exp branch.)
      out[0] = x;
      out[1] = 1;
      return;
    }
    const t = Math.expm1(-2 * a);
    y = -t / (2 + t);
    e = 1 + t;
  } else {
    e = Math.exp(-2 * a);
    y = (1 - e) / (1 + e);
  }
  const q = 1 + e;
  out[0] = x < 0 ? -y : y;
  out[1] = (4 * e) / (q * q);
}

const pair = new Float64Array(2);

/** tanh x, with the same arithmetic as the bulk `evaluate`. */
function tanhValue(x: number): number {
  tanhPair(x, pair);
  return pair[0];
}

/**
 * tanh′(x) = 1 − tanh²(x) = sech² x, as 4e/(1 + e)² (see `tanhPair`). 1 − tanh² would round
 * to 0 once tanh² rounds to 1 (|x| > 19) while the true value is still ≈ 4e^{−2|x|}; this
 * form keeps a few-ulp relative error for every x.
 */
function tanhDerivative(x: number): number {
  tanhPair(x, pair);
  return pair[1];
}

/** Hyperbolic tangent, the zero-centred sigmoid (LeCun et al. 1998; Glorot & Bengio 2010). */
export const tanhActivation: Activation = defineActivation({
  id: 'tanh',
  label: { ko: '하이퍼볼릭 탄젠트 (tanh)', en: 'Tanh' },
  f: tanhValue,
  df: tanhDerivative,
  // tanhPair inlined: this loop runs for every unit of every layer on each slider step, and
  // going through tanhPair's two-slot buffer made a tanh gradient flow about 10 % slower.
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
  saturates: true,
  family: 'saturating',
  params: [],
  paramValues: {},
  reference: 'LeCun, Bottou, Orr & Müller (1998), Efficient BackProp; Glorot & Bengio (2010)',
});
