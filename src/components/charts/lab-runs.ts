/**
 * Views of lab settings for the <GradientLab> island. The first render uses
 * the server's view (from the props); later settings are simulated in a web
 * worker (lab.worker.ts), created on the first interaction, which also fills
 * in the neighbouring depths ahead of time. Without workers the simulation
 * runs on the main thread (loaded on demand). The page never waits for it:
 * the last result stays on screen, marked busy, until the new one arrives.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LabParams, LabView } from './lab-data';
import { labKey } from './lab-pack';

const cache = new Map<string, LabView>();
const CACHE_LIMIT = 300;
const listeners = new Set<(key: string) => void>();
let worker: Worker | null | undefined;
/** The last setting asked for, re-asked on the main thread if the worker dies. */
let lastRequest: LabParams | null = null;

function store(key: string, run: LabView) {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, run);
  for (const notify of listeners) notify(key);
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'gradient-lab' });
    worker.onmessage = (e: MessageEvent<{ key: string; view?: LabView; error?: string }>) => {
      if (e.data.view) store(e.data.key, e.data.view);
      else fallBackToMainThread();
    };
    worker.onerror = fallBackToMainThread;
  } catch {
    worker = null;
  }
  return worker;
}

/** Without a working worker, the page computes on the main thread (slower, never stuck). */
function fallBackToMainThread() {
  worker?.terminate();
  worker = null;
  if (lastRequest) requestLab(lastRequest);
}

const pendingMain = new Set<string>();

/** Asks for a setting (and, through the worker, its neighbouring depths). */
export function requestLab(params: LabParams): void {
  lastRequest = params;
  const w = typeof Worker === 'undefined' ? null : startWorker();
  if (w) {
    w.postMessage({ params });
    return;
  }
  const key = labKey(params);
  if (cache.has(key) || pendingMain.has(key)) return;
  pendingMain.add(key);
  void import('./lab-compute')
    .then(({ computeLabView }) => store(key, computeLabView(params)))
    .catch(() => {
      // Leave the previous chart on screen; the next input tries again.
    })
    .finally(() => pendingMain.delete(key));
}

export function cachedLab(params: LabParams): LabView | undefined {
  return cache.get(labKey(params));
}

/**
 * The view to show for `params`: the cached result, else the last one shown
 * (with `pending: true`) while the worker computes. `warm()` starts the worker
 * early (on the first focus or hover) so neighbouring depths are ready.
 */
export function useLabView(params: LabParams, initial: LabView) {
  const [, setTick] = useState(0);
  const shown = useRef(initial);
  const key = labKey(params);
  const wanted = useRef(key);
  wanted.current = key;
  if (!cache.has(labKey(initial.params))) cache.set(labKey(initial.params), initial);
  const hit = cache.get(key);
  if (hit) shown.current = hit;

  useEffect(() => {
    const notify = (k: string) => k === wanted.current && setTick((t) => t + 1);
    listeners.add(notify);
    return () => void listeners.delete(notify);
  }, []);
  useEffect(() => {
    if (!cache.has(key)) requestLab(params);
  }, [key]);

  const warmed = useRef('');
  const warm = () => {
    const setting = `${params.activation}|${params.init}|${params.width}|${params.seed}`;
    if (warmed.current === setting || typeof Worker === 'undefined') return;
    warmed.current = setting;
    requestLab(params);
  };
  return { view: shown.current, pending: !hit, warm };
}
