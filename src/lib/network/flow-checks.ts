import { getActivation } from '../activations/registry';
import type { Activation } from '../activations/types';
import { checkInteger, LIMITS } from './limits';
import { validateNetworkSpec, type Network } from './network';

function checkCells(depth: number, width: number, batch: number): void {
  const cells = depth * width * batch;
  if (cells > LIMITS.maxCells) {
    throw new RangeError(
      `Invalid batch ${batch}: depth × width × batch = ${cells} must be at most ${LIMITS.maxCells} (LIMITS.maxCells); use a batch ≤ ${Math.floor(LIMITS.maxCells / (depth * width))}.`,
    );
  }
}

/**
 * Validates network, input and batch for a pass and returns the activation to use.
 * @throws RangeError naming `network`, `input` or `batch` and the valid values.
 */
export function prepareFlow(network: Network, input: Float64Array, batch: number): Activation {
  if (!network || typeof network !== 'object' || !Array.isArray(network.layers)) {
    throw new RangeError(
      'Invalid network: expected the result of createNetwork({ depth, width, activation, init, seed }).',
    );
  }
  const spec = validateNetworkSpec(network.spec);
  const { depth, width } = spec;
  if (network.layers.length !== depth) {
    throw new RangeError(`Invalid network: it has ${network.layers.length} layers but spec.depth is ${depth}.`);
  }
  for (const layer of network.layers) {
    if (!(layer.weights instanceof Float64Array) || layer.weights.length !== width * width) {
      throw new RangeError(
        `Invalid network: every layer needs weights as a Float64Array of width² = ${width * width} values.`,
      );
    }
    if (!(layer.bias instanceof Float64Array) || layer.bias.length !== width) {
      throw new RangeError(`Invalid network: every layer needs a bias Float64Array of width = ${width} values.`);
    }
  }
  checkInteger('batch', batch, 1, LIMITS.maxBatch);
  if (!(input instanceof Float64Array)) {
    throw new RangeError('Invalid input: expected a Float64Array of batch × width values (row-major).');
  }
  if (input.length !== batch * width) {
    throw new RangeError(
      `Invalid input length ${input.length}: input must hold batch × width = ${batch} × ${width} = ${batch * width} values (row-major).`,
    );
  }
  checkCells(depth, width, batch);
  return getActivation(spec.activation, { slope: spec.slope, alpha: spec.alpha });
}
