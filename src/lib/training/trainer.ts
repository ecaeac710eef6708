import { getActivation } from '../activations/registry';
import { sigmoid } from '../activations/sigmoid';
import { createRng, seedToUint32 } from '../numeric/rng';
import { norm2 } from '../numeric/stats';
import { updateRunning } from './batch-norm';
import { makeDataset } from './datasets';
import { createEngine, type Engine, type LayerViews } from './engine';
import { initialParameters, parameterLayout } from './layout';
import { DIVERGENCE_LIMIT } from './limits';
import { correctCount, lossSum, outputGradient } from './loss';
import { applyUpdate, createOptimizerState } from './optimizers';
import { backward, forward } from './passes';
import type { LabelledPoints, Trainer, TrainerSpec, TrainSnapshot } from './types';
import { validateTrainerSpec } from './validate';

/** Mixed into the seed for the minibatch stream, so it is not the weights' stream. */
const BATCH_STREAM = 0x5bd1e995;

/** Copies samples [from, from + count) of `set` (in `order` when given) into e.x and e.y. */
function load(e: Engine, set: LabelledPoints, from: number, count: number, order: Uint32Array | null): void {
  const { x, y } = e;
  for (let i = 0; i < count; i++) {
    const k = order === null ? from + i : order[from + i];
    x[2 * i] = set.x[2 * k];
    x[2 * i + 1] = set.x[2 * k + 1];
    y[i] = set.y[k];
  }
}

/** Mean loss over the loaded rows after a training-mode forward, and ∂L/∂s into e.dlogit. */
function lossAndOutputGradient(e: Engine, rows: number): number {
  outputGradient(e.loss, e.logit, e.y, rows, 1 / rows, e.dlogit);
  return lossSum(e.loss, e.logit, e.y, rows) / rows;
}

/** Not finite or above the divergence limit (NaN fails every comparison, so it counts). */
function blownUp(v: number): boolean {
  return !(v <= DIVERGENCE_LIMIT);
}

/** v itself when finite, else the largest double (only the values at step 0 can need it). */
function finiteOrMax(v: number): number {
  return Number.isFinite(v) ? v : Number.MAX_VALUE;
}

/**
 * A seeded trainer for a dense binary classifier 2 → width (×depth) → 1 logit on one of the
 * toy sets of `makeDataset`; see src/lib/README.md ("학습 실험실 트레이너") for the math.
 *
 * - `step(n)` takes n minibatch steps, then computes the train/test loss and accuracy ONCE
 *   (evaluation mode, full sets) for the snapshot — not after every inner step, which would
 *   cost more than the steps at the sizes the lab uses.
 * - Minibatches: the training set is reshuffled (Fisher–Yates, own seeded stream) at the start
 *   of each epoch and cut into consecutive batches (a partial last batch is skipped). When
 *   batchSize equals the training-set size every step uses the whole set in its stored order,
 *   so the step's gradient is exactly `gradientAt(parameters())`.
 * - Divergence: a step whose minibatch loss is not finite or above 1e6, whose gradient norm is
 *   not finite, or whose applied (clipped) gradient norm is above 1e6 is not applied (the
 *   applied norm is tested, not the raw one: clipping exists to keep training through a huge
 *   raw gradient). An evaluation loss above 1e6 after a step counts too (its finite value is
 *   shown). Then `diverged` becomes true and `divergedAt` records the step count at which the
 *   blow-up was seen (so it does not depend on how steps were grouped into `step(n)` calls);
 *   later `step` calls do nothing. A non-finite value is never shown: the previous values stay.
 *
 * @throws RangeError naming the bad field and its valid values (see `TRAIN_LIMITS`).
 */
