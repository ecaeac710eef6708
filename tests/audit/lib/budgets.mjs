/**
 * Pure budget arithmetic: no I/O, so it is unit-tested (tests/audit/).
 * A value equal to its budget passes; one byte (or, for `domElements`, one element) over fails.
 */

/**
 * @param {string} name
 * @param {number} value measured bytes, or elements for `domElements`
 * @param {number} max inclusive limit
 */
export function evaluateBudget(name, value, max) {
  return { name, value, max, ok: value <= max, over: Math.max(0, value - max) };
}

/**
 * Starlight's own JavaScript, per layout. Starlight loads different scripts
 * for a splash page (no table of contents) and a doc page (sidebar + TOC), so
 * pages are grouped by `layout` (their `<html data-has-*>` attributes). The JS
 * every text-only page of a layout requests (the intersection of their script
 * URLs) is Starlight's; whatever else a page requests is the page's own.
 * A layout without any text-only page falls back to the intersection over all
 * text-only pages, which can only make the budget stricter.
 *
 * @param {{ path: string, isChartPage: boolean, layout: string, js: { url: string, gzip: number }[] }[]} pages
 * @returns {Map<string, { extraJsGzip: number, baselineJsGzip: number, extraFiles: { url: string, gzip: number }[], baselineFrom: string[] }>} by path
 */
export function ownJs(pages) {
  const text = pages.filter((p) => !p.isChartPage);
  const intersect = (group) => {
    if (group.length === 0) return new Set();
    let set = new Set(group[0].js.map((f) => f.url));
    for (const p of group.slice(1)) set = new Set(p.js.map((f) => f.url).filter((u) => set.has(u)));
    return set;
  };
  const everyText = intersect(text);
  const byLayout = new Map();
  const out = new Map();
  for (const page of pages) {
    if (!byLayout.has(page.layout)) {
      const group = text.filter((p) => p.layout === page.layout);
      byLayout.set(
        page.layout,
        group.length
          ? { set: intersect(group), from: group.map((p) => p.path) }
          : { set: everyText, from: text.map((p) => p.path) },
      );
    }
    const { set, from } = byLayout.get(page.layout);
    const unique = new Map(page.js.map((f) => [f.url, f]));
    const extraFiles = [...unique.values()].filter((f) => !set.has(f.url));
    const baselineJsGzip = [...unique.values()].filter((f) => set.has(f.url)).reduce((n, f) => n + f.gzip, 0);
    out.set(page.path, {
      extraJsGzip: extraFiles.reduce((n, f) => n + f.gzip, 0),
      baselineJsGzip,
      extraFiles,
      baselineFrom: from,
    });
  }
  return out;
}

/**
 * Every byte budget that applies to one page.
 * - a page without islands may load at most `jsTextPageOverBaseline` bytes of
 *   JS (gzip) beyond Starlight's own (see `ownJs`);
 * - a page with islands may load at most `jsIslands` beyond Starlight's own;
 * - fonts, CSS and HTML are absolute per page;
 * - so is the number of elements in the rendered page (`domElements`), a count, not bytes.
 *
 * @param {{ isChartPage: boolean, extraJsGzip: number, domElements: number, bytes: { cssGzip: number, fontBytes: number, htmlGzip: number } }} page
 * @param {Record<string, { maxBytes?: number, maxElements?: number }>} budgets `audit.config.json` → budgets
 */
export function pageBudgets(page, budgets) {
  return [
    page.isChartPage
      ? evaluateBudget('jsIslands', page.extraJsGzip, budgets.jsIslands.maxBytes)
      : evaluateBudget('jsTextPageOverBaseline', page.extraJsGzip, budgets.jsTextPageOverBaseline.maxBytes),
    evaluateBudget('fonts', page.bytes.fontBytes, budgets.fonts.maxBytes),
    evaluateBudget('cssGzip', page.bytes.cssGzip, budgets.cssGzip.maxBytes),
    evaluateBudget('htmlGzip', page.bytes.htmlGzip, budgets.htmlGzip.maxBytes),
    evaluateBudget('domElements', page.domElements, budgets.domElements.maxElements),
  ];
}

/**
 * Lighthouse category scores (0–100, or null when the category did not run)
 * against their goal and minimum. Below `min` fails; below `goal` is a warning.
 *
 * @param {Record<string, number | null>} scores
 * @param {Record<string, { goal: number, min: number }>} thresholds
 */
export function evaluateScores(scores, thresholds) {
  return Object.entries(thresholds)
    .filter(([cat]) => !cat.startsWith('//'))
    .map(([cat, { goal, min }]) => {
      const score = scores[cat] ?? null;
      return {
        category: cat,
        score,
        goal,
        min,
        ok: score !== null && score >= min,
        belowGoal: score === null || score < goal,
      };
    });
}

/**
 * Sums response sizes by kind. `responses` are what one page visit received:
 * `{ url, kind, bytes, gzip }` with kind one of js, css, font, html, other.
 * Each URL counts once per visit (a font requested twice is transferred once).
 */
export function sumBytes(responses) {
  const seen = new Set();
  const total = { jsGzip: 0, cssGzip: 0, fontBytes: 0, htmlGzip: 0, otherBytes: 0 };
  for (const r of responses) {
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    if (r.kind === 'js') total.jsGzip += r.gzip;
    else if (r.kind === 'css') total.cssGzip += r.gzip;
    else if (r.kind === 'font') total.fontBytes += r.bytes;
    else if (r.kind === 'html') total.htmlGzip += r.gzip;
    else total.otherBytes += r.bytes;
  }
  return total;
}

/** Kind of a response for byte accounting, from its URL path and content type. */
export function responseKind(url, contentType = '') {
  const path = new URL(url).pathname;
  if (/\.(woff2?|ttf|otf)$/i.test(path) || contentType.startsWith('font/')) return 'font';
  if (/\.m?js$/i.test(path) || /javascript/.test(contentType)) return 'js';
  if (/\.css$/i.test(path) || contentType.startsWith('text/css')) return 'css';
  if (contentType.startsWith('text/html')) return 'html';
  return 'other';
}

/** Larger of two byte measurements, field by field (a page visited at two widths). */
export function maxBytes(a, b) {
  if (!a) return b;
  if (!b) return a;
  return Object.fromEntries(Object.keys(a).map((k) => [k, Math.max(a[k], b[k] ?? 0)]));
}
