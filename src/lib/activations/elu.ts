import { defineActivation } from './define';
import { ALPHA_PARAM, checkParam } from './params';
import type { Activation } from './types';

/**
 * Exponential linear unit (Clevert, Unterthiner & Hochreiter 2015):
 * x for x > 0, α·(e^x − 1) otherwise (via expm1, exact near 0).
 *
 * f′(0) = α: at the kink we follow PyTorch's `elu_backward` (x ≤ 0 ? α·e^x : 1).
 * TensorFlow's `EluGrad` tests the output (y < 0 ? y + 1 : 1) and so gives 1 there; with
 * the default α = 1 the two agree. Throws a RangeError unless α ≥ 0.
 */
export function createElu(alpha?: number): Activation {
  const al = checkParam(ALPHA_PARAM, alpha);
  return defineActivation({
    id: 'elu',
    label: { ko: 'ELU', en: 'ELU' },
    f: (x: number) => (x > 0 ? x : al * Math.expm1(x)),
    df: (x: number) => (x > 0 ? 1 : al * Math.exp(x)),
    evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
      for (let i = 0; i < n; i++) {
        const x = z[i];
        if (x > 0) {
          h[i] = x;
          d[i] = 1;
        } else {
          h[i] = al * Math.expm1(x);
          d[i] = al * Math.exp(x);
        }
      }
    },
    range: [-al, Infinity],
    rangeInclusive: [al === 0, false],
    tex: '\\mathrm{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}',
    dtex: "\\mathrm{ELU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}",
    maxDerivative: al > 1 ? { x: 0, value: al } : { x: 1, value: 1 },
    family: 'smooth',
    params: [ALPHA_PARAM],
    paramValues: { alpha: al },
    reference:
      'Clevert, Unterthiner & Hochreiter (2015), Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
  });
}

export const eluActivation: Activation = createElu();
