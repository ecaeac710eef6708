/**
 * Browser tests of <LossExplorer> on the note 출력층과 손실 함수, against a production build:
 * `npm run build`, then `node --test tests/browser/loss-chart.test.mjs` (DIST_DIR=… for another build).
 * The chart is found by its `id` (the MDX prop).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, serveDist } from './harness.mjs';

const PAGE = 'notes/output-layer/';
const ID = 'loss';

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

async function hydrated(page, id) {
  await page.locator(`astro-island:has(#${id})`).scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => {
    const el = document.getElementById(i)?.closest('astro-island');
    return el && !el.hasAttribute('ssr');
  }, id);
}

/** Waits until the chart shows `losses|y|z` (its data-shown attribute). */
const shown = (page, value) => page.waitForFunction(([id, v]) => document.getElementById(id)?.dataset.shown === v, [ID, value]);
const param = (page, key) => new URL(page.url()).searchParams.get(`${ID}.${key}`);

describe('LossExplorer', () => {
  test('keyboard on the plot moves the shared crosshair; the readout gives both gradients and their ratio', async () => {
    const { page, context, errors, foreignRequests } = await newPage(browser);
    await page.goto(`${server.url}${PAGE}`);
    await hydrated(page, ID);
    const readout = page.locator(`#${ID}-readout`);
    assert.match(await readout.innerText(), /z = −6\b[\s\S]*∂L\/∂z = ŷ − y = −0\.998[\s\S]*405배/);

    await page.locator(`#${ID} .dl-plot`).nth(1).focus();
    await page.keyboard.press('ArrowRight');
    await shown(page, 'bce,mse|1|-5.9');
    await page.keyboard.press('Shift+ArrowRight');
    await shown(page, 'bce,mse|1|-4.9');
    assert.match(await readout.innerText(), /^z = −4\.9\b/);
    const lines = await page.locator(`#${ID} .crosshair`).evaluateAll((els) => els.map((e) => e.getAttribute('x1')));
    assert.equal(lines.length, 2);
    assert.equal(lines[0], lines[1], 'both plots show the crosshair at the same z');
    await page.keyboard.press('End');
    await shown(page, 'bce,mse|1|8');
    assert.equal(await page.locator(`#${ID}-z`).inputValue(), '8');
    await page.waitForFunction((id) => new URLSearchParams(location.search).get(`${id}.z`) === '8', ID);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests, []);
    await context.close();
  });

  test('the y toggle mirrors the curves; the z slider, the toggle and a loss checkbox round-trip through the URL', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(`${server.url}${PAGE}#직접-해-보기`);
    await hydrated(page, ID);
    const grad = page.locator(`#${ID} svg[role="img"]`).nth(1);
    const before = await grad.locator('path.series.c-bce').getAttribute('d');
    await page.locator(`#${ID} input[name="${ID}-y"][value="0"]`).check();
    await shown(page, 'bce,mse|0|-6');
    assert.notEqual(await grad.locator('path.series.c-bce').getAttribute('d'), before);
    assert.match(await page.locator(`#${ID}-grad-title`).textContent(), /y = 0/);
    // y = 0 at z = −6 is a confident, right answer: both gradients are small and positive.
    assert.match(await page.locator(`#${ID}-readout`).innerText(), /∂L\/∂z = ŷ − y = 0\.00247/);

    const slider = page.locator(`#${ID}-z`);
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await shown(page, 'bce,mse|0|-5.5');
    assert.equal(await slider.getAttribute('aria-valuetext'), '로짓 z = −5.5, 출력 ŷ = 0.00407');
    await page.locator(`#${ID} input[value="mse"]`).uncheck();
    await shown(page, 'bce|0|-5.5');
    assert.ok(await page.locator(`#${ID} input[value="bce"]`).isDisabled(), 'the last shown loss cannot be switched off');
    await page.waitForFunction(
      (id) => {
        const q = new URLSearchParams(location.search);
        return q.get(`${id}.y`) === '0' && q.get(`${id}.z`) === '-5.5' && q.get(`${id}.losses`) === 'bce';
      },
      ID,
    );
    assert.equal(new URL(page.url()).hash, `#${encodeURIComponent('직접-해-보기')}`, 'the hash is kept');

    await page.reload();
    await hydrated(page, ID);
    await shown(page, 'bce|0|-5.5');
    assert.ok(await page.locator(`#${ID} input[name="${ID}-y"][value="0"]`).isChecked());
    assert.equal(await page.locator(`#${ID} path.series.c-mse`).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('URL garbage falls back to the defaults key by key, and never shows NaN or Infinity', async () => {
    const { page, context, errors } = await newPage(browser);
    const q = `?${ID}.y=2&${ID}.losses=%3Cscript%3E&${ID}.domain=9,1&${ID}.z=30`;
    await page.goto(`${server.url}${PAGE}${q}`);
    await hydrated(page, ID);
    // z = 30 is a valid setting but lies outside the default domain: it is clamped to its end.
    await shown(page, 'bce,mse|1|8');
    assert.equal(param(page, 'y'), '2', 'reading the URL does not rewrite it');
    const text = await page.locator(`#${ID}`).textContent();
    assert.doesNotMatch(text, /NaN|Infinity/);
    assert.ok(!(await page.locator(`#${ID}`).innerHTML()).includes('<script'), 'no injected markup');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('without JavaScript: both SVG plots, the readout at z = −6 and the full table', async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}${PAGE}`);
    const svgs = page.locator(`#${ID} svg[role="img"]`);
    assert.equal(await svgs.count(), 2);
    for (const i of [0, 1]) {
      assert.match((await svgs.nth(i).locator('path.series').first().getAttribute('d')) ?? '', /^M[\d.-]+,[\d.-]+L/);
      assert.equal(await svgs.nth(i).locator('.crosshair').count(), 1);
    }
    assert.match(await page.locator(`#${ID}-readout`).textContent(), /405배/);
    assert.ok((await page.locator(`#${ID} details table tbody tr`).count()) >= 8);
    await context.close();
  });

  test('390 px: no sideways scroll, same chart size before and after hydration; the dark theme recolours', async () => {
    const boxes = [];
    for (const javaScriptEnabled of [false, true]) {
      const { page, context } = await newPage(browser, { javaScriptEnabled, viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
      await page.goto(`${server.url}${PAGE}`);
      if (javaScriptEnabled) await hydrated(page, ID);
      const svg = page.locator(`#${ID} svg[role="img"]`).first();
      await svg.scrollIntoViewIfNeeded();
      boxes.push(await svg.boundingBox());
      const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      assert.ok(scrollWidth <= innerWidth, `no horizontal scroll (${scrollWidth} > ${innerWidth})`);
      await context.close();
    }
    assert.ok(Math.abs(boxes[0].width - boxes[1].width) < 1 && Math.abs(boxes[0].height - boxes[1].height) < 1, 'same chart size');

    const colours = {};
    for (const theme of ['light', 'dark']) {
      const { page, context } = await newPage(browser);
      await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(`${server.url}${PAGE}`);
      colours[theme] = await page.evaluate((id) => getComputedStyle(document.querySelector(`#${id} path.series.c-mse`)).stroke, ID);
      await context.close();
    }
    assert.notEqual(colours.light, colours.dark);
    assert.notEqual(colours.dark, 'none');
  });
});
