/**
 * Byte budgets (audit.config.json, docs/audit.md): every page at both widths, the bytes it
 * received by kind (gzip level 9 for text, raw woff2 for fonts) and its JavaScript beyond
 * Starlight's own per layout (`ownJs`). One test, because that baseline spans pages.
 * Writes reports/audit-pages.json, the per-page table `npm run audit` prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { maxBytes, ownJs, pageBudgets, responseKind, sumBytes } from './lib/budgets.mjs';
import { CONFIG, listPages, settle } from './lib/site.mjs';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

test('byte budgets of every page', async ({ browser }) => {
  const pages = listPages();
  test.setTimeout(60_000 * pages.length);
  const measured = [];
  for (const p of pages) {
    let bytes = null;
    let domElements = 0;
    const js = new Map<string, { url: string; gzip: number }>();
    for (const viewport of Object.values(CONFIG.viewports) as { width: number; height: number }[]) {
      const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
      const tab = await context.newPage();
      const pending: Promise<{ url: string; kind: string; bytes: number; gzip: number } | null>[] = [];
      tab.on('response', (res) => {
        if (res.status() >= 300 && res.status() < 400) return;
        const kind =
          res.request().resourceType() === 'document' ? 'html' : responseKind(res.url(), res.headers()['content-type']);
        pending.push(
          res.body().then(
            (b) => ({ url: res.url(), kind, bytes: b.length, gzip: gzipSync(b, { level: 9 }).length }),
            () => null,
          ),
        );
      });
      await tab.goto(p.path);
      await settle(tab);
      domElements = Math.max(domElements, await tab.evaluate(() => document.body.getElementsByTagName('*').length));
      const responses = (await Promise.all(pending)).filter((r) => r !== null);
      for (const r of responses) if (r.kind === 'js') js.set(r.url, { url: r.url, gzip: r.gzip });
      bytes = maxBytes(bytes, sumBytes(responses));
      await context.close();
    }
    measured.push({ ...p, bytes, domElements, js: [...js.values()] });
  }
  const own = ownJs(measured);
  const rows = [];
  for (const m of measured) {
    const o = own.get(m.path)!;
    // The DOM budget is judged in every project by pages.spec.ts; here it is only reported.
    for (const b of pageBudgets({ ...m, ...o }, CONFIG.budgets).filter(
      (x: { name: string }) => x.name !== 'domElements',
    )) {
      const files = b.name.startsWith('js')
        ? ` (own JS: ${o.extraFiles.map((f) => `${new URL(f.url).pathname} ${kb(f.gzip)}`).join(', ')})`
        : '';
      expect
        .soft(b.value, `${m.path}: ${b.name} ${kb(b.value)} > budget ${kb(b.max)}${files}`)
        .toBeLessThanOrEqual(b.max);
    }
    rows.push({
      path: m.path,
      chart: m.isChartPage,
      ownJsGzip: o.extraJsGzip,
      cssGzip: m.bytes.cssGzip,
      fontBytes: m.bytes.fontBytes,
      htmlGzip: m.bytes.htmlGzip,
      domElements: m.domElements,
    });
  }
  const out = process.env.AUDIT_PAGES_JSON ?? 'reports/audit-pages.json';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(rows, null, 2) + '\n');
});
