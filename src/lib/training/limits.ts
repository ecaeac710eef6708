/**
 * The one place the trainer's bounds live: `validateTrainerSpec` enforces them and the
 * training lab's chart spec derives its sliders from them.
 */
export const TRAIN_LIMITS = Object.freeze({
  depth: Object.freeze({ min: 1, max: 30 }),
  width: Object.freeze({ min: 4, max: 64 }),
  initScale: Object.freeze({ min: 0.25, max: 4 }),
  learningRate: Object.freeze({ min: 1e-4, max: 10 }),
  /** Also at most the training-set size ⌊size/2⌋. */
  batchSize: Object.freeze({ min: 1, max: 512 }),
  /** Points in all; the buffers hold ⌈size/2⌉ rows per layer (depth 30, width 64, batch norm, 1000 points: about 27 MB). */
  size: Object.freeze({ min: 20, max: 1000 }),
  noise: Object.freeze({ min: 0, max: 0.5 }),
  /** Global-norm limit when clipping is on (null = off). */
  clip: Object.freeze({ min: 0.01, max: 100 }),
});

export type TrainLimits = typeof TRAIN_LIMITS;

/** A loss or gradient norm above this (or not finite) counts as divergence. */
export const DIVERGENCE_LIMIT = 1e6;
