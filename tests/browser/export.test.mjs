/**
 * Browser tests of the "내보내기" menu, embed mode and printing, against a
 * production build: `npm run build`, then
 *   node --test tests/browser/export.test.mjs        (DIST_DIR=… for another build)
 * Every chart kind on the site is exported in every format from a non-default
 * state (set through the URL), and each file is checked against the page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, newPage, serveDist } from './harness.mjs';
import { findOverflow, measureOverflow } from '../audit/lib/overflow.mjs';

/** One chart of each kind, opened in a state that differs from its MDX props. */
const CHARTS = [
  {
    kind: 'activation-explorer',
    page: 'notes/activation-functions/',
    id: 'sig-tanh',
    query: '?sig-tanh.activations=sigmoid,tanh,relu&sig-tanh.domain=-4,4',
    theme: 'dark',
    /** What the chart shows, read from its controls: equal on the page and on the page the link opens. */
    state: (id) => {
      const fig = document.getElementById(id);
      const checked = [...fig.querySelectorAll('input[type="checkbox"]')].map((c) => `${c.value || c.name}:${c.checked}`);
      const domain = [...fig.querySelectorAll('input[type="number"]')].map((i) => i.value);
      return JSON.stringify({ checked, domain });
    },
    applied: (id) => document.querySelector(`#${id} input[value="relu"]`)?.checked === true && document.querySelector(`#${id} input[type="number"]`)?.value === '-4',
  },
  {
    kind: 'gradient-lab',
    page: 'notes/gradient-lab/',
    id: 'lab',
    query: '?lab.activation=relu&lab.init=he&lab.depth=12',
    theme: 'light',
    state: (id) => document.getElementById(id).dataset.shown,
    applied: (id) => document.getElementById(id)?.dataset.shown === 'relu|he|12|64|1' && document.getElementById(id).getAttribute('aria-busy') === null,
  },
  {
    kind: 'loss-explorer',
    page: 'notes/output-layer/',
    id: 'loss',
    query: '?loss.y=0&loss.z=2.5',
    theme: 'dark',
    state: (id) => document.getElementById(id).dataset.shown,
    applied: (id) => document.getElementById(id)?.dataset.shown === 'bce,mse|0|2.5',
  },
  {
    kind: 'training-lab',
    page: 'notes/training-lab/',
    id: 'train',
    query: '?train.depth=4&train.width=8',
    theme: 'light',
    state: (id) => JSON.stringify([...document.querySelectorAll(`#${id} .dl-train-settings :is(select, input)`)].map((e) => `${e.id}=${e.type === 'checkbox' ? e.checked : e.value}`)),
    applied: (id) => document.getElementById(`${id}-depth`)?.value === '4' && document.getElementById(`${id}-width`)?.value === '8',
    /** Its plots have no setting in their titles; the exported title names the step it shows. */
    titlePart: () => '3단계',
    /** A URL setting starts untrained: three steps give the charts something to plot. */
    prepare: async (page, id) => {
      for (let k = 1; k <= 3; k++) {
        await page.locator(`#${id} [data-action="step"]`).click();
        await page.waitForFunction(([i, n]) => document.getElementById(i).dataset.step === String(n) && !document.getElementById(i).hasAttribute('aria-busy'), [id, k]);
      }
    },
  },
];

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the island under `#id` has hydrated (Astro removes `ssr` from <astro-island>). */
async function hydrated(page, id) {
  await page.locator(`astro-island:has(#${id})`).scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => {
    const el = document.getElementById(i)?.closest('astro-island');
    return el && !el.hasAttribute('ssr');
  }, id);
}

/** Opens the chart in its test state and returns the page with every JS file it requested. */
async function openChart(chart, options = {}) {
  const opened = await newPage(browser, { colorScheme: chart.theme, ...options });
  const scripts = [];
  opened.page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  await opened.context.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), chart.theme);
  await opened.page.goto(`${server.url}${chart.page}${chart.query}#${chart.id}`);
  await hydrated(opened.page, chart.id);
  await opened.page.waitForFunction(chart.applied, chart.id);
  await chart.prepare?.(opened.page, chart.id);
  return { ...opened, scripts };
}

/** Opens the menu from the keyboard: Tab order reaches its summary, Enter opens it. */
async function openMenu(page, id) {
  const summary = page.locator(`#${id} .dl-export > summary`);
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.locator(`#${id} .dl-export[open] button[data-export-kind="svg"]`).waitFor();
}

