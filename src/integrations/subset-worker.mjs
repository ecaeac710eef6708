/**
 * Worker thread of subset-pool.mjs: makes one font subset per message with subset-font
 * (HarfBuzz), keeping each source font it has read.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import subsetFont from 'subset-font';

const sources = new Map();

parentPort.on('message', async ({ id, source, text, options }) => {
  try {
    if (!sources.has(source)) sources.set(source, readFileSync(source));
    const out = new Uint8Array(await subsetFont(sources.get(source), text, options));
    parentPort.postMessage({ id, out }, [out.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
