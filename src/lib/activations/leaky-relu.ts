import { defineActivation } from './define';
import { SLOPE_PARAM, checkParam } from './params';
import type { Activation } from './types';

/**
 * Leaky ReLU with negative slope a: x for x > 0, a·x otherwise (Maas, Hannun & Ng 2013).
 * f′(0) = a, as PyTorch's `leaky_relu_backward` (x > 0 ? 1 : a) and TensorFlow's
 * `LeakyReluGrad` do. Throws a RangeError unless 0 ≤ a < 1.
 */
export function createLeakyRelu(slope?: number): Activation {
  const a = checkParam(SLOPE_PARAM, slope);
  return defineActivation({
    id: 'leaky-relu',
    label: { ko: 'Leaky ReLU', en: 'Leaky ReLU' },
    f: (x: number) => (x > 0 ? x : a * x),
    df: (x: number) => (x > 0 ? 1 : x <= 0 ? a : NaN),
    evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
      for (let i = 0; i < n; i++) {
        const x = z[i];
        h[i] = x > 0 ? x : a * x;
        d[i] = x > 0 ? 1 : x <= 0 ? a : NaN;
      }
    },
    range: a > 0 ? [-Infinity, Infinity] : [0, Infinity],
    rangeInclusive: [a === 0, false],
    tex: '\\mathrm{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ a\\,x & x \\le 0 \\end{cases}',
    dtex: "\\mathrm{LeakyReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}",
    maxDerivative: { x: 1, value: 1 },
    family: 'relu',
    params: [SLOPE_PARAM],
    paramValues: { slope: a },
    reference: 'Maas, Hannun & Ng (2013), Rectifier Nonlinearities Improve Neural Network Acoustic Models',
  });
}

export const leakyReluActivation: Activation = createLeakyRelu();
