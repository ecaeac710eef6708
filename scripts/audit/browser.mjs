/**
 * One visit of one page in Chromium (playwright-core), collecting everything
 * the audit judges: console and page errors, CSP violations, requests that
 * leave the local server, response bytes, axe-core violations and, on narrow
 * viewports, horizontal overflow. Also the JavaScript-disabled chart check.
 *
 * Contexts never bypass the CSP: axe-core is injected with `page.evaluate`,
 * which runs through the DevTools protocol and is not subject to the page's
 * script-src, so the page is audited exactly as it ships.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { responseKind } from './budgets.mjs';
import { findOverflow, measureOverflow } from './overflow.mjs';
import { checkGlyphs } from './glyphs.mjs';
import { TimeoutError, waitAtMost, withTimeout } from '../lib/deadline.mjs';

/** Longest any one visit may take; a visit takes 2–8 s here, up to a minute when it drives a lab through its states. */
export const VISIT_LIMIT_MS = 180_000;
/** Longest opening a context may take; it takes milliseconds. */
const SETUP_LIMIT_MS = 30_000;

const require = createRequire(import.meta.url);
let axeSource;
/** axe-core's browser bundle, read once. */
export function axeScript() {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Gzip size as a static host would send it (zlib level 9). */
export function gzipSize(buf) {
  return gzipSync(buf, { level: 9 }).length;
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ origin: string, path: string, viewport: { width: number, height: number },
 *   theme: 'light' | 'dark', axeTags: string[], overflow?: boolean, glyphs?: boolean, limitMs?: number }} o
 * @throws {TimeoutError} when the visit takes longer than `o.limitMs` (VISIT_LIMIT_MS), naming the step it was on
 */
export async function visitPage(browser, o) {
  const label = `${o.path} (${o.theme} ${o.viewport.width}px)`;
  // Limited too: a browser that stops answering can do so before the page is opened.
  const context = await withTimeout(
    browser.newContext({ viewport: o.viewport, colorScheme: o.theme, locale: 'ko-KR', serviceWorkers: 'block' }),
    SETUP_LIMIT_MS,
    `${label}: opening a browser context`,
  );
  const result = { errors: [], csp: [], foreign: [], responses: [], axe: [], overflow: [], glyphs: null, theme: null, status: 0, domElements: 0 };
  const pending = [];
  context.on('request', (req) => {
    if (isForeign(req.url(), o.origin)) result.foreign.push(req.url());
  });
  context.on('response', (res) => {
    if (res.status() >= 300 && res.status() < 400) return;
    pending.push(
      res.body().then(
        (buf) => ({ url: res.url(), kind: res.request().resourceType() === 'document' ? 'html' : responseKind(res.url(), res.headers()['content-type']), bytes: buf.length, gzip: gzipSize(buf) }),
        () => null,
      ),
    );
  });
  const init = context.addInitScript((theme) => {
    try {
      localStorage.setItem('starlight-theme', theme);
    } catch {}
    window.__auditCsp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__auditCsp.push(`${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'}${e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''}`);
    });
  }, o.theme);
  await withTimeout(init, SETUP_LIMIT_MS, `${label}: preparing the tab`).catch(async (e) => {
    await waitAtMost(context.close(), 10_000);
    throw e;
  });
  // What the visit is doing, for the message when it stops answering.
  let step = 'opening a tab';
  const work = async () => {
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') result.errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => result.errors.push(`uncaught: ${err.message}`));
    step = 'loading the page';
    const res = await page.goto(o.origin + o.path, { waitUntil: 'load', timeout: 60_000 });
    result.status = res?.status() ?? 0;
    step = 'scrolling through the page';
    await settle(page);
    step = 'reading the theme and CSP reports';
    result.theme = await page.evaluate(() => document.documentElement.dataset.theme ?? null);
    result.csp = await page.evaluate(() => window.__auditCsp);
    // After the scroll every island has hydrated. Like Lighthouse's DOM size, count what is in <body>.
    result.domElements = await page.evaluate(() => document.body.getElementsByTagName('*').length);
    if (o.overflow) {
      step = 'measuring overflow';
      await page.evaluate(() => window.scrollTo(0, 0));
      result.overflow = findOverflow(await page.evaluate(measureOverflow));
    }
    step = 'running axe-core';
    await page.evaluate(axeScript());
    result.axe = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        count: v.nodes.length,
        targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
        summary: v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? '',
      }));
    }, o.axeTags);
    // The bytes budgets judge the page as it loads; what driving the charts fetches (the lab's worker) is not counted.
    const loaded = pending.length;
    if (o.glyphs !== false) {
      // After axe, which judges the page as it loads: driving the charts changes it.
      step = 'checking which font draws each character (driving every chart)';
      result.glyphs = await checkGlyphs(page);
    }
    step = 'collecting response bodies';
    result.responses = (await Promise.all(pending.slice(0, loaded))).filter(Boolean);
  };
  try {
    await withTimeout(work(), o.limitMs ?? VISIT_LIMIT_MS, label).catch((e) => {
      if (e instanceof TimeoutError) e.message += ` while ${step}`;
      throw e;
    });
  } finally {
    // A tab that stopped answering may not close either; the caller then replaces the browser.
    await waitAtMost(context.close(), 10_000);
  }
  return result;
}

