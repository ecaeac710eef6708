/**
 * Browser tests of the chart islands (<ActivationExplorer>, <GradientLab>)
 * against a production build: `npm run build`, then
 *   node --test tests/browser/charts.test.mjs        (DIST_DIR=… for another build)
 * Charts are found by their `id` (the MDX prop), so the notes may move them around.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, serveDist } from './harness.mjs';

const LAB_PAGE = 'notes/gradient-lab/';
const LAB_ID = 'lab';
const EXPLORER_PAGE = 'notes/activation-functions/';
const EXPLORER_ID = 'sig-tanh';
/** A page with two explorers, to check that each keeps its own URL keys. */
const TWO_EXPLORERS_PAGE = 'notes/beyond-relu/';
const [FIRST_EXPLORER_ID, SECOND_EXPLORER_ID] = ['smooth', 'softplus-chart'];

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
  const island = page.locator(`astro-island:has(#${id})`);
  await island.scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => {
    const el = document.getElementById(i)?.closest('astro-island');
    return el && !el.hasAttribute('ssr');
  }, id);
}

const param = (page, key) => new URL(page.url()).searchParams.get(key);

describe('GradientLab', () => {
  test('arrow keys on the depth slider change the chart and the URL; a reload restores them', async () => {
    const { page, context, errors, foreignRequests } = await newPage(browser);
    await page.goto(`${server.url}${LAB_PAGE}#${LAB_ID}`);
    await hydrated(page, LAB_ID);
    const lab = page.locator(`#${LAB_ID}`);
    const slider = page.locator(`#${LAB_ID}-depth`);
    const before = await lab.locator('svg[role="img"]').first().innerHTML();
    assert.equal(await slider.getAttribute('aria-valuetext'), '깊이 20층');

    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await slider.getAttribute('aria-valuetext'), '깊이 22층');
    await page.waitForFunction((id) => document.getElementById(id).dataset.shown.split('|')[2] === '22', LAB_ID);
    const afterKeys = await lab.locator('svg[role="img"]').first().innerHTML();
    assert.notEqual(afterKeys, before, 'the gradient chart changed');
    assert.match(await lab.locator('[data-readout]').innerText(), /입력층 쪽 기울기는 출력층의/);
    await page.waitForFunction((id) => new URLSearchParams(location.search).get(`${id}.depth`) === '22', LAB_ID);
    assert.equal(new URL(page.url()).hash, `#${LAB_ID}`, 'the hash is kept');

    await page.selectOption(`#${LAB_ID}-activation`, 'relu');
    await page.locator(`#${LAB_ID}-init`).selectOption('he');
    await page.waitForFunction((id) => new URLSearchParams(location.search).get(`${id}.init`) === 'he', LAB_ID);
    assert.equal(param(page, `${LAB_ID}.activation`), 'relu');

    await page.reload();
    await hydrated(page, LAB_ID);
    await page.waitForFunction((id) => document.getElementById(id).dataset.shown === 'relu|he|22|64|1', LAB_ID);
    assert.equal(await slider.inputValue(), '22');
    assert.equal(await page.locator(`#${LAB_ID}-activation`).inputValue(), 'relu');
    assert.match(await lab.locator('.dl-legend').nth(1).innerText(), /죽은 유닛 비율/);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests, []);
    await context.close();
  });

  test('if the worker cannot load, the lab computes on the main thread instead', async () => {
    const { page, context } = await newPage(browser);
    await context.route('**/lab.worker*', (route) => route.abort());
    await page.goto(`${server.url}${LAB_PAGE}`);
    await hydrated(page, LAB_ID);
    await page.locator(`#${LAB_ID}-depth`).focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((id) => document.getElementById(id).dataset.shown === 'sigmoid|standard|19|64|1', LAB_ID);
    assert.equal(await page.locator(`#${LAB_ID}`).getAttribute('aria-busy'), null);
    await context.close();
  });

  test('a worker that fails a setting: the chart stops being busy, says so in Korean, and "다시 시도" computes it', async () => {
    const { page, context } = await newPage(browser);
    // The real worker, whose answers for depth 19 are turned into failures (as a throwing
    // computation sends them) until the test heals it through a BroadcastChannel.
    await context.route('**/lab.worker*', async (route) => {
      const res = await route.fetch();
      const fail19 =
        "{const post=self.postMessage.bind(self);let healed=false;new BroadcastChannel('lab-test').onmessage=()=>{healed=true};" +
        "self.postMessage=(m,t)=>post(m&&m.view&&!healed&&m.key.split('|')[2]==='19'?{key:m.key,error:'Error: injected'}:m,t);}\n";
      await route.fulfill({ response: res, body: fail19 + (await res.text()) });
    });
    await page.goto(`${server.url}${LAB_PAGE}`);
    await hydrated(page, LAB_ID);
    const lab = page.locator(`#${LAB_ID}`);
    await page.locator(`#${LAB_ID}-depth`).focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((id) => document.getElementById(id).dataset.failed === 'sigmoid|standard|19|64|1', LAB_ID);
    assert.equal(await lab.getAttribute('aria-busy'), null, 'busy ends with the failure');
    assert.match(await lab.locator('[role="alert"]').innerText(), /이 설정을 계산하지 못했습니다\. 아래 그래프는 20층/);
    assert.equal(await lab.getAttribute('data-shown'), 'sigmoid|standard|20|64|1', 'the last result stays, labelled');
    // The worker goes on: the neighbouring depths it computed after the failure are ready.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((id) => document.getElementById(id).dataset.shown === 'sigmoid|standard|18|64|1', LAB_ID);
    assert.equal(await lab.locator('[role="alert"]').count(), 0, 'another setting shows no failure');
    await page.keyboard.press('ArrowRight');
    await lab.locator('[role="alert"]').waitFor();
    assert.equal(await lab.getAttribute('aria-busy'), null);
    await page.evaluate(() => new BroadcastChannel('lab-test').postMessage('heal'));
    await lab.getByRole('button', { name: '다시 시도' }).click();
    await page.waitForFunction((id) => document.getElementById(id).dataset.shown === 'sigmoid|standard|19|64|1', LAB_ID);
    assert.equal(await lab.locator('[role="alert"]').count(), 0);
    assert.equal(await lab.getAttribute('aria-busy'), null);
    await context.close();
  });

  test('a worker that throws outside a computation hands the waiting setting to the main thread', async () => {
    const { page, context } = await newPage(browser);
    await context.route('**/lab.worker*', (route) => route.fulfill({ contentType: 'text/javascript', body: "self.onmessage = () => { throw new Error('injected'); };" }));
    await page.goto(`${server.url}${LAB_PAGE}`);
    await hydrated(page, LAB_ID);
    await page.locator(`#${LAB_ID}-depth`).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((id) => document.getElementById(id).dataset.shown === 'sigmoid|standard|21|64|1', LAB_ID);
    assert.equal(await page.locator(`#${LAB_ID}`).getAttribute('aria-busy'), null);
    assert.equal(await page.locator(`#${LAB_ID} [role="alert"]`).count(), 0);
    await context.close();
  });

  test('invalid URL values fall back to the defaults without errors', async () => {
    const { page, context, errors } = await newPage(browser);
    const q = `?${LAB_ID}.depth=abc&${LAB_ID}.activation=%3Cscript%3E&${LAB_ID}.width=9999&${LAB_ID}.seed=7`;
    await page.goto(`${server.url}${LAB_PAGE}${q}`);
    await hydrated(page, LAB_ID);
    await page.waitForFunction((id) => document.getElementById(id).dataset.shown === 'sigmoid|standard|20|64|7', LAB_ID);
    assert.equal(await page.locator(`#${LAB_ID}-depth`).inputValue(), '20');
    assert.ok(!(await page.locator(`#${LAB_ID}`).innerHTML()).includes('<script'), 'no injected markup');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the most extreme setting (tiny gradients) never shows NaN or Infinity', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(`${server.url}${LAB_PAGE}?${LAB_ID}.activation=sigmoid&${LAB_ID}.init=small&${LAB_ID}.depth=50&${LAB_ID}.width=8`);
    await hydrated(page, LAB_ID);
    await page.waitForFunction((id) => document.getElementById(id).dataset.shown === 'sigmoid|small|50|8|1', LAB_ID);
    // textContent, not innerText: the closed <details> data table must be checked too.
    const text = await page.locator(`#${LAB_ID}`).textContent();
    assert.doesNotMatch(text, /NaN|Infinity/);
    // ≈ 10⁻¹⁰⁵: tiny but still a double; true underflow (0) is covered by tests/components.
    assert.match(await page.locator(`#${LAB_ID} [data-readout]`).innerText(), /×10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+배/);
    assert.doesNotMatch(await page.locator(`#${LAB_ID} svg`).first().innerHTML(), /NaN|Infinity/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('ActivationExplorer', () => {
  test('keyboard crosshair reads out values', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(`${server.url}${EXPLORER_PAGE}`);
    await hydrated(page, EXPLORER_ID);
    const plot = page.locator(`#${EXPLORER_ID} .dl-plot`);
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    const readout = page.locator(`#${EXPLORER_ID}-readout`);
    assert.match(await readout.innerText(), /x = 0\b.*시그모이드: f = 0\.5, f′ = 0\.25/s);
    await page.keyboard.press('ArrowRight');
    assert.match(await readout.innerText(), /x = 0\.1\b/);
    assert.equal(await page.locator(`#${EXPLORER_ID} .crosshair`).count(), 1);

    assert.deepEqual(errors, []);
    await context.close();
  });

  test('two charts on one page keep separate URL keys, restored after a reload', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(`${server.url}${TWO_EXPLORERS_PAGE}`);
    await hydrated(page, SECOND_EXPLORER_ID);
    await page.locator(`#${SECOND_EXPLORER_ID} input[value="relu"]`).check();
    await hydrated(page, FIRST_EXPLORER_ID);
    const alpha = page.locator(`#${FIRST_EXPLORER_ID}-alpha`);
    await alpha.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      ([first, second]) => {
        const q = new URLSearchParams(location.search);
        return q.get(`${second}.activations`) === 'softplus,sigmoid,relu' && q.get(`${first}.alpha`) === '1.1' && !q.has(`${first}.activations`) && !q.has(`${second}.alpha`);
      },
      [FIRST_EXPLORER_ID, SECOND_EXPLORER_ID],
    );
    assert.equal(await alpha.getAttribute('aria-valuetext'), 'ELU 알파 1.1');
    await page.reload();
    await hydrated(page, SECOND_EXPLORER_ID);
    await page.waitForFunction((id) => document.querySelector(`#${id} input[value="relu"]`).checked, SECOND_EXPLORER_ID);
    // The first chart hydrates on its own (client:visible) and reads the URL in an effect: wait for both.
    await hydrated(page, FIRST_EXPLORER_ID);
    await page.waitForFunction((id) => document.getElementById(`${id}-alpha`)?.value === '1.1', FIRST_EXPLORER_ID);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the dark theme changes the chart colours', async () => {
    const colours = {};
    for (const theme of ['light', 'dark']) {
      const { page, context } = await newPage(browser);
      await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(`${server.url}${EXPLORER_PAGE}`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      colours[theme] = await page.evaluate((id) => {
        const el = document.querySelector(`#${id} path.series.c-sigmoid`);
        const text = document.querySelector(`#${id} .axis text`);
        return [getComputedStyle(el).stroke, getComputedStyle(text).fill];
      }, EXPLORER_ID);
      await context.close();
    }
    assert.notEqual(colours.light[0], colours.dark[0], 'series colour');
    assert.notEqual(colours.light[1], colours.dark[1], 'axis text colour');
  });
});

describe('both charts', () => {
  test('without JavaScript the pages still show the full SVG charts and tables', async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}${LAB_PAGE}`);
    const svgs = page.locator(`#${LAB_ID} svg[role="img"]`);
    assert.equal(await svgs.count(), 2);
    assert.ok((await svgs.first().locator('path.series').count()) >= 3);
    assert.match(await page.locator(`#${LAB_ID} [data-readout]`).innerText(), /입력층 쪽 기울기는 출력층의 .+배/);
    assert.equal(await page.locator(`#${LAB_ID} details table tbody tr`).count(), 20);
    await page.goto(`${server.url}${EXPLORER_PAGE}`);
    const plot = page.locator(`#${EXPLORER_ID} svg[role="img"]`);
    assert.equal(await plot.count(), 1);
    assert.match((await plot.locator('path.series').first().getAttribute('d')) ?? '', /^M[\d.-]+,[\d.-]+L/);
    assert.ok(await page.locator(`#${EXPLORER_ID}-title`).textContent());
    await context.close();
  });

  test('hydration keeps the layout; 360 px wide pages do not scroll sideways', async () => {
    for (const [path, id] of [[LAB_PAGE, LAB_ID], [EXPLORER_PAGE, EXPLORER_ID]]) {
      const boxes = [];
      for (const javaScriptEnabled of [false, true]) {
        const { page, context } = await newPage(browser, { javaScriptEnabled, viewport: { width: 360, height: 740 } });
        await page.goto(`${server.url}${path}`);
        if (javaScriptEnabled) await hydrated(page, id);
        const svg = page.locator(`#${id} svg[role="img"]`).first();
        await svg.scrollIntoViewIfNeeded();
        boxes.push(await svg.boundingBox());
        const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
        assert.ok(scrollWidth <= innerWidth, `${path}: no horizontal scroll (${scrollWidth} > ${innerWidth})`);
        await context.close();
      }
      assert.ok(Math.abs(boxes[0].width - boxes[1].width) < 1 && Math.abs(boxes[0].height - boxes[1].height) < 1, `${path}: same chart size before and after hydration`);
    }
  });
});
