/// <reference lib="webworker" />
/**
 * Web worker of <TrainingLab>: owns the trainer. While playing it trains a
 * batch of steps per tick (about one animation frame: rate × elapsed time, or
 * ~12 ms of work at the "max" speed) and posts the snapshot after each batch;
 * the decision boundary is re-evaluated at most every BOUNDARY_EVERY_MS.
 * Playing pauses by itself at `until` (a preset's length), so the reader stops exactly
 * where a note's sentence about that preset applies.
 * Messages carry a generation number: anything from an older reset is ignored.
 */
import { boundaryOf, createRun, pretrain, type Run } from './compute';
import { toRecord } from './history';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const TICK_MS = 16;
/**
 * Training time per message at the "max" speed. Each step(n) ends with a full evaluation of
 * the train and test sets (about as long as 4 steps at depth 10, width 32), so longer batches
 * train more per second; 30 ms still updates the charts every other frame.
 */
const MAX_BUDGET_MS = 30;
const BOUNDARY_EVERY_MS = 300;
/** Smallest batch at the "max" speed (see tick). */
const MIN_MAX_CHUNK = 16;
/** Longest pause counted when a tick runs late (a background tab), so the run does not jump. */
const MAX_DT_MS = 100;

let run: Run | null = null;
let gen = 0;
let rate = 0;
let until: number | null = null;
let playing = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastTick = 0;
let owed = 0;
let chunk = MIN_MAX_CHUNK;
let lastBoundary = 0;

const post = (m: FromWorker) => self.postMessage(m);

function stop() {
  playing = false;
  clearTimeout(timer);
}

function fail(error: unknown) {
  stop();
  post({ type: 'error', gen, message: error instanceof Error ? error.message : String(error) });
}

/** Trains n steps (0: none) and posts the snapshot (and, when due or final, the boundary). */
function advance(n: number, forceBoundary: boolean) {
  if (!run) return;
  if (playing && until !== null) n = Math.min(n, until - run.trainer.snapshot().step);
  const snap = n > 0 ? run.trainer.step(n) : run.trainer.snapshot();
  const now = performance.now();
  const reachedUntil = playing && until !== null && snap.step >= until;
  if (snap.diverged || reachedUntil) playing = false;
  const due = forceBoundary || snap.diverged || !playing || now - lastBoundary >= BOUNDARY_EVERY_MS;
  if (due) lastBoundary = now;
  post({
    type: 'frame',
    gen,
    records: [toRecord(snap)],
    boundary: due ? boundaryOf(run) : null,
    diverged: snap.diverged,
    playing,
    reachedUntil,
  });
}

function tick() {
  if (!playing || !run) return;
  const start = performance.now();
  try {
    if (rate > 0) {
      owed += (rate * Math.min(MAX_DT_MS, start - lastTick)) / 1000;
      const n = Math.floor(owed);
      owed -= n;
      if (n > 0) advance(n, false);
    } else {
      const t0 = performance.now();
      advance(chunk, false);
      const took = Math.max(0.1, performance.now() - t0);
      // Aim for MAX_BUDGET_MS of training per tick; change the batch gently so one slow tick does not swing it.
      // Never below MIN_MAX_CHUNK: on a busy CPU the evaluation alone can exceed the budget, and
      // shrinking the batch then only makes the evaluation's share (and the slowdown) worse.
      chunk = Math.max(
        MIN_MAX_CHUNK,
        Math.min(5000, Math.round(chunk * Math.min(2, Math.max(0.5, MAX_BUDGET_MS / took)))),
      );
    }
  } catch (error) {
    fail(error);
    return;
  }
  lastTick = start;
  const spent = performance.now() - start;
  // At a fixed rate, wait out the rest of the frame; at "max", only yield to pending messages.
  timer = setTimeout(tick, rate > 0 ? Math.max(0, TICK_MS - spent) : 0);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'reset') {
    gen = m.gen;
    stop();
    try {
      run = createRun(m.settings);
      const history = pretrain(run, m.pretrain);
      post({
        type: 'reset',
        gen,
        statics: run.statics,
        history,
        boundary: boundaryOf(run),
        diverged: run.trainer.snapshot().diverged,
      });
    } catch (error) {
      run = null;
      fail(error);
    }
    return;
  }
  if (m.gen !== gen || !run) return;
  if (m.type === 'play') {
    rate = m.rate;
    until = m.until;
    owed = 0;
    if (!playing) {
      playing = true;
      lastTick = performance.now();
      timer = setTimeout(tick, 0);
    }
  } else {
    // Pause or step: stop, then post the snapshot after `n` more steps (none for a pause).
    stop();
    try {
      advance(m.type === 'step' ? m.n : 0, true);
    } catch (error) {
      fail(error);
    }
  }
};
