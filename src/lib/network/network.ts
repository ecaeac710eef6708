import { getActivation, isActivationId } from '../activations/registry';
import { activationIds, type ActivationId } from '../activations/types';
import { initIds, inits, isInitId, type InitId } from './init';
import { checkInteger, LIMITS } from './limits';
import { createSeededFiller, seedToUint32 } from '../numeric/rng';

/** What the theory needs of a network: its spec without the seed. */
export type ArchitectureSpec = Omit<NetworkSpec, 'seed'>;

/** What `createNetwork` builds: `depth` square fully connected layers of `width` units. */
export interface NetworkSpec {
  readonly depth: number;
  readonly width: number;
  readonly activation: ActivationId;
  readonly init: InitId;
  /** Any finite number; mapped to 32 bits by ToUint32 (see `createRng`). */
  readonly seed: number;
  /** Leaky-ReLU negative slope (only read when activation is 'leaky-relu'). */
  readonly slope?: number;
  /** ELU α (only read when activation is 'elu'). */
  readonly alpha?: number;
}

/** One layer z = W·h + b with W row-major: `weights[out * width + in]`. */
export interface Layer {
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

export interface Network {
  readonly spec: NetworkSpec;
  /** layers[0] is nearest the input. */
  readonly layers: readonly Layer[];
}

/**
 * Validates a spec and returns a normalised copy (slope/alpha kept only where they apply,
 * seed kept as given). Throws a RangeError naming the bad argument and its valid values.
 */
export function validateNetworkSpec(spec: NetworkSpec): NetworkSpec {
  if (spec === null || typeof spec !== 'object') {
    throw new RangeError('Invalid network spec: expected an object { depth, width, activation, init, seed }.');
  }
  const depth = checkInteger('depth', spec.depth, 1, LIMITS.maxDepth);
  const width = checkInteger('width', spec.width, 1, LIMITS.maxWidth);
  if (depth * width * width > LIMITS.maxParameters) {
    throw new RangeError(
      `Invalid depth × width² = ${depth} × ${width}² = ${depth * width * width}: depth × width² must be at most ${LIMITS.maxParameters} (LIMITS.maxParameters).`,
    );
  }
  if (!isActivationId(spec.activation)) {
    throw new RangeError(`Unknown activation "${String(spec.activation)}". Valid ids: ${activationIds.join(', ')}.`);
  }
  if (!isInitId(spec.init)) {
    throw new RangeError(`Unknown init "${String(spec.init)}". Valid inits: ${initIds.join(', ')}.`);
  }
  seedToUint32(spec.seed);
  const activation = spec.activation;
  // Builds the activation only to validate slope/alpha with the registry's messages.
  getActivation(activation, { slope: spec.slope, alpha: spec.alpha });
  const out: { -readonly [K in keyof NetworkSpec]: NetworkSpec[K] } = {
    depth,
    width,
    activation,
    init: spec.init,
    seed: spec.seed,
  };
  if (activation === 'leaky-relu' && spec.slope !== undefined) out.slope = spec.slope;
  if (activation === 'elu' && spec.alpha !== undefined) out.alpha = spec.alpha;
  return Object.freeze(out);
}

/**
 * Builds a deep fully connected network with seeded random weights and zero biases.
 *
 * Weights are drawn from `createRng(seed)` layer by layer (layer 0 first), each layer in
 * row-major order. Normal inits take ε from `randomNormal(createRng(seed))` (Marsaglia polar)
 * and store √Var[W]·ε: for one seed, 'small', 'xavier' and 'he' share the same ε and differ
 * only by scale. 'standard' stores (2u − 1)/√n with u from `createRng(seed)`.
 * (An inlined but bit-identical copy of those generators does the drawing, for speed.)
 * Variances (n = width = fan-in = fan-out): small 0.01², standard 1/(3n) (Glorot & Bengio 2010),
 * xavier 2/(n_in + n_out) = 1/n (Glorot & Bengio 2010), he 2/n_in (He et al. 2015).
 *
 * @throws RangeError naming the argument (depth, width, activation, init, seed, slope,
 *   alpha) and its valid values; see `LIMITS` for the bounds.
 */
export function createNetwork(spec: NetworkSpec): Network {
  const s = validateNetworkSpec(spec);
  const { depth, width } = s;
  const n = width * width;
  const filler = createSeededFiller(s.seed);
  const scheme = inits[s.init];
  const layers: Layer[] = [];
  for (let l = 0; l < depth; l++) {
    const weights = new Float64Array(n);
    if (scheme.distribution === 'normal') filler.fillNormal(weights, Math.sqrt(scheme.variance(width, width)));
    else filler.fillSymmetricUniform(weights, 1 / Math.sqrt(width));
    layers.push(Object.freeze({ weights, bias: new Float64Array(width) }));
  }
  return Object.freeze({ spec: s, layers: Object.freeze(layers) });
}

/**
 * The same weights under another activation (arrays shared, not copied) — so a chart can
 * switch activation without redrawing weights, and comparisons isolate the activation.
 */
export function withActivation(
  network: Network,
  activation: ActivationId,
  params: { slope?: number; alpha?: number } = {},
): Network {
  const spec = validateNetworkSpec({ ...network.spec, slope: undefined, alpha: undefined, activation, ...params });
  return Object.freeze({ spec, layers: network.layers });
}