export function createTrainer(spec: TrainerSpec): Trainer {
  const s = validateTrainerSpec(spec);
  const dataset = makeDataset(s.dataset);
  const { train, test } = dataset;
  const nTrain = train.y.length;
  const nTest = test.y.length;
  const act = getActivation(s.activation, { slope: s.slope, alpha: s.alpha });
  const layout = parameterLayout(s.depth, s.width, s.norm === 'batch');
  const e = createEngine(layout, act, s.residual, s.loss, Math.max(nTrain, nTest, s.batchSize));
  initialParameters(s, layout, e.params);
  const opt = createOptimizerState(layout.size, s.optimizer);
  const batch = s.batchSize;
  const wholeSet = batch === nTrain;
  const order = new Uint32Array(nTrain).map((_, i) => i);
  const rng = createRng(seedToUint32(s.seed) ^ BATCH_STREAM);
  let cursor = nTrain;
  const gradNorm = new Float64Array(s.depth + 1);
  const layerNorms = new Float64Array(s.depth + 1);
  let step = 0;
  let diverged = false;
  let divergedAt: number | null = null;
  let trainLoss = 0;
  let trainAccuracy = 0;
  let testLoss = 0;
  let testAccuracy = 0;

  function nextBatch(): void {
    if (wholeSet) {
      load(e, train, 0, nTrain, null);
      return;
    }
    if (cursor + batch > nTrain) {
      for (let i = nTrain - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      cursor = 0;
    }
    load(e, train, cursor, batch, order);
    cursor += batch;
  }

  /** Training-mode loss and gradient (into e.grad) of the loaded rows at parameters p. */
  function lossAndGradient(p: LayerViews, rows: number): number {
    forward(e, p, rows, true);
    const loss = lossAndOutputGradient(e, rows);
    backward(e, p, e.gradViews, rows);
    return loss;
  }

  function fillLayerNorms(): void {
    for (let l = 0; l <= s.depth; l++) layerNorms[l] = norm2(e.gradViews.W[l], e.gradViews.W[l].length);
  }

  function trainStep(): boolean {
    nextBatch();
    const loss = lossAndGradient(e.paramViews, batch);
    const norm = norm2(e.grad, layout.size);
    const scale = s.clip !== null && norm > s.clip ? s.clip / norm : 1;
    if (blownUp(loss) || !Number.isFinite(norm) || blownUp(norm * scale)) {
      diverged = true;
      divergedAt = step;
      return false;
    }
    fillLayerNorms();
    gradNorm.set(layerNorms);
    if (layout.batchNorm) for (let l = 0; l < s.depth; l++) updateRunning(e.bn[l], batch, s.width);
    applyUpdate(s.optimizer, opt, e.params, e.grad, scale, s.learningRate);
    step++;
    return true;
  }

  /** Evaluation-mode [Σ loss, #correct] over a set, in chunks of the engine's capacity. */
  function evaluate(set: LabelledPoints): [number, number] {
    const m = set.y.length;
    let sum = 0;
    let correct = 0;
    for (let from = 0; from < m; from += e.rows) {
      const r = Math.min(e.rows, m - from);
      load(e, set, from, r, null);
      forward(e, e.paramViews, r, false);
      sum += lossSum(e.loss, e.logit, e.y, r);
      correct += correctCount(e.logit, e.y, r);
    }
    return [sum / m, correct / m];
  }

  function measure(): void {
    const [trl, tra] = evaluate(train);
    const [tel, tea] = evaluate(test);
    const finite = Number.isFinite(trl) && Number.isFinite(tel);
    if ((!finite || blownUp(trl) || blownUp(tel)) && !diverged) {
      diverged = true;
      divergedAt = step;
    }
    // A non-finite loss is never shown: the previous values stay (at step 0, the largest double).
    if (!finite && step > 0) return;
    trainLoss = finiteOrMax(trl);
    trainAccuracy = tra;
    testLoss = finiteOrMax(tel);
    testAccuracy = tea;
  }

  function checkVector(name: string, p: Float64Array): void {
    if (!(p instanceof Float64Array) || p.length !== layout.size) {
      throw new RangeError(
        `Invalid ${name}: expected a Float64Array of ${layout.size} parameters (the layout of parameters()).`,
      );
    }
  }

  function snapshot(): TrainSnapshot {
    return { step, trainLoss, trainAccuracy, testLoss, testAccuracy, gradNorm: gradNorm.slice(), diverged, divergedAt };
  }

  // Step 0: the gradient profile of the whole training set at the initial parameters.
  load(e, train, 0, nTrain, null);
  lossAndGradient(e.paramViews, nTrain);
  fillLayerNorms();
  for (let l = 0; l <= s.depth; l++) gradNorm[l] = finiteOrMax(layerNorms[l]);
  measure();

  return {
    spec: s,
    dataset,
    step(n = 1) {
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        throw new RangeError(`Invalid n ${String(n)}: n must be an integer ≥ 0 (steps to take).`);
      }
      if (diverged) return snapshot();
      for (let i = 0; i < n; i++) if (!trainStep()) break;
      measure();
      return snapshot();
    },
    snapshot,
    parameters: () => e.params.slice(),
    lossAt(p) {
      checkVector('p', p);
      e.probe.set(p);
      load(e, train, 0, nTrain, null);
      forward(e, e.probeViews, nTrain, true);
      return lossSum(e.loss, e.logit, e.y, nTrain) / nTrain;
    },
    gradientAt(p) {
      checkVector('p', p);
      e.probe.set(p);
      load(e, train, 0, nTrain, null);
      lossAndGradient(e.probeViews, nTrain);
      return e.grad.slice();
    },
    predict(points) {
      if (!(points instanceof Float64Array) || points.length % 2 !== 0) {
        throw new RangeError('Invalid points: expected a Float64Array of m × 2 coordinates (x0, y0, x1, y1, …).');
      }
      const m = points.length / 2;
      const out = new Float64Array(m);
      for (let from = 0; from < m; from += e.rows) {
        const r = Math.min(e.rows, m - from);
        e.x.set(points.subarray(2 * from, 2 * (from + r)));
        forward(e, e.paramViews, r, false);
        for (let i = 0; i < r; i++) out[from + i] = sigmoid(e.logit[i]);
      }
      return out;
    },
  };
}
