/**
 * The simulation half of the bridge to src/lib: builds (memoized) networks and
 * runs gradientFlow + the theory helpers for one lab setting. Used by the
 * .astro wrapper at build time (server render), by lab.worker.ts in the
 * browser, and by the main-thread fallback when workers are unavailable.
 */
import {
  chainRuleBound,
  createNetwork,
  getActivation,
  gradientFlow,
  initIds,
  inits,
  predictedGradientNorms,
  reserveWorkspace,
  standardNormalInput,
  validateNetworkSpec,
  type Network,
} from '../lib-adapter';
import { rememberLru } from '../shared/lru';
import { labSpec } from './spec';
import { labView, type LabData, type LabParams, type LabView } from './data';

/** Batch of the simulated pass: enough samples for stable statistics (and a dead-unit count free of small-batch noise). */
export const LAB_BATCH = 16;
/** Networks are drawn at this depth once and sliced for shallower settings. */
const LAB_MAX_DEPTH = 50;
/** Offset between the weight seed and the input seed, so input and weights are independent streams. */
const INPUT_SEED_OFFSET = 0x9e3779b9;

const networks = new Map<string, Network>();
const inputs = new Map<string, Float64Array>();

/** The cached value of `key` (made on a miss), kept among the 3 most recently used. */
const remember = <T>(cache: Map<string, T>, key: string, make: () => T): T =>
  rememberLru(cache, key, cache.get(key) ?? make(), 3);

/**
 * The network for (activation, init, depth, width, seed), memoized. createNetwork draws the
 * layers in order from one seeded stream (src/lib/network.ts), so the first `depth` layers of
 * the LAB_MAX_DEPTH network are exactly createNetwork({ depth, … }): the depth slider slices a
 * cached network instead of drawing up to 800 000 normals again, and switching the activation
 * reuses the same weights.
 */
export function labNetwork({ depth, width, activation, init, seed }: LabParams): Network {
  const full = remember(networks, `${init}|${width}|${seed}`, () =>
    createNetwork({ depth: Math.max(LAB_MAX_DEPTH, depth), width, activation: 'linear', init, seed }),
  );
  const spec = validateNetworkSpec({ depth, width, activation, init, seed });
  return Object.freeze({ spec, layers: full.layers.slice(0, depth) });
}

export function labInput(width: number, seed: number): Float64Array {
  return remember(inputs, `${width}|${seed}`, () =>
    standardNormalInput(width, LAB_BATCH, (seed + INPUT_SEED_OFFSET) >>> 0),
  );
}

/** Korean labels of the initialisations, keyed by id (sent to the island as a prop). */
export function initLabels(): Record<string, string> {
  return Object.fromEntries(initIds.map((id) => [id, inits[id].label.ko]));
}

/** One lab setting, simulated: per-layer gradients and statistics, theory and chain-rule bound. */
export function computeLab(p: LabParams): LabData {
  const params = { activation: p.activation, init: p.init, depth: p.depth, width: p.width, seed: p.seed };
  const network = labNetwork(params);
  // One wasm memory for every setting the sliders reach; each run uses a prefix of it.
  reserveWorkspace(Math.max(LAB_MAX_DEPTH, labSpec.depth.max), labSpec.width.max, LAB_BATCH);
  // Alternating readout: a zero-mean backward signal, the assumption behind the
  // Glorot/He variance argument, so the theory line and the simulation share a premise.
  const flow = gradientFlow(network, labInput(p.width, p.seed), LAB_BATCH, { readout: 'alternating' });
  const act = getActivation(p.activation);
  const dead = act.family === 'relu';
  const n = p.depth - 1;
  return {
    params,
    initLabel: inits[p.init].label.ko,
    actGrad: Array.from(flow.activationGradNorm),
    weightGrad: Array.from(flow.weightGradNorm),
    mean: Array.from(flow.mean),
    std: Array.from(flow.std),
    fraction: Array.from(dead ? flow.deadFraction : flow.saturatedFraction),
    fractionKind: dead ? 'dead' : 'saturated',
    theory: Array.from(predictedGradientNorms(network.spec, LAB_BATCH)),
    maxDerivative: act.maxDerivative.value,
    chainExponent: n,
    chainBound: chainRuleBound(act.id, n),
  };
}

/** The view of one setting, ready to render (what the worker sends and the server renders). */
export function computeLabView(p: LabParams): LabView {
  return labView(computeLab(p));
}

/** Depths ordered by distance from `center`, the upward side first (held keys usually keep going). */
export function nearestFirst(center: number, max = LAB_MAX_DEPTH): number[] {
  const out = [center];
  for (let k = 1; out.length < max; k++) {
    if (center + k <= max) out.push(center + k);
    if (center - k >= 1) out.push(center - k);
  }
  return out;
}
