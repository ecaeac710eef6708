/**
 * <TrainingLab> on its note, found by its `id`; expected steps are read from the built
 * page, not typed here.
 */
import type { Page } from '@playwright/test';
import { expect, expectQuery, hydrated, test } from './fixtures';

const PAGE = '/notes/training-lab/';
const ID = 'train';
/** Diverges within a few steps: ReLU + He with every weight ×3, plain SGD (src/lib's trainer stops above 1e6). */
const DIVERGING = `?${ID}.activation=relu&${ID}.init=he&${ID}.initScale=3&${ID}.learningRate=0.5`;
const WORKER = '**/train.worker*';

async function open(page: Page, query = '') {
  await page.goto(`${PAGE}${query}#${ID}`);
  await hydrated(page, ID);
}
const lab = (page: Page) => page.locator(`#${ID}`);
const action = (page: Page, name: string) => lab(page).locator(`[data-action="${name}"]`);
const step = async (page: Page) => Number(await lab(page).getAttribute('data-step'));
/** Polls the lab's data-step (a number, so that `toBeGreaterThan` applies). */
const steps = (page: Page, what: string) => expect.poll(() => step(page), what);
/** The worker has answered the last pause or step (no snapshot is still on its way). */
async function settled(page: Page) {
  await expect(lab(page)).toHaveAttribute('data-running', 'false');
  await expect(lab(page)).not.toHaveAttribute('data-status', 'busy');
}
const readout = (page: Page) => lab(page).locator('[data-readout]');

