/**
 * The trainer half of the bridge to src/lib: builds a run from a setting and
 * produces what the charts draw. Used by TrainingLab.astro at build time (the
 * no-JS picture) and by train.worker.ts in the browser; never by the main
 * thread's bundle.
 */
import { createTrainer, theoreticalVarianceFactor, type Trainer } from '../lib-adapter';
import { appendRecords, emptyHistory, toRecord, type History } from './history';
import { runKey, trainerSpec, type TrainState } from './spec';
import type { Boundary, PointSet, RunStatic, TrainView } from './view';

/** Cells per side of the decision-boundary grid. */
const BOUNDARY_RES = 24;
/** Records kept while pre-training: each costs a full evaluation of the data, the larger share of the build-time cost. */
const PRETRAIN_RECORDS = 60;

export interface Run {
  trainer: Trainer;
  statics: RunStatic;
  grid: Float64Array;
}

const toPoints = (p: { x: Float64Array; y: Float64Array }): PointSet => ({ x: Array.from(p.x), y: Array.from(p.y) });

/** Half-width of the square that holds every point, rounded up to a quarter. */
export function planeExtent(sets: readonly PointSet[]): number {
  let m = 1;
  for (const s of sets) for (const v of s.x) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return Math.ceil(m * 1.05 * 4) / 4;
}

/** Cell centres of the boundary grid over [−extent, extent]², bottom row first. */
export function boundaryGrid(extent: number, res = BOUNDARY_RES): Float64Array {
  const g = new Float64Array(res * res * 2);
  const cell = (2 * extent) / res;
  for (let j = 0; j < res; j++) {
    for (let i = 0; i < res; i++) {
      g[2 * (j * res + i)] = -extent + (i + 0.5) * cell;
      g[2 * (j * res + i) + 1] = -extent + (j + 0.5) * cell;
    }
  }
  return g;
}

/**
 * Per-layer ratio ‖∂L/∂W_l‖ / ‖∂L/∂W_{l+1}‖ predicted at initialisation for a plain stack
 * (no residual, no batch norm): √(n·Var[W]·E[f′²]) with Var[W] scaled by initScale²
 * (src/lib/theory.ts; Glorot & Bengio 2010, He et al. 2015). null where the theory does not apply.
 */
export function theoryRatio(s: TrainState): number | null {
  if (s.residual || s.norm !== 'none' || s.depth < 2) return null;
  const { factor } = theoreticalVarianceFactor(s.activation, s.init, s.width);
  const r = Math.sqrt(factor) * s.initScale;
  return Number.isFinite(r) && r > 0 ? r : null;
}

/** A fresh run of a setting (throws the lib's RangeError on a bad setting). */
export function createRun(s: TrainState): Run {
  const trainer = createTrainer(trainerSpec(s));
  const train = toPoints(trainer.dataset.train);
  const test = toPoints(trainer.dataset.test);
  const extent = planeExtent([train, test]);
  return {
    trainer,
    grid: boundaryGrid(extent),
    statics: { key: runKey(s), extent, train, test, theoryRatio: theoryRatio(s) },
  };
}

/** P(class 1) on the grid at the run's current parameters. */
export function boundaryOf(run: Run): Boundary {
  return { res: BOUNDARY_RES, prob: Array.from(run.trainer.predict(run.grid)) };
}

/**
 * Trains `steps` steps in about PRETRAIN_RECORDS chunks, recording the snapshot after each
 * (the first record is step 0). Stops early when the run diverges.
 */
export function pretrain(run: Run, steps: number, history: History = emptyHistory()): History {
  let snap = run.trainer.snapshot();
  appendRecords(history, [toRecord(snap)]);
  const chunk = Math.max(1, Math.ceil(steps / PRETRAIN_RECORDS));
  while (snap.step < steps && !snap.diverged) {
    snap = run.trainer.step(Math.min(chunk, steps - snap.step));
    appendRecords(history, [toRecord(snap)]);
  }
  return history;
}

/** The build's view of a setting: `s.steps` steps of training, drawn as the no-JS picture. */
export function computeTrainView(s: TrainState): TrainView {
  const run = createRun(s);
  const history = pretrain(run, s.steps);
  return { ...run.statics, history, boundary: boundaryOf(run), diverged: run.trainer.snapshot().diverged };
}
