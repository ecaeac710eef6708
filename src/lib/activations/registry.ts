import { createElu, eluActivation } from './elu';
import { geluActivation } from './gelu';
import { createLeakyRelu, leakyReluActivation } from './leaky-relu';
import { linearActivation } from './linear';
import { reluActivation } from './relu';
import { sigmoidActivation } from './sigmoid';
import { siluActivation } from './silu';
import { softplusActivation } from './softplus';
import { tanhActivation } from './tanh';
import { activationIds, type Activation, type ActivationId, type ActivationParams } from './types';

/** Every built-in activation with its default parameters, keyed by id. */
export const activations: Readonly<Record<ActivationId, Activation>> = Object.freeze({
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  relu: reluActivation,
  'leaky-relu': leakyReluActivation,
  elu: eluActivation,
  gelu: geluActivation,
  silu: siluActivation,
  softplus: softplusActivation,
  linear: linearActivation,
});

export function isActivationId(id: unknown): id is ActivationId {
  return typeof id === 'string' && (activationIds as readonly string[]).includes(id);
}

/**
 * The activation `id`, built with `params` where it has any (leaky-ReLU `slope`, ELU `alpha`;
 * other keys are ignored). Without params this is the shared registry entry.
 *
 * @throws RangeError `Unknown activation "foo". Valid ids: sigmoid, tanh, …` for an unknown id,
 *   or `Invalid slope …`/`Invalid alpha …` naming the valid interval for a bad parameter.
 */
export function getActivation(id: string, params: ActivationParams = {}): Activation {
  if (!isActivationId(id)) {
    throw new RangeError(`Unknown activation "${String(id)}". Valid ids: ${activationIds.join(', ')}.`);
  }
  if (id === 'leaky-relu' && params.slope !== undefined) return createLeakyRelu(params.slope);
  if (id === 'elu' && params.alpha !== undefined) return createElu(params.alpha);
  return activations[id];
}