async function download(page, id, kind) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#${id} button[data-export-kind="${kind}"]`).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** A number as the data table shows it ("−1.2×10⁻¹⁵", "12.5%") → its value; NaN for words. Independent of csv.ts. */
function shownNumber(text) {
  const sup = { '⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9 };
  const t = text.trim().replace(/%$/, '').replace(/−/g, '-');
  const m = /^(-?)(?:([\d.]+)×)?10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (m) {
    const exp = Number([...m[4]].map((c) => sup[c]).join('')) * (m[3] ? -1 : 1);
    return Number(`${m[1]}${m[2] ?? '1'}e${exp}`);
  }
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

function parseCsv(text) {
  return text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));
}

for (const chart of CHARTS) {
  describe(`export from ${chart.kind} (#${chart.id})`, () => {
    test('no export code loads before the menu opens; the menu is keyboard-reachable and in Korean', async () => {
      const { page, context, scripts, errors } = await openChart(chart);
      const before = new Set(scripts);
      assert.equal(await page.locator(`#${chart.id} .dl-export > summary`).innerText(), '내보내기');
      assert.doesNotMatch(await page.locator(`#${chart.id} .dl-export`).textContent(), /JavaScript/, 'the no-JavaScript line is gone once hydrated');
      assert.equal(await page.locator(`#${chart.id} .dl-embed-back`).count(), 0, 'the embed link is rendered only in embed mode');
      await openMenu(page, chart.id);
      const lazy = scripts.filter((s) => !before.has(s));
      assert.ok(lazy.some((s) => /\/(Panel|run)\.[\w-]+\.js$/.test(s)), `opening the menu fetched the export code: ${lazy.join(', ')}`);
      const labels = await page.locator(`#${chart.id} .dl-export button`).allInnerTexts();
      assert.deepEqual(labels, ['SVG 그림', 'PNG 그림 (2배 크기)', 'CSV 데이터', '링크 복사']);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.exportKind), 'svg');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator(`#${chart.id} .dl-export[open]`).count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), '내보내기', 'Esc returns focus to the menu');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('SVG parses, has the title, the source URL with the state, the plotted paths in their colours and the font', async () => {
      const { page, context, errors } = await openChart(chart);
      await openMenu(page, chart.id);
      const file = await download(page, chart.id, 'svg');
      assert.match(file.name, new RegExp(`-${chart.id}\\.svg$`));
      const onPage = await page.evaluate((id) => {
        const fig = document.getElementById(id);
        const paths = [...fig.querySelectorAll('svg[role="img"] path.series')];
        return {
          titles: [...fig.querySelectorAll('svg[role="img"] > title')].map((t) => t.textContent),
          plotWidths: [...fig.querySelectorAll('svg[role="img"]')].map((s) => s.getBoundingClientRect().width),
          series: paths.map((p) => ({ d: p.getAttribute('d'), stroke: getComputedStyle(p).stroke })),
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
          title: root.querySelector(':scope > title')?.textContent,
          texts: [...root.querySelectorAll('text')].map((t) => t.textContent).join(' '),
          paths: [...root.querySelectorAll('path')].map((p) => ({ d: p.getAttribute('d'), stroke: p.style.stroke })),
          plotWidths: [...root.querySelectorAll('svg')].map((s) => Number(s.getAttribute('width'))),
          background: root.querySelector(':scope > rect')?.getAttribute('fill'),
          style: root.querySelector('style')?.textContent ?? '',
        };
      }, file.bytes.toString('utf8'));
      assert.equal(svg.error, null);
      assert.equal(svg.root, 'svg');
      assert.equal(svg.ns, 'http://www.w3.org/2000/svg');
      // The setting named in the plot's own title ("…: 시그모이드, tanh") names the export too.
      const setting = chart.titlePart?.() ?? onPage.titles[0].replace(/^[^:]*: /, '');
      assert.ok(svg.title.endsWith(setting), `title "${svg.title}" ends with "${setting}"`);
      assert.ok(svg.texts.includes(svg.title.split(' ')[0]), 'the title is drawn, not only in <title>');
      assert.ok(onPage.series.length > 0);
      for (const s of onPage.series) {
        assert.ok(svg.paths.some((p) => p.d === s.d && p.stroke === s.stroke), `a plotted path (${s.d.slice(0, 30)}…) in ${s.stroke}`);
      }
      for (const w of onPage.plotWidths) assert.ok(svg.plotWidths.some((x) => Math.abs(x - w) < 0.01), `a plot drawn at its CSS width ${w}`);
      assert.equal(svg.background, onPage.background, `the ${chart.theme} page background`);
      const source = svg.texts.replace(/\s+/g, '');
      for (const param of chart.query.slice(1).split('&')) assert.ok(source.includes(param), `source line has ${param}`);
      assert.ok(source.includes(`${chart.page}`) && source.includes(`#${chart.id}`));
      assert.match(svg.style, /@font-face\{font-family:'DL Notes Sans KR'[^}]*src:url\(data:font\/woff2;base64,d09GMg/, 'the page font subset is embedded (woff2 magic wOF2)');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('PNG is twice the chart’s CSS size and not blank', async () => {
      const { page, context, errors } = await openChart(chart);
      await openMenu(page, chart.id);
      const svgFile = await download(page, chart.id, 'svg');
      const png = await download(page, chart.id, 'png');
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(png.bytes.subarray(12, 16).toString('ascii'), 'IHDR');
      const [w, h] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
      const plotWidth = await page.evaluate((id) => document.querySelector(`#${id} svg[role="img"]`).getBoundingClientRect().width, chart.id);
      const [, svgWidth, svgHeight] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgFile.bytes.toString('utf8')).map(Number);
      assert.ok(svgWidth >= plotWidth && svgWidth <= plotWidth + 40, `the figure is the plot’s CSS width (${plotWidth}) plus a margin: ${svgWidth}`);
      assert.equal(w, 2 * svgWidth, 'width: 2 × the figure’s CSS width');
      assert.equal(h, 2 * svgHeight, 'height: 2 × the figure’s CSS height');
      const colours = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set();
        for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
        return seen.size;
      }, png.bytes.toString('base64'));
      assert.ok(colours > 10, `the PNG has the chart drawn in it (${colours} colours sampled)`);
      assert.deepEqual(errors, [], 'no CSP violation or error while drawing the PNG');
      await context.close();
    });

    test('CSV has a BOM, the table’s Korean headers and the table’s rows as numbers', async () => {
      const { page, context, errors } = await openChart(chart);
      await page.locator(`#${chart.id} .dl-data > summary`).click();
      const table = await page.evaluate((id) => {
        const t = document.querySelector(`#${id} .dl-data table`);
        return {
          headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
          rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
        };
      }, chart.id);
      await openMenu(page, chart.id);
      const csv = await download(page, chart.id, 'csv');
      assert.match(csv.name, /\.csv$/);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      const [head, ...rows] = parseCsv(csv.bytes.toString('utf8').slice(1));
      assert.equal(head.length, table.headers.length);
      head.forEach((h, i) => assert.ok(h === table.headers[i] || h === `${table.headers[i]} (%)`, `${h} ↔ ${table.headers[i]}`));
      assert.ok(rows.length >= 3, `${rows.length} rows`);
      assert.equal(rows.length, table.rows.length);
      rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const shown = table.rows[r][c];
          const value = shownNumber(shown);
          if (Number.isNaN(value)) assert.equal(cell, shown);
          else assert.equal(Number(cell), value, `row ${r + 1}, ${table.headers[c]}: ${shown}`);
        }),
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('Link copies the URL with the state, and it opens a page in the same state', async () => {
      const { page, context, errors } = await openChart(chart);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await openMenu(page, chart.id);
      await page.locator(`#${chart.id} button[data-export-kind="link"]`).click();
      await page.locator(`#${chart.id} .dl-export [role="status"]`, { hasText: '링크를 복사했습니다.' }).waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const url = new URL(link);
      assert.equal(url.hash, `#${chart.id}`);
      for (const [k, v] of new URLSearchParams(chart.query)) assert.equal(url.searchParams.get(k), v, k);
      const state = await page.evaluate(chart.state, chart.id);
      const other = await context.newPage();
      await other.goto(link);
      await hydrated(other, chart.id);
      await other.waitForFunction(chart.applied, chart.id);
      assert.equal(await other.evaluate(chart.state, chart.id), state);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

test('a failed export says so in Korean and works when tried again', async () => {
  const chart = CHARTS[1];
  const { page, context } = await openChart(chart);
  await openMenu(page, chart.id);
  // The font subset cannot be read (the server is gone, say): the SVG cannot look as promised.
  await page.route('**/_fonts/*.woff2', (route) => route.fulfill({ status: 503, body: '' }));
  await page.locator(`#${chart.id} button[data-export-kind="svg"]`).click();
  const status = page.locator(`#${chart.id} .dl-export [role="status"]`);
  await status.filter({ hasText: '다시 눌러 보세요' }).waitFor();
  assert.match(await status.innerText(), /^SVG 파일을 만들지 못했습니다 \(글꼴 파일을 읽지 못했습니다 \(503\)\)/);
  await page.unroute('**/_fonts/*.woff2');
  const file = await download(page, chart.id, 'svg');
  assert.match(file.bytes.toString('utf8'), /<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal(await status.innerText(), 'SVG 파일을 저장했습니다.');
  await context.close();
});

test('without JavaScript the menu says it needs it', async () => {
  const chart = CHARTS[0];
  const { page, context } = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}${chart.page}#${chart.id}`);
  await page.locator(`#${chart.id} .dl-export > summary`).click();
  assert.match(await page.locator(`#${chart.id} .dl-export`).innerText(), /JavaScript가 필요합니다\./);
  assert.equal(await page.locator(`#${chart.id} .dl-export button`).count(), 0);
  await context.close();
});

test('without a clipboard, the menu shows the link in a focused field to copy by hand', async () => {
  const chart = CHARTS[0];
  const { page, context } = await newPage(browser);
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto(`${server.url}${chart.page}${chart.query}#${chart.id}`);
  await hydrated(page, chart.id);
  await openMenu(page, chart.id);
  await page.locator(`#${chart.id} button[data-export-kind="link"]`).click();
  const field = page.locator(`#${chart.id} .dl-export-manual input`);
  await field.waitFor();
  const url = new URL(await field.inputValue());
  assert.equal(url.pathname, `/${chart.page}`);
  assert.equal(url.hash, `#${chart.id}`);
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.dl-export-manual') !== null), true);
  assert.match(await page.locator(`#${chart.id} .dl-export-manual`).innerText(), /이 주소를 선택해 복사하세요/);
  await context.close();
});

describe('embed mode (?embed=1#<chart-id>)', () => {
  for (const chart of CHARTS) {
    // The audit's zero goals (axe, overflow at 390 px, no other host, no errors) in embed mode:
    // tests/audit/pages.spec.ts audits the first embed of each chart kind in all four projects.

    test(`${chart.kind}: only the chart shows, it fills the iframe, and it links back to the note`, async () => {
      const { page, context, errors } = await newPage(browser, { viewport: { width: 900, height: 900 } });
      // The test server is on the loopback address; Chrome asks before a page frames a local-network address.
      await context.grantPermissions(['local-network-access']);
      const src = `${server.url}${chart.page}?embed=1#${chart.id}`;
      // A page of another site that embeds the chart, as a course page would: localhost is another
      // site than 127.0.0.1 (and, being local too, Chrome's local-network rules let it frame the note).
      const host = `${server.url.replace('127.0.0.1', 'localhost')}course-page/`;
      await page.route(host, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="ko"><title>강의</title><iframe src="${src}" width="600" height="700" title="차트"></iframe>` }),
      );
      await page.goto(host);
      const frame = page.frameLocator('iframe');
      await frame.locator(`#${chart.id} svg[role="img"]`).first().waitFor();
      const f = page.frames().find((fr) => fr.url().includes('embed=1'));
      await f.waitForFunction((id) => !document.getElementById(id).closest('astro-island').hasAttribute('ssr'), chart.id);
      const layout = await f.evaluate((id) => {
        const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
        const fig = document.getElementById(id).getBoundingClientRect();
        const back = document.querySelector(`#${id} .dl-embed-back`);
        return {
          embed: document.documentElement.classList.contains('dl-embed'),
          chrome: ['header', 'nav.sidebar', '.right-sidebar-container', '.pagination-links', 'footer', 'h2', '.sl-markdown-content > p'].filter(shown),
          otherCharts: [...document.querySelectorAll('.dl-chart')].filter((c) => c.id !== id && c.getClientRects().length > 0).length,
          figLeft: fig.left,
          figWidth: fig.width,
          vw: document.documentElement.clientWidth,
          scrollWidth: document.documentElement.scrollWidth,
          back: back && back.getClientRects().length > 0 ? { text: back.textContent, href: back.href, target: back.target } : null,
        };
      }, chart.id);
      assert.equal(layout.embed, true);
      assert.deepEqual(layout.chrome, [], 'no Starlight chrome or note text');
      assert.equal(layout.otherCharts, 0);
      assert.ok(layout.figLeft <= 1 && layout.figWidth >= layout.vw - 1, `the chart fills the frame (${layout.figLeft}, ${layout.figWidth} of ${layout.vw})`);
      assert.ok(layout.scrollWidth <= layout.vw);
      assert.equal(layout.back?.text, '딥러닝 노트에서 보기');
      assert.equal(layout.back.target, '_blank');
      assert.equal(new URL(layout.back.href).pathname, `/${chart.page}`);
      // Known, not ours: this Chromium denies storage to a third-party frame, and Starlight's theme
      // scripts read localStorage unguarded (the theme then stays dark). Anything else is a failure.
      const starlightStorage = /localStorage|StarlightThemeProvider is not defined/;
      assert.deepEqual(errors.filter((e) => !starlightStorage.test(e)), []);
      await context.close();
    });
  }
});

test('?embed=1 without a chart id shows the whole note without the site chrome', async () => {
  const { page, context, errors } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}${CHARTS[1].page}?embed=1`);
  const shown = await page.evaluate(() =>
    ['.page > header', 'nav.sidebar', '.right-sidebar-container', '.pagination-links', 'h1', '.dl-chart'].map((s) => [s, [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0)]),
  );
  assert.deepEqual(Object.fromEntries(shown), {
    '.page > header': false,
    'nav.sidebar': false,
    '.right-sidebar-container': false,
    '.pagination-links': false,
    h1: true,
    '.dl-chart': true,
  });
  assert.deepEqual(errors, []);
  await context.close();
});

describe('print', () => {
  /** A4 (210 mm) minus the 15 mm margins given to page.pdf, at 96 dpi. */
  const PRINT_WIDTH = Math.floor(((210 - 2 * 15) / 25.4) * 96);

  for (const chart of CHARTS) {
    test(`${chart.page}: every chart prints its current SVG with the table caption, no chrome, nothing wider than A4`, async () => {
      const { page, context, errors } = await openChart(chart, { viewport: { width: PRINT_WIDTH, height: 1100 } });
      const shownBefore = await page.evaluate((id) => document.querySelector(`#${id} svg[role="img"]`).innerHTML, chart.id);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' }, printBackground: true });
      assert.equal(pdf.subarray(0, 5).toString('ascii'), '%PDF-');
      const printed = await page.evaluate(() => {
        const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        const charts = [...document.querySelectorAll('.dl-chart')].map((fig) => ({
          id: fig.id,
          plots: [...fig.querySelectorAll('svg[role="img"]')].map((s) => visible(s) && s.getBoundingClientRect().width > 100),
          caption: [...fig.querySelectorAll('.dl-data caption')].map((c) => (visible(c) && c.getBoundingClientRect().width > fig.getBoundingClientRect().width / 2 ? c.textContent : null)),
          controls: [...fig.querySelectorAll('button, select, input, .dl-export, .dl-data > summary')].filter(visible).length,
          avoidsBreak: getComputedStyle(fig).breakInside,
        }));
        const external = [...document.querySelectorAll('.sl-markdown-content a[href^="http"]')].find((a) => !a.closest('.dl-chart'));
        return {
          charts,
          chrome: ['header', 'nav.sidebar', '.right-sidebar-container', 'site-search', 'starlight-theme-select', '.pagination-links'].filter((s) => [...document.querySelectorAll(s)].some(visible)),
          linkAfter: external ? { href: external.href, after: getComputedStyle(external, '::after').content } : null,
          formulas: [...document.querySelectorAll('.math-display')].map((m) => getComputedStyle(m).breakInside),
        };
      });
      assert.ok(printed.charts.length > 0);
      for (const c of printed.charts) {
        assert.ok(c.plots.length > 0 && c.plots.every(Boolean), `#${c.id}: its SVG is printed`);
        assert.ok(c.caption.length === 1 && c.caption[0], `#${c.id}: the data table's caption is printed, as wide as the chart`);
        assert.equal(c.controls, 0, `#${c.id}: no controls or menu on paper`);
        assert.equal(c.avoidsBreak, 'avoid');
      }
      assert.deepEqual(printed.chrome, []);
      for (const b of printed.formulas) assert.equal(b, 'avoid');
      if (printed.linkAfter) assert.ok(printed.linkAfter.after.includes(printed.linkAfter.href.replace(/\/$/, '')), `an outside link prints its URL: ${printed.linkAfter.after}`);
      assert.equal(await page.evaluate((id) => document.querySelector(`#${id} svg[role="img"]`).innerHTML, chart.id), shownBefore, 'the chart prints as it was on screen');
      assert.deepEqual(findOverflow(await page.evaluate(measureOverflow)), [], 'nothing wider than the A4 text width');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
