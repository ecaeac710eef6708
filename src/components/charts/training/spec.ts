/**
 * The settings of <TrainingLab>: one declaration per field. The URL state
 * (url-state.ts), the MDX prop schema (training/props-schema.ts, build time)
 * and the inputs' min/max/step all read this file; numeric bounds come from
 * src/lib's TRAIN_LIMITS, the one place they live.
 */
import { ACTIVATION_IDS, INIT_IDS } from '../lib-ids';
import { parseState, type Spec, type StateOf } from '../url-state';
import { DATASET_IDS, LOSS_IDS, NORM_IDS, OPTIMIZER_IDS, TRAIN_LIMITS } from './lib-bridge';

/** Build-time pre-training: at most this many steps (the build trains the page's preset once). */
export const MAX_PRETRAIN_STEPS = 2000;
/** Seeds: the same range as <GradientLab>'s (chart-spec.ts LAB_LIMITS; a unit test keeps them equal), kept here so this bundle skips chart-spec's imports. */
export const SEED_LIMITS = { min: 0, max: 2 ** 31 - 1 } as const;
/** Points in the generated data set (half train, half test). */
export const DATASET_SIZE = 400;

export const trainSpec = {
  dataset: { kind: 'enum', values: DATASET_IDS },
  activation: { kind: 'enum', values: ACTIVATION_IDS },
  init: { kind: 'enum', values: INIT_IDS },
  initScale: { kind: 'number', min: TRAIN_LIMITS.initScale.min, max: TRAIN_LIMITS.initScale.max },
  depth: { kind: 'int', min: TRAIN_LIMITS.depth.min, max: TRAIN_LIMITS.depth.max },
  width: { kind: 'int', min: TRAIN_LIMITS.width.min, max: TRAIN_LIMITS.width.max },
  residual: { kind: 'bool' },
  norm: { kind: 'enum', values: NORM_IDS },
  /** 0 = off; otherwise a global-norm limit from TRAIN_LIMITS.clip (see validClip). */
  clip: { kind: 'number', min: 0, max: TRAIN_LIMITS.clip.max },
  loss: { kind: 'enum', values: LOSS_IDS },
  optimizer: { kind: 'enum', values: OPTIMIZER_IDS },
  learningRate: { kind: 'number', min: TRAIN_LIMITS.learningRate.min, max: TRAIN_LIMITS.learningRate.max },
  /** At most the training half of the data set. */
  batchSize: { kind: 'int', min: TRAIN_LIMITS.batchSize.min, max: Math.min(TRAIN_LIMITS.batchSize.max, DATASET_SIZE / 2) },
  seed: { kind: 'int', ...SEED_LIMITS },
  noise: { kind: 'number', min: TRAIN_LIMITS.noise.min, max: TRAIN_LIMITS.noise.max },
  steps: { kind: 'int', min: 0, max: MAX_PRETRAIN_STEPS },
} as const satisfies Spec;

export type TrainState = StateOf<typeof trainSpec>;
export type TrainKey = keyof TrainState;

export const TRAIN_DEFAULTS: TrainState = {
  dataset: 'circle',
  activation: 'sigmoid',
  init: 'standard',
  initScale: 1,
  depth: 10,
  width: 16,
  residual: false,
  norm: 'none',
  clip: 0,
  loss: 'bce',
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 32,
  seed: 1,
  noise: 0.1,
  steps: 300,
};

/** Step sizes of the inputs (the URL and the props accept any value in range). */
export const INPUT_STEP: Partial<Record<TrainKey, number | 'any'>> = {
  initScale: 0.25,
  clip: 'any',
  learningRate: 'any',
  noise: 0.05,
};

/** A clip limit is 0 (off) or inside TRAIN_LIMITS.clip. */
export const validClip = (v: number) => v === 0 || (v >= TRAIN_LIMITS.clip.min && v <= TRAIN_LIMITS.clip.max);

/** Settings that change the run (all but `steps`, which only sizes the build's pre-training). */
export const RUN_KEYS = (Object.keys(trainSpec) as TrainKey[]).filter((k) => k !== 'steps');

/** Reads the state from a query; each missing or invalid key keeps its default. */
export function parseTrainState(search: string, id: string, defaults: TrainState): TrainState {
  return checkedState(parseState(search, id, trainSpec, defaults), defaults);
}

/** The cross-field checks the URL decoder cannot make: a clip between 0 and TRAIN_LIMITS.clip.min falls back. */
export function checkedState(state: TrainState, defaults: TrainState): TrainState {
  return validClip(state.clip) ? state : { ...state, clip: defaults.clip };
}

/** Cache key of a run's settings. */
export const runKey = (s: TrainState) => RUN_KEYS.map((k) => String(s[k])).join('|');

/** The lib's trainer spec of a setting (contract: docs/components.md, src/lib README). */
export function trainerSpec(s: TrainState) {
  return {
    dataset: { kind: s.dataset, size: DATASET_SIZE, noise: s.noise, seed: s.seed },
    depth: s.depth,
    width: s.width,
    activation: s.activation,
    init: s.init,
    initScale: s.initScale,
    residual: s.residual,
    norm: s.norm,
    loss: s.loss,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    batchSize: s.batchSize,
    clip: s.clip === 0 ? null : s.clip,
    seed: s.seed,
  };
}

export type TrainerSpecInput = ReturnType<typeof trainerSpec>;
