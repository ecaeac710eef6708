import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFonts } from '../../src/integrations/page-fonts.mjs';
import { createSubsetPool } from '../../src/integrations/subset-pool.mjs';
import { MATH_FONT_SOURCE } from '../../src/integrations/math-font.mjs';

const out = mkdtempSync(join(tmpdir(), 'font-plan-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
mkdirSync(join(out, '_astro'));
mkdirSync(join(out, 'b'));
writeFileSync(join(out, '_astro', 'site.css'), '.cards a{font-weight:600}');
const page = (body: string) =>
  `<html><head><link rel="stylesheet" href="/_astro/site.css"></head><body><nav>공통 메뉴</nav>${body}</body></html>`;
writeFileSync(
  join(out, 'index.html'),
  page('<ul class="cards"><li><a href="/b/">활성화 함수</a></li></ul><p>10⁻⁵배와 α</p>'),
);
writeFileSync(join(out, 'b', 'index.html'), page('<p>기울기 소실</p>'));
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe('planFonts', async () => {
  const plan = await planFonts(out, '/');
  const home = plan.pages.find((p) => p.file.endsWith(join(out, 'index.html')))!;
  const other = plan.pages.find((p) => p.file.includes(join(out, 'b')))!;

  it('puts text bolded by the CSS into the semibold set, and only that (plus ASCII)', () => {
    const bold = new Set([...home.sets[600]]);
    for (const cp of cps('활성화함수')) expect(bold.has(cp)).toBe(true);
    for (const cp of cps('배공통')) expect(bold.has(cp)).toBe(false);
    expect(other.sets[600]).toEqual([]);
  });

  it('shares what every page shows (the menu) in one slice and keeps the rest per page', () => {
    for (const cp of cps('공통메뉴')) expect(plan.shared[400]).toContain(cp);
    for (const cp of cps('기울소실')) expect(other.own[400]).toContain(cp);
    for (const cp of cps('기울소실')) expect(home.own[400]).not.toContain(cp);
  });

  it('reads the pages the same way in worker threads', async () => {
    const pool = createSubsetPool({ cacheDir: join(out, 'cache-plan'), threads: 2 });
    try {
      expect(await planFonts(out, '/', pool, { threadsFrom: 0 })).toEqual(plan);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('draws superscripts and characters Noto Sans KR lacks from the symbols file, never from a Korean slice', () => {
    for (const cp of cps('⁻⁵')) {
      expect(plan.symbols).toContain(cp);
      expect(home.sets[400]).not.toContain(cp);
    }
    expect(plan.missing).toEqual([]);
  });
});

describe('createSubsetPool', () => {
  it('makes a subset in a worker once, then serves the same bytes from the cache by content', async () => {
    const cacheDir = join(out, 'cache');
    const first = createSubsetPool({ cacheDir, threads: 1 });
    const a = await first.subset(MATH_FONT_SOURCE, cps('+−×'), { targetFormat: 'woff2' });
    await first.close();
    const second = createSubsetPool({ cacheDir, threads: 1 });
    const b = await second.subset(MATH_FONT_SOURCE, cps('+−×'), { targetFormat: 'woff2' });
    const c = await second.subset(MATH_FONT_SOURCE, cps('+−'), { targetFormat: 'woff2' });
    await second.close();
    expect(first.stats()).toEqual({ hits: 0, misses: 1 });
    expect(second.stats()).toEqual({ hits: 1, misses: 1 });
    expect(b.bytes.equals(a.bytes)).toBe(true);
    expect(b.key).toBe(a.key);
    expect(c.key).not.toBe(a.key);
    expect(a.bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
  }, 60_000);
});
