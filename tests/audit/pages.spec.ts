/**
 * Every built page, in each of the four projects (1280/390 px × light/dark):
 * status, theme, accessibility (axe-core), requests that leave the site, console errors
 * and CSP violations, the DOM budget after hydration, overflow at 390 px and font coverage.
 * Chart embeds (`?embed=1#id`) are audited like pages. Each check is a soft assertion, so one run names every problem of a page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { CHARTS } from '../e2e/export-charts';
import { checkGlyphs } from './lib/glyphs.mjs';
import { findOverflow, measureOverflow } from './lib/overflow.mjs';
import { CONFIG, embedPages, isForeign, listPages, recordCsp, settle } from './lib/site.mjs';

const maxElements = CONFIG.budgets.domElements.maxElements;

const embeds = embedPages();
test('an embed of every chart kind is audited', () => {
  expect(embeds.map((e) => e.kind).sort()).toEqual(CHARTS.map((c) => c.kind).sort());
});

for (const path of [...listPages().map((p) => p.path), ...embeds.map((e) => e.path)]) {
  test(path, async ({ page, baseURL }, info) => {
    const { theme, overflow, glyphs } = info.project.metadata as {
      theme: 'light' | 'dark';
      overflow: boolean;
      glyphs: boolean;
    };
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()} (${m.location().url})`));
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.context().on('request', (r) => isForeign(r.url(), baseURL!) && foreign.push(r.url()));
    await page.addInitScript(recordCsp, theme);

    const res = await page.goto(path);
    expect.soft(res?.status(), 'HTTP status').toBe(200);
    await settle(page);
    await expect
      .soft(page.locator('html'), `the ${theme} theme is applied, so the axe result means something`)
      .toHaveAttribute('data-theme', theme);
    const csp = await page.evaluate(() => (window as unknown as { __auditCsp: string[] }).__auditCsp);
    expect
      .soft(
        [...errors, ...csp.map((c) => `CSP violation: ${c}`)],
        'console errors, uncaught exceptions and CSP violations',
      )
      .toEqual([]);
    // Like Lighthouse's DOM size: the elements inside <body>, after every island has hydrated.
    const elements = await page.evaluate(() => document.body.getElementsByTagName('*').length);
    expect
      .soft(
        elements,
        `DOM elements after hydration (budget ${maxElements}; split a longer note, CONTRIBUTING.md "길이")`,
      )
      .toBeLessThanOrEqual(maxElements);
    if (overflow) {
      await page.evaluate(() => window.scrollTo(0, 0));
      expect.soft(findOverflow(await page.evaluate(measureOverflow)), 'horizontal overflow at this width').toEqual([]);
    }
    const axe = await new AxeBuilder({ page }).withTags(CONFIG.axeTags).analyze();
    const violations = axe.violations.map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length} element(s)): ${v.help} → ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
    expect.soft(violations, 'axe-core violations').toEqual([]);
    // Last: driving the charts changes the page the checks above judged as it loads.
    if (glyphs) expect.soft((await checkGlyphs(page)).problems, 'characters not drawn by the site fonts').toEqual([]);
    expect.soft(foreign, 'requests that left the site').toEqual([]);
  });
}
