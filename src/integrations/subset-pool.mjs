import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { siteBase } from './asset-names.mjs';

/** Where subsets are kept between builds (like Vite's node_modules/.vite). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/dl-notes-fonts/', import.meta.url));

/**
 * Font subsetting for the build: content-addressed, cached across builds, in parallel.
 *
 * A subset is named by the SHA-256 of (source file bytes, options, code points), so an
 * unchanged page costs one file read on the next build, and a changed source font or option
 * can never serve a stale file. Misses run in worker threads (one per core): HarfBuzz is
 * single-threaded, and a site of hundreds of notes needs hundreds of subsets on a cold cache.
 *
 * @param {{ cacheDir?: string, threads?: number }} [o]
 */
export function createSubsetPool({ cacheDir = DEFAULT_CACHE_DIR, threads = Math.max(1, availableParallelism()) } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const sourceHashes = new Map();
  const workers = [];
  const queue = [];
  const waiting = new Map();
  let nextId = 0;
  let hits = 0;
  let misses = 0;

  const sourceHash = (path) => {
    if (!sourceHashes.has(path)) sourceHashes.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
    return sourceHashes.get(path);
  };
  const pump = () => {
    for (const w of workers) {
      if (w.busy || queue.length === 0) continue;
      const job = queue.shift();
      w.busy = true;
      w.worker.postMessage(job.message);
      waiting.set(job.message.id, { ...job, w });
    }
    while (queue.length && workers.length < threads) {
      const worker = new Worker(new URL('./subset-worker.mjs', import.meta.url));
      const w = { worker, busy: false };
      worker.on('message', ({ id, out, error }) => {
        const job = waiting.get(id);
        waiting.delete(id);
        w.busy = false;
        if (error)
          job.reject(
            new Error(
              `${job.message.kind === 'text' ? `reading ${job.message.file}` : `font subset of ${job.message.source}`} failed: ${error}`,
            ),
          );
        else job.resolve(out instanceof Uint8Array ? Buffer.from(out) : out);
        pump();
      });
      worker.on('error', (e) => {
        for (const [id, job] of waiting) {
          if (job.w !== w) continue;
          waiting.delete(id);
          job.reject(e);
        }
      });
      workers.push(w);
      pump();
    }
  };

  return {
    /**
     * The subset of `source` holding `cps`, with its content key (12 hex digits).
     * @param {string} source path of the font file
     * @param {number[]} cps sorted code points
     * @param {object} options subset-font options
     * @returns {Promise<{ key: string, bytes: Buffer }>}
     */
    async subset(source, cps, options) {
      const key = createHash('sha256')
        .update(`${sourceHash(source)}|${JSON.stringify(options)}|${cps.join(',')}`)
        .digest('hex');
      const file = join(cacheDir, `${key}.woff2`);
      if (existsSync(file)) {
        hits++;
        return { key: key.slice(0, 12), bytes: readFileSync(file) };
      }
      misses++;
      const bytes = await new Promise((resolve, reject) => {
        queue.push({ message: { id: nextId++, source, text: String.fromCodePoint(...cps), options }, resolve, reject });
        pump();
      });
      // Write then rename: a build stopped halfway never leaves a truncated file under the key.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
      return { key: key.slice(0, 12), bytes };
    },
    /**
     * The characters of a built page (html-text.mjs `visibleText`) and of its bold text
     * (bold-text.mjs with `matchers`), as sorted code points, read in a worker.
     * @returns {Promise<{ regular: number[], bold: number[] }>}
     */
    pageText(file, matchers) {
      return new Promise((resolve, reject) => {
        queue.push({ message: { id: nextId++, kind: 'text', file, matchers }, resolve, reject });
        pump();
      });
    },
    stats: () => ({ hits, misses }),
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
    },
  };
}

/**
 * The code points a font file maps (its cmap), kept in the cache folder by the file's hash:
 * reading a CJK font's tables takes about a second.
 * @param {string} source path of the font file
 * @returns {Promise<Set<number>>}
 */
export async function fontCharset(source, cacheDir = DEFAULT_CACHE_DIR) {
  mkdirSync(cacheDir, { recursive: true });
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex');
  const file = join(cacheDir, `${hash}.cmap.json`);
  if (existsSync(file)) return new Set(JSON.parse(readFileSync(file, 'utf8')));
  const { create } = await import('fontkitten');
  const cps = create(readFileSync(source)).characterSet;
  writeFileSync(file, JSON.stringify(cps));
  return new Set(cps);
}

/**
 * The hooks of a font integration: `build` runs when the site is built, with the build folder,
 * the deploy base and a subset pool that is closed afterwards, whatever happens.
 * @param {(o: { out: string, base: string, pool: ReturnType<typeof createSubsetPool>, logger: import('astro').AstroIntegrationLogger, t0: number }) => Promise<void>} build
 */
export function fontBuildHooks(build) {
  let base = '/';
  return {
    'astro:config:done': ({ config }) => {
      base = siteBase(config);
    },
    'astro:build:done': async ({ dir, logger }) => {
      const t0 = performance.now();
      const pool = createSubsetPool();
      try {
        await build({ out: fileURLToPath(dir), base, pool, logger, t0 });
      } finally {
        await pool.close();
      }
    },
  };
}
