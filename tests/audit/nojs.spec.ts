/**
 * With JavaScript off (project `no-js`), every top-level island of a chart page must
 * already show an SVG chart: visible, non-zero size, with non-empty `path` data.
 */
import { expect, test } from '@playwright/test';
import { isForeign, listPages } from './lib/site.mjs';

for (const { path } of listPages().filter((p) => p.isChartPage)) {
  test(path, async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.context().on('request', (r) => isForeign(r.url(), baseURL!) && foreign.push(r.url()));
    await page.goto(path);
    const islands = await page.evaluate(() =>
      [...document.querySelectorAll('astro-island')]
        .filter((el) => !el.parentElement?.closest('astro-island'))
        .map((el) => {
          const name =
            (el.getAttribute('component-url') ?? '?')
              .split('/')
              .pop()
              ?.replace(/\.[\w-]+\.js$/, '') ?? '?';
          const svgs = [...el.querySelectorAll('svg')];
          const shown = svgs.filter((svg) => {
            const r = svg.getBoundingClientRect();
            const drawn = [...svg.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').trim().length > 2);
            return (
              svg.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
              r.width > 0 &&
              r.height > 0 &&
              drawn
            );
          });
          return { name, svgs: svgs.length, shown: shown.length };
        }),
    );
    expect(islands.length, 'islands on a page whose HTML has <astro-island').toBeGreaterThan(0);
    const blank = islands
      .filter((i) => i.shown === 0)
      .map(
        (i) => `island ${i.name}: no visible SVG chart with path data (${i.svgs} svg element(s) in the server HTML)`,
      );
    expect.soft(blank, 'islands without a chart when JavaScript is off').toEqual([]);
    expect.soft(foreign, 'requests that left the site').toEqual([]);
  });
}
