/**
 * Worker thread of subset-pool.mjs. Two kinds of job:
 * - a font subset with subset-font (HarfBuzz), keeping each source font it has read;
 * - the text of one built page, in both weights (html-text.mjs, bold-text.mjs), as code
 *   points, so that reading hundreds of pages runs on every core too.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import subsetFont from 'subset-font';
import { boldTextOf } from './bold-text.mjs';
import { codePoints, visibleText } from './html-text.mjs';

const sources = new Map();

parentPort.on('message', async ({ id, kind, source, text, options, file, matchers }) => {
  try {
    if (kind === 'text') {
      const html = readFileSync(file, 'utf8');
      parentPort.postMessage({
        id,
        out: { regular: codePoints(visibleText(html)), bold: codePoints(boldTextOf(html, matchers)) },
      });
      return;
    }
    if (!sources.has(source)) sources.set(source, readFileSync(source));
    const out = new Uint8Array(await subsetFont(sources.get(source), text, options));
    parentPort.postMessage({ id, out }, [out.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
