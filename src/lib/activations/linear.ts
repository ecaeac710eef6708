import { defineActivation } from './define';
import type { Activation } from './types';

/** The identity: a deep linear network, the baseline in which only the weights shape gradients. */
export const linearActivation: Activation = defineActivation({
  id: 'linear',
  label: { ko: '선형 (항등)', en: 'Linear (identity)' },
  f: (x: number) => x,
  df: (x: number) => (x === x ? 1 : NaN),
  evaluate(z: Float64Array, h: Float64Array, d: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = z[i];
      h[i] = x;
      d[i] = x === x ? 1 : NaN;
    }
  },
  range: [-Infinity, Infinity],
  rangeInclusive: [false, false],
  tex: 'f(x) = x',
  dtex: "f'(x) = 1",
  maxDerivative: { x: 0, value: 1 },
  family: 'linear',
  reference:
    'Saxe, McClelland & Ganguli (2014), Exact solutions to the nonlinear dynamics of learning in deep linear neural networks',
});