test('without JavaScript the build-time run is there: loss curve, heatmap, profile, boundary and table', async ({
  openPage,
}) => {
  const { page } = await openPage({ javaScriptEnabled: false });
  await page.goto(PAGE);
  const pretrained = await step(page);
  expect(pretrained, 'the build trained some steps').toBeGreaterThan(0);
  await expect(readout(page)).toHaveText(new RegExp(`^${pretrained.toLocaleString('en-US')}단계: 훈련 손실`));
  await expect(lab(page).locator('path[data-series="train-loss"]')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
  expect(await lab(page).locator('g.heat path[fill]').count(), 'heatmap buckets').toBeGreaterThanOrEqual(2);
  await expect(lab(page).locator('svg[role="img"]').nth(1).locator('.axis-left')).toContainText('출력');
  await expect(lab(page).locator('path.pt'), 'train and test points of both classes').toHaveCount(4);
  const rows = lab(page).locator('details table tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(10);
  await expect(rows.last().locator('th')).toHaveText(String(pretrained));
  expect(await lab(page).textContent()).not.toMatch(/NaN|Infinity/);
});

test('no worker at load; play trains, pause stops, one step adds exactly one, reset goes back to 0', async ({
  page,
  errors,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => r.url().includes('train.worker') && requested.push(r.url()));
  await open(page);
  const pretrained = await step(page);
  expect(requested, 'the worker is created on first play, not at load').toHaveLength(0);

  await action(page, 'step').click();
  await steps(page, 'one step').toBe(pretrained + 1);
  expect(requested).toHaveLength(1);

  await action(page, 'play').click();
  await steps(page, 'playing').toBeGreaterThan(pretrained + 50);
  await expect(lab(page)).toHaveAttribute('data-status', 'playing');
  await action(page, 'pause').click();
  await settled(page);
  const paused = await step(page);
  await expect(lab(page)).toHaveAttribute('data-status', 'paused');
  await action(page, 'step').click();
  await steps(page, 'one step after the pause').toBe(paused + 1);
  await settled(page);
  expect(await step(page), 'still one step later').toBe(paused + 1);

  await action(page, 'reset').click();
  await expect(lab(page)).toHaveAttribute('data-step', '0');
  await expect(lab(page)).not.toHaveAttribute('aria-busy');
  await expect(readout(page)).toHaveText(/^0단계/);
  expect(errors).toEqual([]);
});

test("a preset link plays from step 0 and pauses at its `steps`, where the note's sentences apply", async ({
  page,
  errors,
}) => {
  await open(page, `?${ID}.activation=relu&${ID}.init=he&${ID}.steps=25`);
  await action(page, 'play').click();
  await expect(lab(page)).toHaveAttribute('data-status', 'paused');
  await expect(lab(page)).toHaveAttribute('data-step', '25');
  await settled(page);
  expect(await step(page)).toBe(25);
  await expect(readout(page)).toHaveText(/^25단계: 훈련 손실 [\d.]+, 시험 손실 [\d.]+, 시험 정확도 \d+%\.$/);
  // Playing again goes on past the preset.
  await action(page, 'play').click();
  await steps(page, 'past the preset').toBeGreaterThan(40);
  expect(errors).toEqual([]);
});

test('pin keeps the run as a dashed reference while a setting changes; unpin removes it', async ({ page, errors }) => {
  await open(page);
  const pin = action(page, 'pin');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  const pinned = lab(page).locator('path[data-series="pinned"]');
  const trainLoss = lab(page).locator('path[data-series="train-loss"]');
  const d = (await trainLoss.getAttribute('d'))!;
  await expect(pinned, 'the pinned curve is the current run').toHaveAttribute('d', d);
  await expect(lab(page).locator('.dl-legend').first()).toContainText(/고정한 실행의 훈련 손실 \(시그모이드, .*SGD/);

  await page.selectOption(`#${ID}-activation`, 'relu');
  await expect(lab(page)).toHaveAttribute('data-step', '0');
  await expect(lab(page)).toHaveAttribute('data-status', 'paused');
  await action(page, 'step').click();
  await expect(lab(page)).toHaveAttribute('data-step', '1');
  await expect(pinned, 'the reference stays').toHaveCount(1);
  await expect(trainLoss).not.toHaveAttribute('d', d);

  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await expect(pinned).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('settings go to the URL and come back after a reload; garbage falls back key by key', async ({ page, errors }) => {
  await open(page, `?${ID}.depth=abc&${ID}.width=32&${ID}.clip=0.001&${ID}.dataset=%3Cb%3E`);
  const depth = page.locator(`#${ID}-depth`);
  const defaultDepth = Number(await depth.getAttribute('value'));
  await expect(page.locator(`#${ID}-width`)).toHaveValue('32');
  await expect(depth, 'depth=abc keeps the default').toHaveValue(String(defaultDepth));
  await expect(page.locator(`#${ID}-clip`), 'a clip below the lib minimum keeps the default').toHaveValue('0');
  await expect(page.locator(`#${ID}-dataset`)).toHaveValue('circle');
  await expect(readout(page)).toContainText('아직 학습하지 않았습니다');

  await depth.focus();
  await page.keyboard.press('ArrowRight');
  await page.selectOption(`#${ID}-optimizer`, 'adam');
  await page.locator(`#${ID}-residual`).check();
  await expectQuery(page, {
    [`${ID}.depth`]: String(defaultDepth + 1),
    [`${ID}.optimizer`]: 'adam',
    [`${ID}.residual`]: '1',
    [`${ID}.width`]: '32',
  });
  expect(new URL(page.url()).hash).toBe(`#${ID}`);

  await page.reload();
  await hydrated(page, ID);
  await expect(depth).toHaveValue(String(defaultDepth + 1));
  await expect(page.locator(`#${ID}-optimizer`)).toHaveValue('adam');
  await expect(page.locator(`#${ID}-residual`)).toBeChecked();
  await expect(depth).toHaveAttribute('aria-valuetext', `은닉층 ${defaultDepth + 1}개`);
  await action(page, 'step').click();
  await expect(lab(page)).toHaveAttribute('data-step', '1');
  await expect(lab(page).locator('g.heat')).toHaveAttribute('data-columns', '1');
  await expect(
    lab(page).locator('svg[role="img"]').nth(1).locator('.axis-left text:not(.axis-title)').last(),
  ).toHaveText('출력');
  expect(errors).toEqual([]);
});

test('a diverging run stops, marks the step and says what happened and what to try, without NaN', async ({
  page,
  errors,
}) => {
  await open(page, DIVERGING);
  await action(page, 'play').click();
  await expect(lab(page)).toHaveAttribute('data-status', 'diverged');
  await expect(readout(page)).toContainText('기울기 폭주');
  await expect(readout(page)).toContainText('학습률을 낮추거나, 기울기 클리핑을 켜거나, 초기화 배율을 줄여');
  await expect(lab(page).locator('[data-diverged]')).toHaveAttribute(
    'data-diverged',
    (await lab(page).getAttribute('data-step'))!,
  );
  await expect(action(page, 'play')).toBeDisabled();
  await expect(action(page, 'step')).toBeDisabled();
  await expect(lab(page).locator('[data-live]')).toContainText('기울기 폭주');
  expect(await lab(page).textContent()).not.toMatch(/NaN|Infinity/);
  expect(await lab(page).innerHTML()).not.toMatch(/NaN|Infinity/);

  // Clipping is one of the suggested fixes; turning it on starts a fresh run that can be played again.
  await page.locator(`#${ID}-clip`).fill('1');
  await expect(lab(page)).toHaveAttribute('data-status', 'paused');
  await expect(action(page, 'play')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('a worker that fails to load shows a Korean message with a retry, and aria-busy ends', async ({
  page,
  context,
}) => {
  await context.route(WORKER, (route) => route.fulfill({ status: 500, body: 'down' }));
  await open(page);
  await action(page, 'play').click();
  const alert = lab(page).locator('[role="alert"]');
  await expect(alert).toContainText('학습 계산(웹 워커)을 불러오지 못했습니다');
  await expect(lab(page)).not.toHaveAttribute('aria-busy');
  await expect(lab(page)).toHaveAttribute('data-status', 'error');

  await context.unroute(WORKER);
  await alert.locator('[data-action="retry"]').click();
  await expect(lab(page)).toHaveAttribute('data-status', 'paused');
  await expect(lab(page)).toHaveAttribute('data-step', '0');
  await expect(alert).toHaveCount(0);
  await expect(lab(page)).not.toHaveAttribute('aria-busy');
});

test('keyboard only: Tab reaches the transport, Enter plays and pauses, the live region speaks', async ({
  page,
  errors,
}) => {
  await open(page);
  await page.locator(`#${ID}-clip`).focus();
  const pretrained = await step(page);
  await page.keyboard.press('Tab');
  await expect(action(page, 'play')).toBeFocused();
  await page.keyboard.press('Enter');
  await steps(page, 'playing').toBeGreaterThan(pretrained + 10);
  await expect(action(page, 'pause'), 'focus stays on the toggled button').toBeFocused();
  await page.keyboard.press('Enter');
  await settled(page);
  await expect(lab(page).locator('[data-live]')).toContainText('단계: 훈련 손실');
  await expect(lab(page).locator('[data-live]')).toHaveAttribute('aria-live', 'polite');
  await page.keyboard.press('Tab');
  await expect(action(page, 'step')).toBeFocused();
  expect(errors).toEqual([]);
});

test('on a 360 px phone the lab does not scroll sideways', async ({ openPage }) => {
  const { page } = await openPage({ viewport: { width: 360, height: 780 } });
  await open(page);
  await action(page, 'step').click();
  await expect(lab(page)).toHaveAttribute('data-running', 'false');
  await steps(page, 'one step more than the build-time run').toBeGreaterThan(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  const box = (await lab(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
});
