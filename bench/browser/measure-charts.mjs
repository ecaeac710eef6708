#!/usr/bin/env node
/**
 * Measures the chart islands on a production build, in headless Chromium:
 *
 * 1. Keypress → DOM latency of <GradientLab> at its heaviest setting (depth 50,
 *    width 128): ArrowLeft/ArrowRight on the depth slider, timed in the page from
 *    the keydown event's timeStamp (so time spent waiting for a busy main thread
 *    counts) to the MutationObserver callback that sees the chart show the new
 *    depth, and to the next animation frame after it. Reported separately for the
 *    first presses (cold: worker start, network draw) and for presses after the
 *    worker has filled in the neighbouring depths (a held key).
 * 2. Gzip size of the island JavaScript: the /_astro/*.js that the chart pages
 *    request and a text-only page does not, summed over a page with both charts
 *    (the union of the explorer page and the lab page), plus the worker chunk that
 *    the lab loads on first interaction.
 *
 * Usage: npm run build && node bench/browser/measure-charts.mjs [--dist=dist] [--presses=40]
 *        [--lab=notes/gradient-lab/#lab] [--explorer=notes/activation-functions/#sig-tanh]
 *        [--text=notes/ml-vs-dl/]
 */
import { args, gz, open, stats as fmt } from './setup.mjs';

const presses = Number(args.presses ?? 40);
const [labPath, labId] = (args.lab ?? 'notes/gradient-lab/#lab').split('#');
const [explorerPath, explorerId] = (args.explorer ?? 'notes/activation-functions/#sig-tanh').split('#');
const textPath = args.text ?? 'notes/ml-vs-dl/';

const { server, browser } = await open();

async function hydrated(page, id) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => {
    const el = document.getElementById(i)?.closest('astro-island');
    return el && !el.hasAttribute('ssr');
  }, id);
}

/** Installs the in-page probe: keydown timeStamp → data-shown mutation → next frame. */
async function installProbe(page, id) {
  await page.evaluate((i) => {
    const fig = document.getElementById(i);
    const slider = document.getElementById(`${i}-depth`);
    const w = window;
    w.__probe = { pending: null, samples: [] };
    slider.addEventListener(
      'keydown',
      (e) => {
        w.__probe.pending = { t0: e.timeStamp, target: null };
      },
      { capture: true },
    );
    new MutationObserver(() => {
      const p = w.__probe.pending;
      if (!p) return;
      const depth = fig.dataset.shown.split('|')[2];
      if (depth !== slider.value) return;
      const dom = performance.now() - p.t0;
      w.__probe.pending = null;
      requestAnimationFrame(() => w.__probe.samples.push({ dom, frame: performance.now() - p.t0 }));
    }).observe(fig, { attributes: true, attributeFilter: ['data-shown'], subtree: false });
  }, id);
}

async function pressAndWait(page, id, key) {
  const before = await page.evaluate((i) => document.getElementById(`${i}-depth`).value, id);
  const n = await page.evaluate(() => window.__probe.samples.length);
  await page.keyboard.press(key);
  const after = await page.evaluate((i) => document.getElementById(`${i}-depth`).value, id);
  if (after === before) return false;
  await page.waitForFunction((k) => window.__probe.samples.length > k, n, { timeout: 10_000 });
  return true;
}

// ---------- 1. keypress → DOM at depth 50, width 128 ----------
const latency = {};
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}${labPath}?${labId}.depth=50&${labId}.width=128#${labId}`);
  await hydrated(page, labId);
  await page.waitForFunction((i) => document.getElementById(i).dataset.shown.endsWith('|50|128|1'), labId, {
    timeout: 20_000,
  });
  await installProbe(page, labId);
  await page.locator(`#${labId}-depth`).focus();

  // Cold: the first presses right after focusing (worker just started, network drawn in it).
  const cold = [];
  for (let k = 0; k < 3; k++) await pressAndWait(page, labId, 'ArrowLeft');
  cold.push(...(await page.evaluate(() => window.__probe.samples.splice(0))));

  // Warm: let the worker fill in every depth of this setting, then sweep 47 → 47 − N/2 → back.
  await page.waitForTimeout(3000);
  let key = 'ArrowLeft';
  for (let k = 0; k < presses; k++) {
    if (k === Math.floor(presses / 2)) key = 'ArrowRight';
    await pressAndWait(page, labId, key);
  }
  const warm = await page.evaluate(() => window.__probe.samples.splice(0));
  latency.cold = cold;
  latency.warm = warm;
  latency.errors = errors;
  await context.close();
}

// ---------- 2. island JS bytes ----------
async function scriptsOf(path, ids, interact) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const urls = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js')) urls.add(u.pathname);
  });
  await page.goto(server.url + path);
  await page.waitForLoadState('networkidle');
  for (const id of ids) await hydrated(page, id);
  await page.waitForLoadState('networkidle');
  const initial = new Set(urls);
  if (interact) {
    await interact(page);
    await page.waitForLoadState('networkidle');
  }
  await context.close();
  return { initial, all: urls };
}

const text = await scriptsOf(textPath, []);
const explorer = await scriptsOf(explorerPath, [explorerId]);
const lab = await scriptsOf(labPath, [labId], async (page) => {
  await page.locator(`#${labId}-depth`).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(500);
});
const islandFiles = [...new Set([...explorer.initial, ...lab.initial])].filter((p) => !text.initial.has(p)).sort();
const onInteraction = [...lab.all].filter((p) => !lab.initial.has(p) && !text.initial.has(p)).sort();

console.log('\nIsland JavaScript of a page with both charts (requested by the chart pages, not by a text-only page):');
let total = 0;
for (const p of islandFiles) {
  const n = gz(p);
  total += n;
  console.log(`  ${String(n).padStart(6)} B gz  ${p}`);
}
console.log(
  `  ${String(total).padStart(6)} B gz  TOTAL at load (budget 30 KB = 30000 B: ${total <= 30000 ? 'within' : 'OVER'})`,
);
let extra = 0;
for (const p of onInteraction) {
  const n = gz(p);
  extra += n;
  console.log(`  ${String(n).padStart(6)} B gz  ${p} (loaded on the first interaction with the lab)`);
}
if (onInteraction.length) console.log(`  ${String(total + extra).padStart(6)} B gz  total after interacting`);

console.log(
  `\nGradientLab keypress → chart updated in the DOM, width 128, depth slider 50 → 47 (cold), then 47 → ${47 - presses / 2} → 47 (warm):`,
);
console.log(
  `  cold (first ${latency.cold.length} presses, worker starting):  DOM ${fmt(latency.cold.map((s) => s.dom))}`,
);
console.log(`                                            next frame ${fmt(latency.cold.map((s) => s.frame))}`);
console.log(
  `  warm (held key, ${latency.warm.length} presses):               DOM ${fmt(latency.warm.map((s) => s.dom))}`,
);
console.log(`                                            next frame ${fmt(latency.warm.map((s) => s.frame))}`);
if (latency.errors.length) console.log(`  page errors: ${latency.errors.join(' | ')}`);

await browser.close();
await server.close();
