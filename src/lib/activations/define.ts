import type { Activation } from './types';

/**
 * Freezes an activation and everything it holds, so that a chart cannot mutate a shared
 * registry entry (e.g. sort `range` in place) behind another chart's back.
 */
export function defineActivation(a: Activation): Activation {
  Object.freeze(a.label);
  Object.freeze(a.range);
  Object.freeze(a.rangeInclusive);
  Object.freeze(a.maxDerivative);
  for (const p of a.params) {
    Object.freeze(p.description);
    Object.freeze(p);
  }
  Object.freeze(a.params);
  Object.freeze(a.paramValues);
  return Object.freeze(a);
}
