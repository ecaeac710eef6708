import { describe, expect, test } from 'vitest';
import {
  evaluateBudget,
  evaluateScores,
  maxBytes,
  ownJs,
  pageBudgets,
  responseKind,
  sumBytes,
} from './lib/budgets.mjs';

const budgets = {
  jsTextPageOverBaseline: { maxBytes: 1024 },
  jsIslands: { maxBytes: 30720 },
  fonts: { maxBytes: 153600 },
  cssGzip: { maxBytes: 30720 },
  htmlGzip: { maxBytes: 61440 },
  domElements: { maxElements: 1300 },
};

describe('evaluateBudget', () => {
  test('under the budget passes', () => {
    expect(evaluateBudget('fonts', 100, 150)).toEqual({ name: 'fonts', value: 100, max: 150, ok: true, over: 0 });
  });
  test('exactly the budget passes', () => {
    expect(evaluateBudget('fonts', 150, 150).ok).toBe(true);
  });
  test('one byte over fails and says by how much', () => {
    expect(evaluateBudget('fonts', 151, 150)).toMatchObject({ ok: false, over: 1 });
  });
  test('a negative value (less JS than the baseline) passes', () => {
    expect(evaluateBudget('jsTextPageOverBaseline', -200, 1024).ok).toBe(true);
  });
});

describe('pageBudgets', () => {
  const bytes = { cssGzip: 1000, fontBytes: 2000, htmlGzip: 3000 };
  test('a text page is held to the text-page JS budget', () => {
    const r = pageBudgets({ isChartPage: false, extraJsGzip: 1025, domElements: 900, bytes }, budgets);
    expect(r[0]).toMatchObject({ name: 'jsTextPageOverBaseline', ok: false, over: 1 });
    expect(r.map((b: { name: string }) => b.name)).toEqual([
      'jsTextPageOverBaseline',
      'fonts',
      'cssGzip',
      'htmlGzip',
      'domElements',
    ]);
  });
  test('a chart page is held to the islands budget', () => {
    const r = pageBudgets({ isChartPage: true, extraJsGzip: 30720, domElements: 900, bytes }, budgets);
    expect(r[0]).toMatchObject({ name: 'jsIslands', ok: true });
  });
  test('every absolute budget is checked', () => {
    const r = pageBudgets(
      {
        isChartPage: false,
        extraJsGzip: 0,
        domElements: 1301,
        bytes: { cssGzip: 30721, fontBytes: 153601, htmlGzip: 61441 },
      },
      budgets,
    );
    expect(r.filter((b: { ok: boolean }) => !b.ok).map((b: { name: string }) => b.name)).toEqual([
      'fonts',
      'cssGzip',
      'htmlGzip',
      'domElements',
    ]);
  });
  test('the element count is a budget too: exactly the limit passes, one more fails', () => {
    const at = (domElements: number) =>
      pageBudgets({ isChartPage: false, extraJsGzip: 0, domElements, bytes }, budgets).at(-1);
    expect(at(1300)).toMatchObject({ name: 'domElements', ok: true });
    expect(at(1301)).toMatchObject({ name: 'domElements', ok: false, over: 1 });
  });
});

