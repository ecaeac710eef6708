/**
 * Pure formatting of the audit's console output (unit-tested).
 */

/** `1536` → `1.5 KB` (1 KB = 1024 bytes); negative values keep their sign. */
export function formatBytes(n) {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a < 1024) return `${sign}${a} B`;
  return `${sign}${(a / 1024).toFixed(1)} KB`;
}

/** Lighthouse score cell: the number, or `–` when it did not run. */
export function formatScore(s) {
  return s === null || s === undefined ? '–' : String(s);
}

/** A count (elements) for a table cell; `–` when it was not measured. */
export function formatCount(n) {
  return n === null || n === undefined || n === 0 ? '–' : String(n);
}

/**
 * The failure line for a broken budget: `dom` for the element count (the fix is
 * a shorter note), `bytes` for the rest; a JS budget lists the page's own files.
 * @param {{ name: string, value: number, max: number, over: number }} b from `pageBudgets`
 * @param {{ path: string, gzip: number }[]} ownFiles the page's JS beyond Starlight's
 */
export function budgetFailure(b, ownFiles = []) {
  if (b.name === 'domElements') {
    return { check: 'dom', detail: `${b.value} elements > budget ${b.max} (over by ${b.over}): split the note into shorter notes (CONTRIBUTING.md, "길이")` };
  }
  const extra = b.name.startsWith('js') ? ` (own JS: ${ownFiles.map((f) => `${f.path} ${formatBytes(f.gzip)}`).join(', ')})` : '';
  return { check: 'bytes', detail: `${b.name} ${formatBytes(b.value)} > budget ${formatBytes(b.max)} (over by ${formatBytes(b.over)})${extra}` };
}

/**
 * Left-aligned text table (right-aligned for numeric-looking cells).
 * @param {string[]} headers @param {(string | number)[][]} rows
 */
export function formatTable(headers, rows) {
  const cells = [headers, ...rows.map((r) => r.map((c) => String(c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const numeric = (s) => /^[-+]?[\d.]+( (KB|B|s))?$|^–$/.test(s);
  const line = (r) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - width(c));
        return numeric(c) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Display width: CJK characters take two columns in a terminal. */
export function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * The summary table: one row per page.
 * @param {object[]} pages entries of the JSON report's `pages`
 */
export function summaryTable(pages) {
  const headers = ['page', 'perf', 'a11y', 'bp', 'seo', 'JS gz', 'own JS', 'CSS gz', 'fonts', 'HTML gz', 'DOM', 'failed'];
  const rows = pages.map((p) => [
    p.path,
    formatScore(p.lighthouse?.scores?.performance),
    formatScore(p.lighthouse?.scores?.accessibility),
    formatScore(p.lighthouse?.scores?.['best-practices']),
    formatScore(p.lighthouse?.scores?.seo),
    formatBytes(p.bytes?.jsGzip),
    formatBytes(p.extraJsGzip),
    formatBytes(p.bytes?.cssGzip),
    formatBytes(p.bytes?.fontBytes),
    formatBytes(p.bytes?.htmlGzip),
    formatCount(p.domElements),
    p.failed.length ? p.failed.join(',') : 'ok',
  ]);
  return formatTable(headers, rows);
}

/** One progress line for a page after its browser checks. */
export function pageLine(p) {
  const mark = p.failed.length ? '✖' : '✔';
  const kind = p.isChartPage ? `chart page, ${p.islands} island(s)` : 'text page';
  return `${mark} ${p.path} (${kind}) JS ${formatBytes(p.bytes?.jsGzip)}${p.extraJsGzip == null ? '' : ` (own ${formatBytes(p.extraJsGzip)})`}, CSS ${formatBytes(p.bytes?.cssGzip)}, fonts ${formatBytes(p.bytes?.fontBytes)}, HTML ${formatBytes(p.bytes?.htmlGzip)}, ${formatCount(p.domElements)} elements${p.failed.length ? ` · failed: ${p.failed.join(', ')}` : ''}`;
}

/**
 * Failures grouped by page, then check: exactly what broke.
 * @param {{ page: string, check: string, detail: string }[]} failures
 */
export function formatFailures(failures) {
  if (!failures.length) return '';
  const lines = [];
  const byPage = groupBy(failures, (f) => f.page);
  for (const [page, list] of byPage) {
    lines.push(`  ${page}`);
    for (const f of list) lines.push(`    ✖ [${f.check}] ${f.detail}`);
  }
  return lines.join('\n');
}

/** Counts failures per check, for the last line: `a11y 3, bytes 1`. */
export function countByCheck(failures) {
  return [...groupBy(failures, (f) => f.check)].map(([check, list]) => `${check} ${list.length}`).join(', ');
}

function groupBy(items, key) {
  const m = new Map();
  for (const it of items) {
    const k = key(it);
    if (!m.has(k)) m.set(k, []);
    m.get(k).push(it);
  }
  return m;
}
