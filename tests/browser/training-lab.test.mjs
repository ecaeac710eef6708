/**
 * Browser tests of <TrainingLab> against a production build: `npm run build`, then
 *   node --test tests/browser/training-lab.test.mjs        (DIST_DIR=… for another build)
 * The lab is found by its `id`; expected steps are read from the built page, not typed here.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, serveDist } from './harness.mjs';

const PAGE = 'notes/training-lab/';
const ID = 'train';
/** Diverges within a few steps: ReLU + He with every weight ×3, plain SGD (src/lib's trainer stops above 1e6). */
const DIVERGING = `?${ID}.activation=relu&${ID}.init=he&${ID}.initScale=3&${ID}.learningRate=0.5`;
const WORKER = '**/train.worker*';

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

async function open(page, query = '') {
  await page.goto(`${server.url}${PAGE}${query}#${ID}`);
  await page.locator(`#${ID}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => {
    const el = document.getElementById(id)?.closest('astro-island');
    return el && !el.hasAttribute('ssr');
  }, ID);
}

const lab = (page) => page.locator(`#${ID}`);
const step = async (page) => Number(await lab(page).getAttribute('data-step'));
const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg ?? ID);
/** The worker has answered the last pause or step (no snapshot is still on its way). */
const settled = (page) => waitFor(page, (id) => document.getElementById(id).dataset.running === 'false' && document.getElementById(id).dataset.status !== 'busy');
const workerRequests = (page) => {
  const urls = [];
  page.on('request', (r) => r.url().includes('train.worker') && urls.push(r.url()));
  return urls;
};

describe('TrainingLab', () => {
  test('without JavaScript the build-time run is there: loss curve, heatmap, profile, boundary and table', async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}${PAGE}`);
    const pretrained = await step(page);
    assert.ok(pretrained > 0, 'the build trained some steps');
    assert.match(await lab(page).locator('[data-readout]').innerText(), new RegExp(`^${pretrained.toLocaleString('en-US')}단계: 훈련 손실`));
    assert.match((await lab(page).locator('path[data-series="train-loss"]').getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+L/);
    assert.ok((await lab(page).locator('g.heat path[fill]').count()) >= 2, 'heatmap buckets');
    assert.match(await lab(page).locator('svg[role="img"]').nth(1).locator('.axis-left').textContent(), /출력/);
    assert.ok((await lab(page).locator('path.pt').count()) === 4, 'train and test points of both classes');
    const rows = lab(page).locator('details table tbody tr');
    assert.ok((await rows.count()) >= 10);
    assert.equal(await rows.last().locator('th').textContent(), String(pretrained));
    assert.doesNotMatch(await lab(page).textContent(), /NaN|Infinity/);
    await context.close();
  });

  test('no worker at load; play trains, pause stops, one step adds exactly one, reset goes back to 0', async () => {
    const { page, context, errors, foreignRequests } = await newPage(browser);
    const requested = workerRequests(page);
    await open(page);
    const pretrained = await step(page);
    assert.equal(requested.length, 0, 'the worker is created on first play, not at load');

    await lab(page).locator('[data-action="step"]').click();
    await waitFor(page, ([id, n]) => Number(document.getElementById(id).dataset.step) === n + 1, [ID, pretrained]);
    assert.equal(requested.length, 1);

    await lab(page).locator('[data-action="play"]').click();
    await waitFor(page, ([id, n]) => Number(document.getElementById(id).dataset.step) > n + 50, [ID, pretrained]);
    assert.equal(await lab(page).getAttribute('data-status'), 'playing');
    await lab(page).locator('[data-action="pause"]').click();
    await settled(page);
    const paused = await step(page);
    assert.equal(await lab(page).getAttribute('data-status'), 'paused');
    await lab(page).locator('[data-action="step"]').click();
    await waitFor(page, ([id, n]) => Number(document.getElementById(id).dataset.step) === n + 1, [ID, paused]);
    await settled(page);
    assert.equal(await step(page), paused + 1, 'still one step later');

    await lab(page).locator('[data-action="reset"]').click();
    await waitFor(page, (id) => document.getElementById(id).dataset.step === '0' && !document.getElementById(id).hasAttribute('aria-busy'));
    assert.match(await lab(page).locator('[data-readout]').innerText(), /^0단계/);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests, []);
    await context.close();
  });

  test("a preset link plays from step 0 and pauses at its `steps`, where the note's sentences apply", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, `?${ID}.activation=relu&${ID}.init=he&${ID}.steps=25`);
    await lab(page).locator('[data-action="play"]').click();
    await waitFor(page, (id) => document.getElementById(id).dataset.status === 'paused' && document.getElementById(id).dataset.step === '25');
    await settled(page);
    assert.equal(await step(page), 25);
    assert.match(await lab(page).locator('[data-readout]').innerText(), /^25단계: 훈련 손실 [\d.]+, 시험 손실 [\d.]+, 시험 정확도 \d+%\.$/);
    // Playing again goes on past the preset.
    await lab(page).locator('[data-action="play"]').click();
    await waitFor(page, (id) => Number(document.getElementById(id).dataset.step) > 40);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('pin keeps the run as a dashed reference while a setting changes; unpin removes it', async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page);
    const pin = lab(page).locator('[data-action="pin"]');
    await pin.click();
    assert.equal(await pin.getAttribute('aria-pressed'), 'true');
    const pinnedPath = lab(page).locator('path[data-series="pinned"]');
    const d = await pinnedPath.getAttribute('d');
    assert.equal(d, await lab(page).locator('path[data-series="train-loss"]').getAttribute('d'), 'the pinned curve is the current run');
    assert.match(await lab(page).locator('.dl-legend').first().innerText(), /고정한 실행의 훈련 손실 \(시그모이드, .*SGD/);

    await page.selectOption(`#${ID}-activation`, 'relu');
    await waitFor(page, (id) => document.getElementById(id).dataset.step === '0' && document.getElementById(id).dataset.status === 'paused');
    await lab(page).locator('[data-action="step"]').click();
    await waitFor(page, (id) => document.getElementById(id).dataset.step === '1');
    assert.equal(await pinnedPath.count(), 1, 'the reference stays');
    assert.notEqual(await lab(page).locator('path[data-series="train-loss"]').getAttribute('d'), d);

    await pin.click();
    assert.equal(await pin.getAttribute('aria-pressed'), 'false');
    assert.equal(await pinnedPath.count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('settings go to the URL and come back after a reload; garbage falls back key by key', async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, `?${ID}.depth=abc&${ID}.width=32&${ID}.clip=0.001&${ID}.dataset=%3Cb%3E`);
    const depth = page.locator(`#${ID}-depth`);
    const defaultDepth = Number(await depth.getAttribute('value'));
    await waitFor(page, (id) => document.getElementById(`${id}-width`).value === '32');
    assert.equal(await depth.inputValue(), String(defaultDepth), 'depth=abc keeps the default');
    assert.equal(await page.locator(`#${ID}-clip`).inputValue(), '0', 'a clip below the lib minimum keeps the default');
    assert.equal(await page.locator(`#${ID}-dataset`).inputValue(), 'circle');
    assert.match(await lab(page).locator('[data-readout]').innerText(), /아직 학습하지 않았습니다/);

    await depth.focus();
    await page.keyboard.press('ArrowRight');
    await page.selectOption(`#${ID}-optimizer`, 'adam');
    await page.locator(`#${ID}-residual`).check();
    await waitFor(page, ([id, d]) => {
      const q = new URLSearchParams(location.search);
      return q.get(`${id}.depth`) === String(d + 1) && q.get(`${id}.optimizer`) === 'adam' && q.get(`${id}.residual`) === '1' && q.get(`${id}.width`) === '32';
    }, [ID, defaultDepth]);
    assert.equal(new URL(page.url()).hash, `#${ID}`);

    await page.reload();
    await open(page, new URL(page.url()).search);
    await waitFor(page, ([id, d]) => document.getElementById(`${id}-depth`).value === String(d + 1), [ID, defaultDepth]);
    assert.equal(await page.locator(`#${ID}-optimizer`).inputValue(), 'adam');
    assert.equal(await page.locator(`#${ID}-residual`).isChecked(), true);
    assert.equal(await page.locator(`#${ID}-depth`).getAttribute('aria-valuetext'), `은닉층 ${defaultDepth + 1}개`);
    await lab(page).locator('[data-action="step"]').click();
    await waitFor(page, (id) => document.getElementById(id).dataset.step === '1');
    assert.equal(await lab(page).locator('g.heat').getAttribute('data-columns'), '1');
    assert.equal(await lab(page).locator('svg[role="img"]').nth(1).locator('.axis-left text:not(.axis-title)').last().textContent(), '출력');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a diverging run stops, marks the step and says what happened and what to try, without NaN', async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, DIVERGING);
    await lab(page).locator('[data-action="play"]').click();
    await waitFor(page, (id) => document.getElementById(id).dataset.status === 'diverged');
    const readout = await lab(page).locator('[data-readout]').innerText();
    assert.match(readout, /기울기 폭주/);
    assert.match(readout, /학습률을 낮추거나, 기울기 클리핑을 켜거나, 초기화 배율을 줄여/);
    const marker = lab(page).locator('[data-diverged]');
    assert.equal(await marker.getAttribute('data-diverged'), await lab(page).getAttribute('data-step'));
    assert.equal(await lab(page).locator('[data-action="play"]').isDisabled(), true);
    assert.equal(await lab(page).locator('[data-action="step"]').isDisabled(), true);
    await waitFor(page, (id) => /기울기 폭주/.test(document.querySelector(`#${id} [data-live]`).textContent));
    assert.doesNotMatch(await lab(page).textContent(), /NaN|Infinity/);
    assert.doesNotMatch(await lab(page).innerHTML(), /NaN|Infinity/);

    // Clipping is one of the suggested fixes; turning it on starts a fresh run that can be played again.
    await page.locator(`#${ID}-clip`).fill('1');
    await waitFor(page, (id) => document.getElementById(id).dataset.status === 'paused');
    assert.equal(await lab(page).locator('[data-action="play"]').isDisabled(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a worker that fails to load shows a Korean message with a retry, and aria-busy ends', async () => {
    const { page, context } = await newPage(browser);
    await context.route(WORKER, (route) => route.fulfill({ status: 500, body: 'down' }));
    await open(page);
    await lab(page).locator('[data-action="play"]').click();
    const alert = lab(page).locator('[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /학습 계산\(웹 워커\)을 불러오지 못했습니다/);
    assert.equal(await lab(page).getAttribute('aria-busy'), null);
    assert.equal(await lab(page).getAttribute('data-status'), 'error');

    await context.unroute(WORKER);
    await alert.locator('[data-action="retry"]').click();
    await waitFor(page, (id) => document.getElementById(id).dataset.status === 'paused' && document.getElementById(id).dataset.step === '0');
    assert.equal(await alert.count(), 0);
    assert.equal(await lab(page).getAttribute('aria-busy'), null);
    await context.close();
  });

  test('keyboard only: Tab reaches the transport, Enter plays and pauses, the live region speaks', async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page);
    await page.locator(`#${ID}-clip`).focus();
    const pretrained = await step(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'play');
    await page.keyboard.press('Enter');
    await waitFor(page, ([id, n]) => Number(document.getElementById(id).dataset.step) > n + 10, [ID, pretrained]);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'pause', 'focus stays on the toggled button');
    await page.keyboard.press('Enter');
    await settled(page);
    await waitFor(page, (id) => /단계: 훈련 손실/.test(document.querySelector(`#${id} [data-live]`).textContent));
    assert.equal(await lab(page).locator('[data-live]').getAttribute('aria-live'), 'polite');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'step');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a 360 px phone the lab does not scroll sideways', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 360, height: 780 } });
    await open(page);
    await lab(page).locator('[data-action="step"]').click();
    await waitFor(page, (id) => document.getElementById(id).dataset.running === 'false' && Number(document.getElementById(id).dataset.step) > 1);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    const box = await lab(page).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360);
    await context.close();
  });
});
