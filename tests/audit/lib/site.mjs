/**
 * What the audit specs share: the pages of the build under audit, the audit.config.json
 * budgets, and how a visit waits until every island has hydrated.
 */
import { expect } from '@playwright/test';
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
 * audited like a page, as a course page would frame it. Attributes are read in any order.
 * @returns {{ kind: string, path: string }[]}
 */
export function embedPages(dist = DIST) {
  const byKind = new Map();
  for (const file of htmlFiles(dist)) {
    for (const [tag] of readFileSync(file, 'utf8').matchAll(/<figure\b[^>]*\bdata-chart="[^"]+"[^>]*>/g)) {
      const kind = /\bdata-chart="([^"]+)"/.exec(tag)[1];
      const id = /\bid="([^"]+)"/.exec(tag)?.[1];
      if (id && !byKind.has(kind)) byKind.set(kind, `${sitePath(dist, file)}?embed=1#${id}`);
    }
  }
  return [...byKind].map(([kind, path]) => ({ kind, path }));
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
 * Brings every `client:visible` island into view and waits until it has hydrated (Astro drops
 * the island's `ssr` attribute then), then waits for the network and the fonts to go quiet.
 * Each wait is on a condition, so a busy machine only makes it slower, never wrong.
 * @param {import('@playwright/test').Page} page
 */
export async function settle(page) {
  for (const island of await page.locator('astro-island[client="visible"]').all()) {
    await island.scrollIntoViewIfNeeded();
    await expect(island).not.toHaveAttribute('ssr');
  }
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
