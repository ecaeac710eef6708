/**
 * Lighthouse 12 (mobile form factor, default simulated throttling) against
 * the local server, in Debian's Chromium started by chrome-launcher with the
 * project's flags (so no host but 127.0.0.1 resolves).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium.mjs';
import { isForeign } from './browser.mjs';
import { LIGHTHOUSE_CATEGORIES } from './config.mjs';
import { TimeoutError, withTimeout } from '../lib/deadline.mjs';

let launcherModule = null;

/**
 * Kills, synchronously, every Chromium started for Lighthouse, including one
 * still starting. For signal handlers: chrome-launcher's Chromium runs in a
 * process group of its own and would outlive the audit.
 */
export function killLighthouseChromium() {
  launcherModule?.killAll();
}

/** Longest one Lighthouse run may take; a run takes 12–25 s here. */
export const LIGHTHOUSE_LIMIT_MS = 3 * 60_000;

/**
 * Starts one Chromium for the Lighthouse runs of a page. A run that does not
 * finish within LIGHTHOUSE_LIMIT_MS gets one more try in a fresh Chromium
 * (`onRetry` hears of it); a second one throws, naming the page.
 * @returns {Promise<{ run: (url: string, origin: string) => Promise<object>, close: () => Promise<void> }>}
 */
export async function startLighthouse({ skipAudits = [], saveDir, onRetry = () => {} } = {}) {
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  launcherModule = chromeLauncher;
  const launch = () => chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
  let chrome = await launch();
  if (saveDir) mkdirSync(saveDir, { recursive: true });
  const once = async (url, origin) => {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: LIGHTHOUSE_CATEGORIES,
      formFactor: 'mobile',
      skipAudits,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (saveDir) writeFileSync(join(saveDir, slug(new URL(url).pathname) + '.json'), JSON.stringify(lhr));
    return summarize(lhr, origin);
  };
  return {
    async run(url, origin) {
      const what = `Lighthouse on ${new URL(url).pathname}`;
      for (let attempt = 1; ; attempt++) {
        try {
          return await withTimeout(once(url, origin), LIGHTHOUSE_LIMIT_MS, what);
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          chrome.kill();
          if (attempt === 2) throw new Error(`${e.message}, twice`);
          onRetry(e.message);
          chrome = await launch();
        }
      }
    },
    async close() {
      chrome.kill();
    },
  };
}

/**
 * Scores (0–100), the audits that cost points, any run warning or runtime
 * error, and any request that left the local server.
 */
export function summarize(lhr, origin) {
  const scores = {};
  const losing = {};
  for (const cat of LIGHTHOUSE_CATEGORIES) {
    const c = lhr.categories[cat];
    scores[cat] = c && c.score !== null ? Math.round(c.score * 100) : null;
    losing[cat] = (c?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ ref, a: lhr.audits[ref.id] }))
      .filter(({ a }) => a && a.score !== null && a.score < 1 && !['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode))
      .map(({ ref, a }) => ({ id: ref.id, score: Math.round(a.score * 100), weight: ref.weight, display: a.displayValue ?? '', explanation: a.explanation ?? '' }))
      .sort((x, y) => y.weight * (100 - y.score) - x.weight * (100 - x.score));
  }
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const foreign = requests.map((r) => r.url).filter((u) => isForeign(u, origin));
  return {
    scores,
    losing,
    foreign,
    warnings: lhr.runWarnings ?? [],
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    metrics: metricValues(lhr),
  };
}

function metricValues(lhr) {
  const m = {};
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    const a = lhr.audits[id];
    if (a) m[id] = a.displayValue ?? null;
  }
  return m;
}

/** Median of several runs' scores, category by category. */
export function medianScores(runs) {
  const out = {};
  for (const cat of LIGHTHOUSE_CATEGORIES) {
    const v = runs.map((r) => r.scores[cat]).filter((s) => s !== null).sort((a, b) => a - b);
    out[cat] = v.length ? v[Math.floor((v.length - 1) / 2)] : null;
  }
  return out;
}

function slug(path) {
  return path.replace(/^\/|\/$/g, '').replace(/[^\w.-]+/g, '_') || 'index';
}