describe('ownJs', () => {
  const starlight = [
    { url: 'http://h/_astro/page.js', gzip: 1000 },
    { url: 'http://h/_astro/search.js', gzip: 2000 },
  ];
  const toc = { url: 'http://h/_astro/toc.js', gzip: 500 };
  const island = { url: 'http://h/_astro/Island.js', gzip: 4000 };
  test("what every text page of a layout loads is Starlight's; the rest is the page's own", () => {
    const pages = [
      { path: '/a/', isChartPage: false, layout: 'doc', js: [...starlight, toc] },
      {
        path: '/b/',
        isChartPage: false,
        layout: 'doc',
        js: [...starlight, toc, { url: 'http://h/_astro/extra.js', gzip: 1500 }],
      },
      { path: '/c/', isChartPage: true, layout: 'doc', js: [...starlight, toc, island] },
    ];
    const r = ownJs(pages);
    expect(r.get('/a/')?.extraJsGzip).toBe(0);
    expect(r.get('/b/')?.extraJsGzip).toBe(1500);
    expect(r.get('/c/')?.extraJsGzip).toBe(4000);
    expect(r.get('/c/')?.baselineJsGzip).toBe(3500);
    expect(r.get('/c/')?.baselineFrom).toEqual(['/a/', '/b/']);
  });
  test('layouts have their own baselines (a splash page has no table of contents)', () => {
    const pages = [
      { path: '/', isChartPage: false, layout: 'splash', js: starlight },
      { path: '/a/', isChartPage: false, layout: 'doc', js: [...starlight, toc] },
    ];
    const r = ownJs(pages);
    expect(r.get('/')?.extraJsGzip).toBe(0);
    expect(r.get('/a/')?.extraJsGzip).toBe(0);
  });
  test('a layout with only chart pages falls back to what all text pages share', () => {
    const pages = [
      { path: '/', isChartPage: false, layout: 'splash', js: starlight },
      { path: '/c/', isChartPage: true, layout: 'doc', js: [...starlight, toc, island] },
    ];
    expect(ownJs(pages).get('/c/')?.extraJsGzip).toBe(4500);
  });
  test('a file requested twice counts once', () => {
    const pages = [
      { path: '/', isChartPage: false, layout: 'x', js: starlight },
      { path: '/c/', isChartPage: true, layout: 'x', js: [...starlight, island, island] },
    ];
    expect(ownJs(pages).get('/c/')?.extraJsGzip).toBe(4000);
  });
});

describe('evaluateScores', () => {
  const thresholds = { performance: { goal: 100, min: 95 }, seo: { goal: 100, min: 95 } };
  test('at the goal: ok, not below goal', () => {
    expect(
      evaluateScores({ performance: 100, seo: 100 }, thresholds).every(
        (s: { ok: boolean; belowGoal: boolean }) => s.ok && !s.belowGoal,
      ),
    ).toBe(true);
  });
  test('at the minimum: ok but below goal', () => {
    expect(evaluateScores({ performance: 95, seo: 100 }, thresholds)[0]).toMatchObject({ ok: true, belowGoal: true });
  });
  test('under the minimum fails', () => {
    expect(evaluateScores({ performance: 94, seo: 100 }, thresholds)[0]).toMatchObject({ ok: false });
  });
  test('a category that did not run fails', () => {
    expect(evaluateScores({ performance: 100 }, thresholds)[1]).toMatchObject({
      category: 'seo',
      score: null,
      ok: false,
    });
  });
});

describe('byte accounting', () => {
  test('responseKind classifies by path, then content type', () => {
    expect(responseKind('http://h/_fonts/a-400.woff2')).toBe('font');
    expect(responseKind('http://h/_astro/x.js?v=1')).toBe('js');
    expect(responseKind('http://h/_astro/x.css')).toBe('css');
    expect(responseKind('http://h/notes/x/', 'text/html; charset=utf-8')).toBe('html');
    expect(responseKind('http://h/pagefind/wasm.ko.pagefind', 'application/octet-stream')).toBe('other');
  });
  test('sumBytes counts each URL once: gzip for text, raw for fonts', () => {
    const total = sumBytes([
      { url: 'a.js', kind: 'js', bytes: 900, gzip: 300 },
      { url: 'a.js', kind: 'js', bytes: 900, gzip: 300 },
      { url: 'b.css', kind: 'css', bytes: 500, gzip: 100 },
      { url: 'c.woff2', kind: 'font', bytes: 4000, gzip: 4010 },
      { url: '/', kind: 'html', bytes: 2000, gzip: 700 },
    ]);
    expect(total).toEqual({ jsGzip: 300, cssGzip: 100, fontBytes: 4000, htmlGzip: 700, otherBytes: 0 });
  });
  test('maxBytes keeps the larger of two visits, field by field', () => {
    expect(maxBytes({ jsGzip: 1, fontBytes: 9 }, { jsGzip: 5, fontBytes: 2 })).toEqual({ jsGzip: 5, fontBytes: 9 });
    expect(maxBytes(null, { jsGzip: 1 })).toEqual({ jsGzip: 1 });
  });
});
