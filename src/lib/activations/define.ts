import type { Activation } from './types';

/**
 * An activation as its file writes it: `saturates` follows from the family (f′ → 0 in both
 * tails exactly for the saturating ones), and `params`, `paramValues` default to none.
 */
export type ActivationDefinition = Omit<Activation, 'saturates' | 'params' | 'paramValues'> &
  Partial<Pick<Activation, 'params' | 'paramValues'>>;

/**
 * The activation with its derived fields, frozen with everything it holds, so that a chart
 * cannot mutate a shared registry entry (e.g. sort `range` in place) behind another chart's back.
 */
export function defineActivation({ params = [], paramValues = {}, ...fields }: ActivationDefinition): Activation {
  const a: Activation = { ...fields, saturates: fields.family === 'saturating', params, paramValues };
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
