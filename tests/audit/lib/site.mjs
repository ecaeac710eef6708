/**
 * What the audit specs share: the pages of the build under audit, the audit.config.json
 * budgets, and how a visit waits until every island has hydrated.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { htmlFiles } from '../../../src/integrations/html-files.mjs';
import { validateConfig } from './config.mjs';

/** The build under audit: `AUDIT_DIST` (the fixture proofs point it at tests/audit/fixtures/site), else dist/. */
export const DIST = resolve(process.env.AUDIT_DIST ?? 'dist');

/** audit.config.json: budgets, viewports and axe tags (docs/audit.md). */
export const CONFIG = validateConfig(JSON.parse(readFileSync(resolve('audit.config.json'), 'utf8')));

/** `/notes/x/` for `<dist>/notes/x/index.html`, `/404.html` for `<dist>/404.html`. */
export function sitePath(dist, file) {
  return (
    '/' +
    relative(dist, file)
      .replace(/\\/g, '/')
      .replace(/(^|\/)index\.html$/, '$1')
  );
}

/**
 * Every built page with what its HTML says about it; `layout` is its `<html data-has-*>`
 * attributes (Starlight loads different scripts per layout, see budgets.mjs `ownJs`).
 * @returns {{ path: string, isChartPage: boolean, layout: string }[]}
 */
export function listPages(dist = DIST) {
  return htmlFiles(dist).map((file) => {
    const html = readFileSync(file, 'utf8');
    const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '';
    const layout =
      ['data-has-toc', 'data-has-sidebar', 'data-has-hero'].filter((a) => htmlTag.includes(a)).join(' ') || 'plain';
    return { path: sitePath(dist, file), isChartPage: html.includes('<astro-island'), layout };
  });
}

/**
 * Embed mode (`?embed=1#<chart-id>`, docs/components.md): the first chart of each kind,
 * audited like a page, as a course page would frame it.
 */
export function embedPages(dist = DIST) {
  const byKind = new Map();
  for (const file of htmlFiles(dist)) {
    for (const m of readFileSync(file, 'utf8').matchAll(
      /<figure class="dl-chart[^"]*" id="([^"]+)" data-chart="([^"]+)"/g,
    )) {
      if (!byKind.has(m[2])) byKind.set(m[2], `${sitePath(dist, file)}?embed=1#${m[1]}`);
    }
  }
  return [...byKind.values()];
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

/**
 * Scrolls through the page so `client:visible` islands hydrate and lazy fonts load, then
 * waits for the network and the fonts to go quiet. The short frame waits inside the page
 * only pace the scroll (a throttled tab gets 250 ms); no assertion depends on them.
 * @param {import('@playwright/test').Page} page
 */
export async function settle(page) {
  await page.evaluate(async () => {
    const frame = () =>
      new Promise((r) => {
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
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Records CSP violations in the page (`window.__auditCsp`); added before any script runs. */
export function recordCsp(theme) {
  try {
    localStorage.setItem('starlight-theme', theme);
  } catch {
    // Storage may be blocked (opaque origins); the theme then follows prefers-color-scheme.
  }
  window.__auditCsp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__auditCsp.push(
      `${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'}${e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''}`,
    );
  });
}
