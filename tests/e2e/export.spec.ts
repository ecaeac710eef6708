/**
 * The "내보내기" menu: every chart kind on the site is exported in every format from a
 * non-default state, and each file is checked against the page.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, hydrated, test } from './fixtures';
import { CHARTS, openChart, themeTag } from './export-charts';

/** Opens the menu from the keyboard: Tab order reaches its summary, Enter opens it. */
async function openMenu(page: Page, id: string) {
  await page.locator(`#${id} .dl-export > summary`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`#${id} .dl-export[open] button[data-export-kind="svg"]`)).toBeVisible();
}

async function download(page: Page, id: string, kind: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`#${id} button[data-export-kind="${kind}"]`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** A number as the data table shows it ("−1.2×10⁻¹⁵", "12.5%") → its value; NaN for words. Independent of csv.ts. */
function shownNumber(text: string) {
  const sup: Record<string, number> = {
    '⁰': 0,
    '¹': 1,
    '²': 2,
    '³': 3,
    '⁴': 4,
    '⁵': 5,
    '⁶': 6,
    '⁷': 7,
    '⁸': 8,
    '⁹': 9,
  };
  const t = text.trim().replace(/%$/, '').replace(/−/g, '-');
  const m = /^(-?)(?:([\d.]+)×)?10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (m) return Number(`${m[1]}${m[2] ?? '1'}e${Number([...m[4]].map((c) => sup[c]).join('')) * (m[3] ? -1 : 1)}`);
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

for (const chart of CHARTS) {
  // One page load per chart: the menu, then each format, then the link, in the order a reader
  // would use them (the menu must come first: it proves no export code loaded before it opened).
  test(
    `export from ${chart.kind} (#${chart.id}): menu, SVG, PNG, CSV and link`,
    { tag: themeTag(chart) },
    async ({ page, context, errors, baseURL }) => {
      const scripts = await openChart(page, chart);
      let svgFile!: { name: string; bytes: Buffer };

      await test.step('no export code loads before the menu opens; the menu is keyboard-reachable and in Korean', async () => {
        const before = new Set(scripts);
        const menu = page.locator(`#${chart.id} .dl-export`);
        await expect(menu.locator('> summary')).toHaveText('내보내기');
        await expect(menu, 'the no-JavaScript line is gone once hydrated').not.toContainText('JavaScript');
        await expect(
          page.locator(`#${chart.id} .dl-embed-back`),
          'the embed link is rendered only in embed mode',
        ).toHaveCount(0);
        await openMenu(page, chart.id);
        const lazy = scripts.filter((s) => !before.has(s));
        expect(
          lazy.some((s) => /\/(Panel|run)\.[\w-]+\.js$/.test(s)),
          `opening the menu fetched the export code: ${lazy.join(', ')}`,
        ).toBe(true);
        await expect(menu.locator('button')).toHaveText(['SVG 그림', 'PNG 그림 (2배 크기)', 'CSV 데이터', '링크 복사']);
        await page.keyboard.press('Tab');
        await expect(menu.locator('button[data-export-kind="svg"]')).toBeFocused();
        await page.keyboard.press('Escape');
        await expect(page.locator(`#${chart.id} .dl-export[open]`)).toHaveCount(0);
        await expect(menu.locator('> summary'), 'Esc returns focus to the menu').toBeFocused();
        expect(errors).toEqual([]);
      });

      await test.step('SVG parses, has the title, the source URL with the state, the plotted paths in their colours and the font', async () => {
        await openMenu(page, chart.id);
        const file = await download(page, chart.id, 'svg');
        svgFile = file;
        expect(file.name).toMatch(new RegExp(`-${chart.id}\\.svg$`));
        const onPage = await page.evaluate((id) => {
          const fig = document.getElementById(id)!;
          return {
            titles: [...fig.querySelectorAll('svg[role="img"] > title')].map((t) => t.textContent!),
            plotWidths: [...fig.querySelectorAll('svg[role="img"]')].map((s) => s.getBoundingClientRect().width),
            series: [...fig.querySelectorAll('svg[role="img"] path.series')].map((p) => ({
              d: p.getAttribute('d')!,
              stroke: getComputedStyle(p).stroke,
            })),
            background: getComputedStyle(document.body).backgroundColor,
          };
        }, chart.id);
        // Parsed in a blank page of its own: the note's CSP would (rightly) refuse the file's <style> in the note.
        const blank = await context.newPage();
        const svg = await blank.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          const root = doc.documentElement;
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            root: root.localName,
            ns: root.namespaceURI,
            title: root.querySelector(':scope > title')?.textContent ?? '',
            texts: [...root.querySelectorAll('text')].map((t) => t.textContent).join(' '),
            paths: [...root.querySelectorAll<SVGPathElement>('path')].map((p) => ({
              d: p.getAttribute('d'),
              stroke: p.style.stroke,
            })),
            plotWidths: [...root.querySelectorAll('svg')].map((s) => Number(s.getAttribute('width'))),
            background: root.querySelector(':scope > rect')?.getAttribute('fill'),
            style: root.querySelector('style')?.textContent ?? '',
          };
        }, file.bytes.toString('utf8'));
        expect(svg.error).toBeNull();
        expect(svg.root).toBe('svg');
        expect(svg.ns).toBe('http://www.w3.org/2000/svg');
        // The setting named in the plot's own title ("…: 시그모이드, tanh") names the export too.
        const setting = chart.titlePart?.() ?? onPage.titles[0].replace(/^[^:]*: /, '');
        expect(svg.title.endsWith(setting), `title "${svg.title}" ends with "${setting}"`).toBe(true);
        expect(svg.texts, 'the title is drawn, not only in <title>').toContain(svg.title.split(' ')[0]);
        expect(onPage.series.length).toBeGreaterThan(0);
        for (const s of onPage.series)
          expect(svg.paths, `a plotted path (${s.d.slice(0, 30)}…) in ${s.stroke}`).toContainEqual(s);
        for (const w of onPage.plotWidths)
          expect(
            svg.plotWidths.some((x) => Math.abs(x - w) < 0.01),
            `a plot drawn at its CSS width ${w}`,
          ).toBe(true);
        expect(svg.background, `the ${chart.theme} page background`).toBe(onPage.background);
        const source = svg.texts.replace(/\s+/g, '');
        for (const param of chart.query.slice(1).split('&'))
          expect(source, 'the source line has the state').toContain(param);
        expect(source).toContain(chart.page);
        expect(source).toContain(`#${chart.id}`);
        expect(svg.style, 'the page font subset is embedded (woff2 magic wOF2)').toMatch(
          /@font-face\{font-family:'DL Notes Sans KR'[^}]*src:url\(data:font\/woff2;base64,d09GMg/,
        );
        expect(errors).toEqual([]);
      });

      await test.step('PNG is twice the chart’s CSS size and not blank', async () => {
        const png = await download(page, chart.id, 'png');
        expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
        const [w, h] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
        const plotWidth = await page
          .locator(`#${chart.id} svg[role="img"]`)
          .first()
          .evaluate((s) => s.getBoundingClientRect().width);
        const [, svgWidth, svgHeight] = /<svg[^>]* width="(\d+)" height="(\d+)"/
          .exec(svgFile.bytes.toString('utf8'))!
          .map(Number);
        expect(svgWidth, 'the figure is the plot’s CSS width plus a margin').toBeGreaterThanOrEqual(plotWidth);
        expect(svgWidth, 'the figure is the plot’s CSS width plus a margin').toBeLessThanOrEqual(plotWidth + 40);
        expect(w, 'width: 2 × the figure’s CSS width').toBe(2 * svgWidth);
        expect(h, 'height: 2 × the figure’s CSS height').toBe(2 * svgHeight);
        const colours = await page.evaluate(async (b64) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          [c.width, c.height] = [img.width, img.height];
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const data = ctx.getImageData(0, 0, c.width, c.height).data;
          const seen = new Set();
          for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
          return seen.size;
        }, png.bytes.toString('base64'));
        expect(colours, 'the PNG has the chart drawn in it (colours sampled)').toBeGreaterThan(10);
        expect(errors, 'no CSP violation or error while drawing the PNG').toEqual([]);
      });

      await test.step('CSV has a BOM, the table’s Korean headers and the table’s rows as numbers', async () => {
        await page.keyboard.press('Escape');
        await expect(page.locator(`#${chart.id} .dl-export[open]`)).toHaveCount(0);
        await page.locator(`#${chart.id} .dl-data > summary`).click();
        // The table builds its rows when it opens (DataTable.tsx): read it once they are there.
        await expect(page.locator(`#${chart.id} .dl-data tbody tr`).first()).toBeVisible();
        const table = await page.locator(`#${chart.id} .dl-data table`).evaluate((t) => ({
          headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent!),
          rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!)),
        }));
        await openMenu(page, chart.id);
        const csv = await download(page, chart.id, 'csv');
        expect(csv.name).toMatch(/\.csv$/);
        expect([...csv.bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
        const [head, ...rows] = csv.bytes
          .toString('utf8')
          .slice(1)
          .split('\r\n')
          .filter(Boolean)
          .map((line) => line.split(','));
        expect(head).toHaveLength(table.headers.length);
        head.forEach((h, i) => expect([table.headers[i], `${table.headers[i]} (%)`]).toContain(h));
        expect(rows.length).toBeGreaterThanOrEqual(3);
        expect(rows).toHaveLength(table.rows.length);
        rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            const shown = table.rows[r][c];
            const value = shownNumber(shown);
            if (Number.isNaN(value)) expect(cell).toBe(shown);
            else expect(Number(cell), `row ${r + 1}, ${table.headers[c]}: ${shown}`).toBe(value);
          }),
        );
        expect(errors).toEqual([]);
      });

      await test.step('Link copies the URL with the state, and it opens a page in the same state', async () => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
        await page.locator(`#${chart.id} button[data-export-kind="link"]`).click();
        await expect(page.locator(`#${chart.id} .dl-export [role="status"]`)).toHaveText('링크를 복사했습니다.');
        const link = await page.evaluate(() => navigator.clipboard.readText());
        const url = new URL(link);
        expect(url.hash).toBe(`#${chart.id}`);
        for (const [k, v] of new URLSearchParams(chart.query)) expect(url.searchParams.get(k), k).toBe(v);
        const state = await page.evaluate(chart.state, chart.id);
        const other = await context.newPage();
        await other.goto(link);
        await hydrated(other, chart.id);
        await expect.poll(() => other.evaluate(chart.applied, chart.id)).toBe(true);
        expect(await other.evaluate(chart.state, chart.id)).toBe(state);
        expect(errors).toEqual([]);
      });
    },
  );
}

