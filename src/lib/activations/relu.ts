import { defineActivation } from './define';
import type { Activation } from './types';

/** max(0, x); Math.max keeps NaN and maps −0 to +0. */
export function relu(x: number): number {
  return Math.max(0, x);
}

/**
 * 1 for x > 0, else 0 — including x = 0, as PyTorch (`threshold_backward`) and TensorFlow
 * (`ReluGrad`) do. NaN stays NaN.
 */
function reluDerivative(x: number): number {
  return x > 0 ? 1 : x <= 0 ? 0 : NaN;
}

/** Rectified linear unit (Nair & Hinton 2010; Glorot, Bordes & Bengio 2011). */
export const reluActivation: Activation = defineActivation({
  id: 'relu',
  label: { ko: 'ReLU', en: 'ReLU' },
  f: relu,
  df: reluDerivative,
  evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = z[i];
      // Branch-free where it matters: the sign of z is a coin flip per unit, so
      // Math.max(0, x) or x > 0 ? … mispredicts half the time. x·[x > 0] + 0 is max(0, x)
      // (+0 for x = −0) except for x = −∞ and NaN, which take the rare, well-predicted branch.
      const s = +(x > 0);
      h[i] = x * s + 0;
      d[i] = s;
      if (!(x > -Infinity)) {
        h[i] = Math.max(0, x);
        d[i] = x === x ? 0 : NaN;
      }
    }
  },
  range: [0, Infinity],
  rangeInclusive: [true, false],
  tex: '\\mathrm{ReLU}(x) = \\max(0, x)',
  dtex: "\\mathrm{ReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
  maxDerivative: { x: 1, value: 1 },
  family: 'relu',
  reference: 'Nair & Hinton (2010), Rectified Linear Units Improve Restricted Boltzmann Machines',
});
