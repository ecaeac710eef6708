/// <reference lib="webworker" />
/**
 * Web worker of <GradientLab>: simulates lab settings off the main thread.
 * A message { params } asks for params.depth first (always computed, so a
 * retry or an evicted result gets an answer), then fills in every other depth
 * of the same setting, nearest first, so that holding an arrow key on the
 * depth slider finds each result ready. A newer message preempts the queue.
 * A depth whose computation throws is answered with { key, error } and the
 * worker goes on with the other depths: one failing setting does not stop it.
 */
import { computeLabView, nearestFirst } from './compute';
import type { LabParams } from './data';
import { labKey, settingKey } from './pack';

declare const self: DedicatedWorkerGlobalScope;

let current: LabParams | null = null;
let generation = 0;
const done = new Set<string>();

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

self.onmessage = async (event: MessageEvent<{ params: LabParams }>) => {
  const params = event.data.params;
  if (current === null || settingKey(current) !== settingKey(params)) done.clear();
  current = params;
  const mine = ++generation;
  for (const depth of nearestFirst(params.depth)) {
    if (mine !== generation) return;
    const p = { ...params, depth };
    const key = labKey(p);
    if (done.has(key) && depth !== params.depth) continue;
    try {
      self.postMessage({ key, view: computeLabView(p) });
      done.add(key);
    } catch (error) {
      // Told to the page, which shows it if this is the setting on screen; the next request tries again.
      self.postMessage({ key, error: String(error) });
    }
    await yieldToMessages();
  }
};