test('a failed export says so in Korean and works when tried again', async ({ page }) => {
  const chart = CHARTS[1];
  await openChart(page, chart);
  await openMenu(page, chart.id);
  // The font subset cannot be read (the server is gone, say): the SVG cannot look as promised.
  await page.route('**/_fonts/*.woff2', (route) => route.fulfill({ status: 503, body: '' }));
  await page.locator(`#${chart.id} button[data-export-kind="svg"]`).click();
  const status = page.locator(`#${chart.id} .dl-export [role="status"]`);
  await expect(status).toContainText('다시 눌러 보세요');
  await expect(status).toHaveText(/^SVG 파일을 만들지 못했습니다 \(글꼴 파일을 읽지 못했습니다 \(503\)\)/);
  await page.unroute('**/_fonts/*.woff2');
  const file = await download(page, chart.id, 'svg');
  expect(file.bytes.toString('utf8')).toMatch(/<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  await expect(status).toHaveText('SVG 파일을 저장했습니다.');
});

test('without JavaScript the menu says it needs it', async ({ openPage }) => {
  const chart = CHARTS[0];
  const { page } = await openPage({ javaScriptEnabled: false });
  await page.goto(`/${chart.page}#${chart.id}`);
  await page.locator(`#${chart.id} .dl-export > summary`).click();
  await expect(page.locator(`#${chart.id} .dl-export`)).toContainText('JavaScript가 필요합니다.');
  await expect(page.locator(`#${chart.id} .dl-export button`)).toHaveCount(0);
});

test(
  'without a clipboard, the menu shows the link in a focused field to copy by hand',
  { tag: '@dark' },
  async ({ page }) => {
    const chart = CHARTS[0];
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await openChart(page, chart);
    await openMenu(page, chart.id);
    await page.locator(`#${chart.id} button[data-export-kind="link"]`).click();
    const field = page.locator(`#${chart.id} .dl-export-manual input`);
    await expect(field).toBeFocused();
    const url = new URL(await field.inputValue());
    expect(url.pathname).toBe(`/${chart.page}`);
    expect(url.hash).toBe(`#${chart.id}`);
    await expect(page.locator(`#${chart.id} .dl-export-manual`)).toContainText('이 주소를 선택해 복사하세요');
  },
);
