/**
 * Embed mode (`?embed=1#<chart-id>`) and printing, for one chart of each kind. The audit
 * (tests/audit/pages.spec.ts) holds each embed to the zero goals (axe, CSP, errors, overflow at 390 px).
 */
import { expect, test } from './fixtures';
import { CHARTS, openChart, themeTag } from './export-charts';
import { findOverflow, measureOverflow } from '../audit/lib/overflow.mjs';

test.describe('embed mode (?embed=1#<chart-id>)', () => {
  for (const chart of CHARTS) {
    test(`${chart.kind}: only the chart shows, it fills the iframe, and it links back to the note`, async ({
      page,
      context,
      errors,
      baseURL,
    }) => {
      await page.setViewportSize({ width: 900, height: 900 });
      // The test server is on the loopback address; Chrome asks before a page frames a local-network address.
      await context.grantPermissions(['local-network-access']);
      const src = `${baseURL}/${chart.page}?embed=1#${chart.id}`;
      // A page of another site that embeds the chart, as a course page would: localhost is another
      // site than 127.0.0.1 (and, being local too, Chrome's local-network rules let it frame the note).
      const host = `${baseURL!.replace('127.0.0.1', 'localhost')}/course-page/`;
      await page.route(host, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="ko"><title>강의</title><iframe src="${src}" width="600" height="700" title="차트"></iframe>`,
        }),
      );
      await page.goto(host);
      const frame = page.frameLocator('iframe');
      await expect(frame.locator(`#${chart.id} svg[role="img"]`).first()).toBeVisible();
      await expect(frame.locator(`astro-island:has(#${chart.id})`).last()).not.toHaveAttribute('ssr');
      const layout = await frame.locator('html').evaluate((html, id) => {
        const shown = (sel: string) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
        const fig = document.getElementById(id)!.getBoundingClientRect();
        const back = document.querySelector<HTMLAnchorElement>(`#${id} .dl-embed-back`);
        return {
          embed: html.classList.contains('dl-embed'),
          chrome: [
            'header',
            'nav.sidebar',
            '.right-sidebar-container',
            '.pagination-links',
            'footer',
            'h2',
            '.sl-markdown-content > p',
          ].filter(shown),
          otherCharts: [...document.querySelectorAll('.dl-chart')].filter(
            (c) => c.id !== id && c.getClientRects().length > 0,
          ).length,
          figLeft: fig.left,
          figWidth: fig.width,
          vw: html.clientWidth,
          scrollWidth: html.scrollWidth,
          back:
            back && back.getClientRects().length > 0
              ? { text: back.textContent, href: back.href, target: back.target }
              : null,
        };
      }, chart.id);
      expect(layout.embed).toBe(true);
      expect(layout.chrome, 'no Starlight chrome or note text').toEqual([]);
      expect(layout.otherCharts).toBe(0);
      expect(layout.figLeft, 'the chart fills the frame').toBeLessThanOrEqual(1);
      expect(layout.figWidth, 'the chart fills the frame').toBeGreaterThanOrEqual(layout.vw - 1);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.vw);
      expect(layout.back?.text).toBe('딥러닝 노트에서 보기');
      expect(layout.back?.target).toBe('_blank');
      expect(new URL(layout.back!.href).pathname).toBe(`/${chart.page}`);
      // Known, not ours: this Chromium denies storage to a third-party frame, and Starlight's theme
      // scripts read localStorage unguarded (the theme then stays dark). Anything else is a failure.
      expect(errors.filter((e) => !/localStorage|StarlightThemeProvider is not defined/.test(e))).toEqual([]);
    });
  }

  test('?embed=1 without a chart id shows the whole note without the site chrome', async ({ page, errors }) => {
    await page.goto(`/${CHARTS[1].page}?embed=1`);
    for (const s of ['.page > header', 'nav.sidebar', '.right-sidebar-container', '.pagination-links'])
      await expect(page.locator(s).first(), s).toBeHidden();
    for (const s of ['h1', '.dl-chart']) await expect(page.locator(s).first(), s).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('print', () => {
  /** A4 (210 mm) minus the 15 mm margins given to page.pdf, at 96 dpi. */
  const PRINT_WIDTH = Math.floor(((210 - 2 * 15) / 25.4) * 96);
  test.use({ viewport: { width: PRINT_WIDTH, height: 1100 } });

  for (const chart of CHARTS) {
    test(
      `${chart.page}: every chart prints its current SVG with the table caption, no chrome, nothing wider than A4`,
      { tag: themeTag(chart) },
      async ({ page, errors }) => {
        await openChart(page, chart);
        const plot = page.locator(`#${chart.id} svg[role="img"]`).first();
        const shownBefore = await plot.innerHTML();
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({
          format: 'A4',
          margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
          printBackground: true,
        });
        expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
        const printed = await page.evaluate(() => {
          const visible = (e: Element) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
          const charts = [...document.querySelectorAll('.dl-chart')].map((fig) => ({
            id: fig.id,
            plots: [...fig.querySelectorAll('svg[role="img"]')].map(
              (s) => visible(s) && s.getBoundingClientRect().width > 100,
            ),
            caption: [...fig.querySelectorAll('.dl-data caption')].map((c) =>
              visible(c) && c.getBoundingClientRect().width > fig.getBoundingClientRect().width / 2
                ? c.textContent
                : null,
            ),
            controls: [...fig.querySelectorAll('button, select, input, .dl-export, .dl-data > summary')].filter(visible)
              .length,
            avoidsBreak: getComputedStyle(fig).breakInside,
          }));
          const external = [
            ...document.querySelectorAll<HTMLAnchorElement>('.sl-markdown-content a[href^="http"]'),
          ].find((a) => !a.closest('.dl-chart'));
          return {
            charts,
            chrome: [
              'header',
              'nav.sidebar',
              '.right-sidebar-container',
              'site-search',
              'starlight-theme-select',
              '.pagination-links',
            ].filter((s) => [...document.querySelectorAll(s)].some(visible)),
            linkAfter: external ? { href: external.href, after: getComputedStyle(external, '::after').content } : null,
            formulas: [...document.querySelectorAll('.math-display')].map((m) => getComputedStyle(m).breakInside),
          };
        });
        expect(printed.charts.length).toBeGreaterThan(0);
        for (const c of printed.charts) {
          expect(c.plots.length > 0 && c.plots.every(Boolean), `#${c.id}: its SVG is printed`).toBe(true);
          expect(
            c.caption.length === 1 && c.caption[0],
            `#${c.id}: the data table's caption is printed, as wide as the chart`,
          ).toBeTruthy();
          expect(c.controls, `#${c.id}: no controls or menu on paper`).toBe(0);
          expect(c.avoidsBreak).toBe('avoid');
        }
        expect(printed.chrome).toEqual([]);
        for (const b of printed.formulas) expect(b).toBe('avoid');
        if (printed.linkAfter)
          expect(printed.linkAfter.after, 'an outside link prints its URL').toContain(
            printed.linkAfter.href.replace(/\/$/, ''),
          );
        expect(await plot.innerHTML(), 'the chart prints as it was on screen').toBe(shownBefore);
        expect(findOverflow(await page.evaluate(measureOverflow)), 'nothing wider than the A4 text width').toEqual([]);
        expect(errors).toEqual([]);
      },
    );
  }
});
