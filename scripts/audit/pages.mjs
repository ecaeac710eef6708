/**
 * The browser pass over every built page: two widths × two themes with
 * JavaScript on (errors, CSP, requests, bytes, axe-core; overflow on the
 * narrow one) and, for chart pages, one visit with JavaScript off.
 */
import { readFileSync } from 'node:fs';
import { htmlFiles } from '../lib/csp.mjs';
import { maxBytes, sumBytes } from './budgets.mjs';
import { checkNoJs, visitPage } from './browser.mjs';
import { sitePath } from './static-checks.mjs';

/**
 * Every built page with what its HTML says about it.
 * @returns {{ path: string, file: string, isChartPage: boolean, layout: string }[]}
 */
export function listPages(dist) {
  return htmlFiles(dist).map((file) => {
    const html = readFileSync(file, 'utf8');
    const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '';
    const layout = ['data-has-toc', 'data-has-sidebar', 'data-has-hero'].filter((a) => htmlTag.includes(a)).join(' ') || 'plain';
    return { path: sitePath(dist, file), file, isChartPage: html.includes('<astro-island'), layout };
  });
}

/** `*` matches one path segment, `**` anything: `/notes/*` matches `/notes/x/`. */
export function matchPage(pattern, path) {
  const re = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}/?$`).test(path);
}

/**
 * Visits one page in every combination and returns its results, and the
 * failures found, as `{ check, detail }`.
 * @param {import('playwright-core').Browser} browser
 */
export async function auditPage(browser, page, { origin, config, skip }) {
  const failures = [];
  const fail = (check, detail) => failures.push({ page: page.path, check, detail });
  const axeSeen = new Map();
  const errorsSeen = new Map();
  const glyphsSeen = new Map();
  let characters = 0;
  const foreign = new Set();
  const jsFiles = new Map();
  let bytes = null;
  let domElements = 0;
  const combos = [];
  for (const theme of ['light', 'dark']) {
    for (const [name, viewport] of [['desktop', config.viewports.desktop], ['mobile', config.viewports.mobile]]) {
      combos.push({ theme, name, viewport });
    }
  }
  for (const { theme, name, viewport } of combos) {
    const label = `${theme} ${viewport.width}px`;
    const r = await visitPage(browser, { origin, path: page.path, viewport, theme, axeTags: config.axeTags, overflow: name === 'mobile' });
    if (r.status !== 200) fail('status', `${label}: HTTP ${r.status}`);
    if (r.theme !== theme) fail('a11y', `${label}: the ${theme} theme was not applied (<html data-theme="${r.theme}">), so its axe result means nothing`);
    for (const v of r.axe) note(axeSeen, `${v.id} (${v.impact}, ${v.count} element(s)): ${v.help}. ${v.summary} → ${v.targets.join(' | ')}`, label);
    for (const e of [...r.errors, ...r.csp.map((c) => `CSP violation: ${c}`)]) note(errorsSeen, e, label);
    for (const u of r.foreign) foreign.add(u);
    for (const line of r.overflow) fail('layout', `${label}: ${line}`);
    for (const line of r.glyphs?.problems ?? []) note(glyphsSeen, line, label);
    characters = Math.max(characters, r.glyphs?.characters ?? 0);
    for (const res of r.responses) if (res.kind === 'js') jsFiles.set(res.url, { url: res.url, gzip: res.gzip });
    bytes = maxBytes(bytes, sumBytes(r.responses));
    domElements = Math.max(domElements, r.domElements);
  }
  for (const [v, where] of axeSeen) fail('a11y', `[${where.join(', ')}] ${v}`);
  for (const [e, where] of errorsSeen) fail('errors', `[${where.join(', ')}] ${e}`);
  for (const u of foreign) fail('privacy', `request to another host: ${u}`);
  for (const [g, where] of glyphsSeen) fail('glyphs', `[${where.join(', ')}] ${g}`);

  let islands = 0;
  if (page.isChartPage && !skip.has('nojs')) {
    const r = await checkNoJs(browser, { origin, path: page.path, viewport: config.viewports.mobile });
    islands = r.islands;
    for (const p of r.problems) fail('no-js', p);
  }
  return {
    result: { path: page.path, isChartPage: page.isChartPage, layout: page.layout, islands, bytes, domElements, characters, js: [...jsFiles.values()] },
    failures,
  };
}

function note(map, key, where) {
  if (!map.has(key)) map.set(key, []);
  map.get(key).push(where);
}
