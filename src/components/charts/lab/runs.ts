/**
 * Views of lab settings for the <GradientLab> island. The first render uses
 * the server's view (from the props); later settings are simulated in a web
 * worker (lab.worker.ts), created on the first interaction, which also fills
 * in the neighbouring depths ahead of time. Without workers the simulation
 * runs on the main thread (loaded on demand). The page never waits for it:
 * the last result stays on screen, marked busy, until the new one arrives.
 *
 * Failures reach the reader: a setting whose computation throws (in the
 * worker or on the main thread), or that has no answer within LAB_TIMEOUT_MS,
 * ends the busy state and shows a Korean message with a retry button. A
 * failing setting never stops the worker; only a worker that dies (cannot
 * load, or throws outside a computation) hands every waiting setting to the
 * main thread.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LabParams, LabView } from './data';
import { rememberLru } from '../shared/lru';
import { spawnWorker } from '../shared/worker';
import { labKey, settingKey } from './pack';

/** How long a setting may stay busy before the chart says it failed. */
const LAB_TIMEOUT_MS = 20_000;
/** Korean message for a setting that could not be computed. */
const LAB_ERROR_TEXT = '이 설정을 계산하지 못했습니다.';
const LAB_TIMEOUT_TEXT = '계산이 너무 오래 걸려 멈췄습니다.';

/** What a listener hears: a view, or the failure of one setting. */
type LabEvent = { key: string; view: LabView } | { key: string; error: string };

const CACHE_LIMIT = 300;
/** Views by setting, least recently used first (a Map keeps insertion order). */
const cache = new Map<string, LabView>();
const listeners = new Set<(event: LabEvent) => void>();
let worker: Worker | null | undefined;
/** Settings asked for and not answered yet, re-asked on the main thread if the worker dies. */
const waiting = new Map<string, LabParams>();
const pendingMain = new Set<string>();

const remember = (key: string, view: LabView) => rememberLru(cache, key, view, CACHE_LIMIT);

function publish(event: LabEvent) {
  waiting.delete(event.key);
  if ('view' in event) remember(event.key, event.view);
  for (const listen of listeners) listen(event);
}

function startWorker(): Worker | null {
  // Once null (no worker, or it died), the lab stays on the main thread.
  if (worker === undefined)
    worker = spawnWorker(
      () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'gradient-lab' }),
      publish,
      fallBackToMainThread,
    );
  return worker;
}

/** Without a working worker, the page computes on the main thread (slower, never stuck). */
function fallBackToMainThread() {
  worker?.terminate();
  worker = null;
  for (const params of [...waiting.values()]) computeOnMainThread(params);
}

function computeOnMainThread(params: LabParams) {
  const key = labKey(params);
  if (pendingMain.has(key)) return;
  pendingMain.add(key);
  void import('./compute')
    .then(({ computeLabView }) => publish({ key, view: computeLabView(params) }))
    .catch((error: unknown) => publish({ key, error: String(error) }))
    .finally(() => pendingMain.delete(key));
}

/** Asks for a setting (and, through the worker, its neighbouring depths). */
export function requestLab(params: LabParams): void {
  const key = labKey(params);
  if (!cache.has(key)) waiting.set(key, params);
  const w = typeof Worker === 'undefined' ? null : startWorker();
  if (w) w.postMessage({ params });
  else if (!cache.has(key)) computeOnMainThread(params);
}

/** A view already computed, without touching its place in the cache (safe during render). */
export function cachedLab(params: LabParams): LabView | undefined {
  return cache.get(labKey(params));
}

/** Marks a cached view as just used, so the cache drops it last (called after render, never during it). */
export function markUsed(params: LabParams): void {
  const key = labKey(params);
  const view = cache.get(key);
  if (view) remember(key, view);
}

/** Listens to every answer; returns the function that stops listening. */
export function onLabEvent(listen: (event: LabEvent) => void): () => void {
  listeners.add(listen);
  return () => void listeners.delete(listen);
}

/**
 * The view to show for `params`: the cached result, else the last one shown
 * (with `pending: true`) while the worker computes, or the failure of this
 * setting (`failed`, with `retry`). Each island keeps its own failure, so two
 * labs on one page retry independently. `warm()` starts the worker early (on
 * the first focus or hover) so neighbouring depths are ready. Rendering only
 * reads the cache; it is written when answers arrive.
 */
export function useLabView(params: LabParams, initial: LabView) {
  const [, setTick] = useState(0);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const shown = useRef(initial);
  const key = labKey(params);
  const wanted = useRef(key);
  wanted.current = key;
  const hit = key === labKey(initial.params) ? initial : cache.get(key);
  if (hit) shown.current = hit;
  const failed = !hit && failure?.key === key ? failure.message : null;
  const pending = !hit && failed === null;

  useEffect(
    () =>
      onLabEvent((event) => {
        if (event.key !== wanted.current) return;
        if ('error' in event) setFailure({ key: event.key, message: LAB_ERROR_TEXT });
        setTick((t) => t + 1);
      }),
    [],
  );
  useEffect(() => {
    if (hit) markUsed(params);
    else if (!hit && failure?.key !== key) requestLab(params);
  }, [key]);
  // aria-busy always ends: a setting with no answer in time counts as failed.
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setFailure({ key, message: LAB_TIMEOUT_TEXT }), LAB_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [key, pending]);

  const warmed = useRef('');
  const warm = () => {
    const setting = settingKey(params);
    if (warmed.current === setting || typeof Worker === 'undefined') return;
    warmed.current = setting;
    requestLab(params);
  };
  const retry = () => {
    setFailure(null);
    requestLab(params);
  };
  return { view: shown.current, pending, failed, retry, warm };
}
