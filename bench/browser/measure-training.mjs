#!/usr/bin/env node
/**
 * Measures <TrainingLab> on a production build in headless Chromium (prints numbers; not a test):
 *
 * 1. Gzip size of the JavaScript the training page loads up to hydration beyond what a
 *    text-only page loads (the islands), and of the worker chunk fetched on first play.
 * 2. Training throughput while drawing: the page opens with
 *    `?train.depth=10&train.width=32&train.batchSize=32` (override with --query), the speed
 *    is set (--speed, default max), play is pressed (twice: a new run first pauses at the
 *    preset's `steps`), and after a warm-up of --warmup ms the
 *    page records for --seconds: steps per second (from the lab's data-step), the interval
 *    between animation frames (p50/p95, what the reader sees) and the main-thread draw time
 *    per frame (the island's requestAnimationFrame callback plus the Preact render it
 *    schedules as a microtask).
 *
 * Usage: node bench/browser/measure-training.mjs [--build] [--dist=dist] [--seconds=6] [--warmup=1500]
 *        [--speed=max|fast|normal|slow] [--query=...] [--page=notes/training-lab/#train] [--text=notes/ml-vs-dl/]
 */
import { args, gz, kb, open, stats } from './setup.mjs';

const seconds = Number(args.seconds ?? 6);
const warmup = Number(args.warmup ?? 1500);
const speed = args.speed ?? 'max';
const [pagePath, id] = (args.page ?? 'notes/training-lab/#train').split('#');
const query = args.query ?? `?${id}.depth=10&${id}.width=32&${id}.batchSize=32`;
const textPath = args.text ?? 'notes/ml-vs-dl/';

const { server, browser } = await open();

/** Same-origin .js files a page requests up to `until`. */
async function scriptsOf(path, until) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const urls = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js')) urls.add(u.pathname);
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  if (until) await until(page);
  await context.close();
  return urls;
}

async function hydrated(page) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => {
    const el = document.getElementById(i)?.closest('astro-island');
    return el && !el.hasAttribute('ssr');
  }, id);
}

try {
  // 1. Sizes.
  const text = await scriptsOf(textPath);
  const atLoad = await scriptsOf(pagePath, hydrated);
  const islands = [...atLoad].filter((u) => !text.has(u) && !u.includes('.worker'));
  const islandBytes = islands.reduce((n, u) => n + gz(u), 0);
  console.log(`Islands JS at load on /${pagePath} (gzip, beyond ${textPath}): ${kb(islandBytes)}`);
  for (const u of islands) console.log(`  ${kb(gz(u)).padStart(9)}  ${u}`);
  console.log(`  worker requested at load: ${[...atLoad].some((u) => u.includes('train.worker')) ? 'YES' : 'no'}`);

  // 2. Throughput while drawing.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    // Time each animation-frame callback together with the microtasks it queues (Preact's render).
    const raf = window.requestAnimationFrame.bind(window);
    const w = /** @type {any} */ (window);
    w.__draw = [];
    w.__rawRaf = raf;
    window.requestAnimationFrame = (cb) =>
      raf((ts) => {
        const t0 = performance.now();
        cb(ts);
        queueMicrotask(() => queueMicrotask(() => w.__draw.push(performance.now() - t0)));
      });
  });
  const page = await context.newPage();
  const workers = new Set();
  page.on('request', (r) => r.url().includes('train.worker') && workers.add(new URL(r.url()).pathname));
  await page.goto(`${server.url}${pagePath}${query}`);
  await hydrated(page);
  await page.selectOption(`#${id}-speed`, speed);
  await page.click(`#${id} [data-action="play"]`);
  // A run that starts below the preset's `steps` (300 by default) pauses there once: play on.
  await page.waitForFunction(
    (i) =>
      ['paused', 'playing'].includes(document.getElementById(i).dataset.status) &&
      Number(document.getElementById(i).dataset.step) > 0,
    id,
  );
  await page.waitForFunction((i) => document.getElementById(i).dataset.status === 'paused', id, { timeout: 60_000 });
  await page.click(`#${id} [data-action="play"]`);
  await page.waitForFunction((i) => document.getElementById(i).dataset.status === 'playing', id);
  const result = await page.evaluate(
    async ([i, warm, secs]) => {
      const el = document.getElementById(i);
      const w = /** @type {any} */ (window);
      await new Promise((r) => setTimeout(r, warm));
      w.__draw.length = 0;
      const raf = w.__rawRaf;
      const frames = [];
      const t0 = performance.now();
      const s0 = Number(el.dataset.step);
      await new Promise((done) => {
        let last = performance.now();
        const loop = (ts) => {
          frames.push(ts - last);
          last = ts;
          if (performance.now() - t0 < secs * 1000 && el.dataset.status === 'playing') raf(loop);
          else done(null);
        };
        raf((ts) => {
          last = ts;
          raf(loop);
        });
      });
      const t1 = performance.now();
      return {
        steps: Number(el.dataset.step) - s0,
        ms: t1 - t0,
        frames,
        draw: w.__draw.slice(),
        status: el.dataset.status,
      };
    },
    [id, warmup, seconds],
  );
  const workerBytes = [...workers].reduce((n, u) => n + gz(u), 0);
  console.log(`Worker chunk fetched on first play (gzip): ${kb(workerBytes)} ${[...workers].join(' ')}`);
  console.log(
    `\nTraining ${query} at speed "${speed}" for ${(result.ms / 1000).toFixed(1)} s (status at the end: ${result.status}):`,
  );
  console.log(`  steps/s: ${((result.steps * 1000) / result.ms).toFixed(0)} (${result.steps} steps)`);
  console.log(`  frame interval: ${stats(result.frames)}`);
  console.log(`  draw time per animation frame (main thread): ${stats(result.draw)}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
