/**
 * The island's side of the training worker. The worker is created on the first
 * play / step / reset / setting change, never at page load. Messages land in
 * refs and at most one render per animation frame draws them, so the main
 * thread only draws. A worker that fails to load or throws leaves a Korean
 * message and a retry; `busy` (aria-busy) ends on every path.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { appendRecords } from './history';
import type { FromWorker, ToWorker } from './protocol';
import { runKey, type TrainState } from './spec';
import type { TrainView } from './view';
import { spawnWorker } from '../shared/worker';

type RunStatus = 'idle' | 'busy' | 'playing' | 'paused' | 'diverged' | 'error';

const LOAD_ERROR = '학습 계산(웹 워커)을 불러오지 못했습니다.';
const RUN_ERROR = '학습 계산 중 오류가 나서 멈췄습니다.';

interface RunHandle {
  view: TrainView | null;
  status: RunStatus;
  error: string | null;
  /** Bumped on each reset (new run), so memoized drawings of the points refresh. */
  runId: number;
  /** Whether the worker's last message said it was still training (false once a pause or step has landed). */
  running: boolean;
  play(rate: number): void;
  pause(): void;
  step(): void;
  reset(): void;
  retry(): void;
  setRate(rate: number): void;
}

/**
 * @param settings current (URL-synced) settings
 * @param initial the build's view of the default settings, shown until the worker takes over
 * @param interacted whether the reader has touched a control (a setting change then restarts the run in the worker)
 */
export function useTrainingRun(settings: TrainState, initial: TrainView, interacted: boolean): RunHandle {
  const [, setFrame] = useState(0);
  const key = runKey(settings);
  const view = useRef<TrainView | null>(initial);
  const intent = useRef<'play' | 'pause'>('pause');
  /** Waiting for the worker's reset (aria-busy). */
  const busy = useRef(false);
  const error = useRef<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const gen = useRef(0);
  /** The key of the run the worker holds (null: none yet). */
  const workerKey = useRef<string | null>(null);
  const runId = useRef(0);
  const running = useRef(false);
  const until = useRef<number | null>(null);
  const raf = useRef(0);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const draw = () => {
    if (raf.current) return;
    raf.current = requestAnimationFrame(() => {
      raf.current = 0;
      setFrame((f) => f + 1);
    });
  };
  const drawNow = () => setFrame((f) => f + 1);
  const send = (m: ToWorker) => worker.current?.postMessage(m);

  function fail(message: string) {
    worker.current?.terminate();
    worker.current = null;
    workerKey.current = null;
    busy.current = false;
    running.current = false;
    intent.current = 'pause';
    error.current = message;
    drawNow();
  }

  function onMessage(m: FromWorker) {
    if (m.gen !== gen.current) return;
    if (m.type === 'error') {
      fail(RUN_ERROR);
      return;
    }
    if (m.type === 'reset') {
      view.current = { ...m.statics, history: m.history, boundary: m.boundary, diverged: m.diverged };
      runId.current++;
      busy.current = false;
      running.current = false;
      drawNow();
      return;
    }
    const v = view.current;
    if (!v) return;
    appendRecords(v.history, m.records);
    if (m.boundary) v.boundary = m.boundary;
    running.current = m.playing;
    if (m.diverged) {
      v.diverged = true;
      intent.current = 'pause';
    }
    if (m.reachedUntil) intent.current = 'pause';
    draw();
  }

  function ensureWorker(): boolean {
    worker.current ??= spawnWorker(
      () => new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'training-lab' }),
      onMessage,
      (failure) => fail(failure === 'load' ? LOAD_ERROR : RUN_ERROR),
      true,
    );
    return worker.current !== null;
  }

  /** Starts a run of the current settings in the worker, pre-trained to `pretrain` steps. */
  function restart(pretrain: number): boolean {
    if (!ensureWorker()) return false;
    gen.current++;
    error.current = null;
    busy.current = true;
    intent.current = 'pause';
    workerKey.current = runKey(settingsRef.current);
    send({ type: 'reset', gen: gen.current, settings: settingsRef.current, pretrain });
    drawNow();
    return true;
  }

  /** Makes sure the worker holds the run on screen (re-training the build's pre-trained steps if needed). */
  function ensureRun(): boolean {
    const k = runKey(settingsRef.current);
    if (worker.current && workerKey.current === k) return true;
    const v = view.current;
    const last = v?.history.records[v.history.records.length - 1];
    // The build's view continues where it stopped; any other setting starts from step 0.
    return restart(v && v.key === k ? (last?.step ?? 0) : 0);
  }

  /** Whether a play or a step may go ahead: the run on screen has not diverged, and the worker holds it. */
  const canAdvance = () => !(view.current?.diverged && view.current.key === runKey(settingsRef.current)) && ensureRun();

  // A changed setting restarts the run in the worker once the reader has interacted; before
  // that (the URL's settings on load) the lab shows its not-started state instead of the build's run.
  useEffect(() => {
    if (view.current?.key === key) return;
    if (interacted) restart(0);
    else {
      view.current = initial.key === key ? initial : null;
      drawNow();
    }
  }, [key]);

  useEffect(
    () => () => {
      cancelAnimationFrame(raf.current);
      worker.current?.terminate();
    },
    [],
  );

  const status: RunStatus = error.current
    ? 'error'
    : busy.current
      ? 'busy'
      : view.current?.diverged
        ? 'diverged'
        : intent.current === 'play'
          ? 'playing'
          : view.current
            ? 'paused'
            : 'idle';

  return {
    view: view.current,
    status,
    error: error.current,
    runId: runId.current,
    running: running.current,
    play(r: number) {
      if (!canAdvance()) return;
      intent.current = 'play';
      // A run below the preset's `steps` pauses there once (where the note's sentences about it apply).
      const last =
        view.current?.key === runKey(settingsRef.current) ? (view.current.history.records.at(-1)?.step ?? 0) : 0;
      until.current = settingsRef.current.steps > last ? settingsRef.current.steps : null;
      send({ type: 'play', gen: gen.current, rate: r, until: until.current });
      drawNow();
    },
    pause() {
      intent.current = 'pause';
      send({ type: 'pause', gen: gen.current });
      drawNow();
    },
    step() {
      if (!canAdvance()) return;
      intent.current = 'pause';
      send({ type: 'step', gen: gen.current, n: 1 });
      drawNow();
    },
    reset: () => void restart(0),
    retry: () => void restart(0),
    setRate(r: number) {
      if (intent.current === 'play') send({ type: 'play', gen: gen.current, rate: r, until: until.current });
    },
  };
}