/**
 * Scrolls through the page so `client:visible` islands hydrate and lazy
 * fonts load, then waits for the network and fonts to go quiet.
 */
async function settle(page) {
  await page.evaluate(async () => {
    // A frame, or 250 ms if no frame comes (a throttled tab must not stall the audit).
    const frame = () => new Promise((r) => {
      requestAnimationFrame(() => setTimeout(r, 30));
      setTimeout(r, 250);
    });
    const step = Math.max(200, window.innerHeight * 0.9);
    // At most 400 steps: a page that keeps growing as it scrolls would otherwise never end.
    for (let i = 0, y = 0; y < document.documentElement.scrollHeight && i < 400; y += step, i++) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
  await page.evaluate(async () => {
    await Promise.race([document.fonts.ready, new Promise((r) => setTimeout(r, 10_000))]);
    await new Promise((r) => {
      requestAnimationFrame(() => setTimeout(r, 100));
      setTimeout(r, 500);
    });
  });
}

/**
 * With JavaScript disabled: every top-level island must already show an SVG
 * chart (visible, non-zero size, with a non-empty `path` d).
 * @returns {Promise<{ islands: number, problems: string[] }>}
 */
export async function checkNoJs(browser, { origin, path, viewport }) {
  const context = await withTimeout(browser.newContext({ viewport, javaScriptEnabled: false, locale: 'ko-KR' }), SETUP_LIMIT_MS, `${path} (JavaScript off): opening a browser context`);
  const foreign = [];
  context.on('request', (req) => {
    if (isForeign(req.url(), origin)) foreign.push(req.url());
  });
  const work = async () => {
    const page = await context.newPage();
    await page.goto(origin + path, { waitUntil: 'load', timeout: 60_000 });
    const islands = await page.evaluate(() =>
      [...document.querySelectorAll('astro-island')]
        .filter((el) => !el.parentElement?.closest('astro-island'))
        .map((el) => {
          const name = (el.getAttribute('component-url') ?? '?').split('/').pop()?.replace(/\.[\w-]+\.js$/, '') ?? '?';
          const svgs = [...el.querySelectorAll('svg')];
          const shown = svgs.filter((svg) => {
            const r = svg.getBoundingClientRect();
            const visible = typeof svg.checkVisibility === 'function' ? svg.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
            const drawn = [...svg.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').trim().length > 2);
            return visible && r.width > 0 && r.height > 0 && drawn;
          });
          return { name, svgs: svgs.length, shown: shown.length };
        }),
    );
    const problems = islands
      .filter((i) => i.shown === 0)
      .map((i) => `island ${i.name}: no visible SVG chart with path data without JavaScript (${i.svgs} svg element(s) in the server HTML)`);
    for (const u of foreign) problems.push(`request left the site: ${u}`);
    return { islands: islands.length, problems };
  };
  try {
    return await withTimeout(work(), VISIT_LIMIT_MS, `${path} (JavaScript off)`);
  } finally {
    await waitAtMost(context.close(), 10_000);
  }
}

/** True when `url` is a network request to anything but the audited server. */
export function isForeign(url, origin) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return false;
  return u.origin !== origin;
}
