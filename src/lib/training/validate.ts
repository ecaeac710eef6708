import { getActivation, isActivationId } from '../activations/registry';
import { activationIds } from '../activations/types';
import { initIds, isInitId } from '../network/init';
import { checkInteger } from '../network/limits';
import { seedToUint32 } from '../numeric/rng';
import { TRAIN_LIMITS } from './limits';
import { datasetIds, lossIds, normIds, optimizerIds, type DatasetSpec, type TrainerSpec } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function checkNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`Invalid ${name} ${String(value)}: ${name} must be a number from ${min} to ${max}.`);
  }
  return value;
}

function checkEnum<T extends string>(name: string, value: unknown, ids: readonly T[]): T {
  if (typeof value !== 'string' || !(ids as readonly string[]).includes(value)) {
    throw new RangeError(`Unknown ${name} "${String(value)}". Valid ${name} values: ${ids.join(', ')}.`);
  }
  return value as T;
}

function checkSeed(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`Invalid ${name} ${String(value)}: ${name} must be a finite number (mapped to 32 bits).`);
  }
  seedToUint32(value);
  return value;
}

/** Validates a dataset spec; throws a RangeError naming the field (`dataset.kind`, …) and its valid values. */
export function validateDatasetSpec(spec: DatasetSpec): DatasetSpec {
  if (spec === null || typeof spec !== 'object') {
    throw new RangeError('Invalid dataset: expected an object { kind, size, noise, seed }.');
  }
  const L = TRAIN_LIMITS;
  return Object.freeze({
    kind: checkEnum('dataset.kind', spec.kind, datasetIds),
    size: checkInteger('dataset.size', spec.size, L.size.min, L.size.max),
    noise: checkNumber('dataset.noise', spec.noise, L.noise.min, L.noise.max),
    seed: checkSeed('dataset.seed', spec.seed),
  });
}

/**
 * Validates a trainer spec against `TRAIN_LIMITS` and returns a frozen, normalised copy
 * (slope/alpha kept only where they apply). Throws a RangeError naming the field and its
 * valid values, in the style of `validateNetworkSpec`.
 */
export function validateTrainerSpec(spec: TrainerSpec): TrainerSpec {
  if (spec === null || typeof spec !== 'object') {
    throw new RangeError('Invalid trainer spec: expected an object { dataset, depth, width, activation, init, … }.');
  }
  const L = TRAIN_LIMITS;
  const dataset = validateDatasetSpec(spec.dataset);
  if (!isActivationId(spec.activation)) {
    throw new RangeError(`Unknown activation "${String(spec.activation)}". Valid ids: ${activationIds.join(', ')}.`);
  }
  if (!isInitId(spec.init)) {
    throw new RangeError(`Unknown init "${String(spec.init)}". Valid inits: ${initIds.join(', ')}.`);
  }
  // Builds the activation only to validate slope/alpha with the registry's messages.
  getActivation(spec.activation, { slope: spec.slope, alpha: spec.alpha });
  if (typeof spec.residual !== 'boolean') {
    throw new RangeError(`Invalid residual ${String(spec.residual)}: residual must be true or false.`);
  }
  const trainSize = Math.floor(dataset.size / 2);
  const batchMax = Math.min(L.batchSize.max, trainSize);
  let clip: number | null = null;
  if (spec.clip !== null) {
    if (
      typeof spec.clip !== 'number' ||
      !Number.isFinite(spec.clip) ||
      spec.clip < L.clip.min ||
      spec.clip > L.clip.max
    ) {
      throw new RangeError(
        `Invalid clip ${String(spec.clip)}: clip must be null (off) or a number from ${L.clip.min} to ${L.clip.max}.`,
      );
    }
    clip = spec.clip;
  }
  const out: Mutable<TrainerSpec> = {
    dataset,
    depth: checkInteger('depth', spec.depth, L.depth.min, L.depth.max),
    width: checkInteger('width', spec.width, L.width.min, L.width.max),
    activation: spec.activation,
    init: spec.init,
    initScale: checkNumber('initScale', spec.initScale, L.initScale.min, L.initScale.max),
    residual: spec.residual,
    norm: checkEnum('norm', spec.norm, normIds),
    loss: checkEnum('loss', spec.loss, lossIds),
    optimizer: checkEnum('optimizer', spec.optimizer, optimizerIds),
    learningRate: checkNumber('learningRate', spec.learningRate, L.learningRate.min, L.learningRate.max),
    batchSize: checkInteger('batchSize', spec.batchSize, L.batchSize.min, batchMax),
    clip,
    seed: checkSeed('seed', spec.seed),
  };
  if (spec.activation === 'leaky-relu' && spec.slope !== undefined) out.slope = spec.slope;
  if (spec.activation === 'elu' && spec.alpha !== undefined) out.alpha = spec.alpha;
  return Object.freeze(out);
}
