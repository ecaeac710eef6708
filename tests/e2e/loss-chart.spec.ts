/** <LossExplorer> on the note 출력층과 손실 함수, found by its `id` (the MDX prop). */
import type { Page } from '@playwright/test';
import { expect, expectLayoutKeptByHydration, expectQuery, hydrated, param, test } from './fixtures';

const PAGE = '/notes/output-layer/';
const ID = 'loss';
/** The chart shows `losses|y|z` (its data-shown attribute). */
const shown = (page: Page, value: string) => expect(page.locator(`#${ID}`)).toHaveAttribute('data-shown', value);

test('keyboard on the plot moves the shared crosshair; the readout gives both gradients and their ratio', async ({
  page,
  errors,
}) => {
  await page.goto(PAGE);
  await hydrated(page, ID);
  const readout = page.locator(`#${ID}-readout`);
  await expect(readout).toHaveText(/z = −6\b[\s\S]*∂L\/∂z = ŷ − y = −0\.998[\s\S]*405배/);

  await page.locator(`#${ID} .dl-plot`).nth(1).focus();
  await page.keyboard.press('ArrowRight');
  await shown(page, 'bce,mse|1|-5.9');
  await page.keyboard.press('Shift+ArrowRight');
  await shown(page, 'bce,mse|1|-4.9');
  await expect(readout).toHaveText(/^z = −4\.9\b/);
  const lines = await page.locator(`#${ID} .crosshair`).evaluateAll((els) => els.map((e) => e.getAttribute('x1')));
  expect(lines).toHaveLength(2);
  expect(lines[0], 'both plots show the crosshair at the same z').toBe(lines[1]);
  await page.keyboard.press('End');
  await shown(page, 'bce,mse|1|8');
  await expect(page.locator(`#${ID}-z`)).toHaveValue('8');
  await expectQuery(page, { [`${ID}.z`]: '8' });
  expect(errors).toEqual([]);
});

test('the y toggle mirrors the curves; the z slider, the toggle and a loss checkbox round-trip through the URL', async ({
  page,
  errors,
}) => {
  await page.goto(`${PAGE}#직접-해-보기`);
  await hydrated(page, ID);
  const bce = page.locator(`#${ID} svg[role="img"]`).nth(1).locator('path.series.c-bce');
  const before = await bce.getAttribute('d');
  await page.locator(`#${ID} input[name="${ID}-y"][value="0"]`).check();
  await shown(page, 'bce,mse|0|-6');
  await expect(bce).not.toHaveAttribute('d', before!);
  await expect(page.locator(`#${ID}-grad-title`)).toContainText('y = 0');
  // y = 0 at z = −6 is a confident, right answer: both gradients are small and positive.
  await expect(page.locator(`#${ID}-readout`)).toContainText('∂L/∂z = ŷ − y = 0.00247');

  const slider = page.locator(`#${ID}-z`);
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await shown(page, 'bce,mse|0|-5.5');
  await expect(slider).toHaveAttribute('aria-valuetext', '로짓 z = −5.5, 출력 ŷ = 0.00407');
  await page.locator(`#${ID} input[value="mse"]`).uncheck();
  await shown(page, 'bce|0|-5.5');
  await expect(page.locator(`#${ID} input[value="bce"]`), 'the last shown loss cannot be switched off').toBeDisabled();
  await expectQuery(page, { [`${ID}.y`]: '0', [`${ID}.z`]: '-5.5', [`${ID}.losses`]: 'bce' });
  expect(new URL(page.url()).hash, 'the hash is kept').toBe(`#${encodeURIComponent('직접-해-보기')}`);

  await page.reload();
  await hydrated(page, ID);
  await shown(page, 'bce|0|-5.5');
  await expect(page.locator(`#${ID} input[name="${ID}-y"][value="0"]`)).toBeChecked();
  await expect(page.locator(`#${ID} path.series.c-mse`)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('URL garbage falls back to the defaults key by key, and never shows NaN or Infinity', async ({ page, errors }) => {
  await page.goto(`${PAGE}?${ID}.y=2&${ID}.losses=%3Cscript%3E&${ID}.domain=9,1&${ID}.z=30`);
  await hydrated(page, ID);
  // z = 30 is a valid setting but lies outside the default domain: it is clamped to its end.
  await shown(page, 'bce,mse|1|8');
  expect(param(page, `${ID}.y`), 'reading the URL does not rewrite it').toBe('2');
  expect(await page.locator(`#${ID}`).textContent()).not.toMatch(/NaN|Infinity/);
  expect(await page.locator(`#${ID}`).innerHTML(), 'no injected markup').not.toContain('<script');
  expect(errors).toEqual([]);
});

test('without JavaScript: both SVG plots, the readout at z = −6 and the full table', async ({ openPage }) => {
  const { page } = await openPage({ javaScriptEnabled: false });
  await page.goto(PAGE);
  const svgs = page.locator(`#${ID} svg[role="img"]`);
  await expect(svgs).toHaveCount(2);
  for (const i of [0, 1]) {
    await expect(svgs.nth(i).locator('path.series').first()).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+L/);
    await expect(svgs.nth(i).locator('.crosshair')).toHaveCount(1);
  }
  await expect(page.locator(`#${ID}-readout`)).toContainText('405배');
  expect(await page.locator(`#${ID} details table tbody tr`).count()).toBeGreaterThanOrEqual(8);
});

test(
  '390 px: no sideways scroll, same chart size before and after hydration; the dark theme recolours',
  { tag: '@phone-dark' },
  async ({ openPage }) => {
    const page = await expectLayoutKeptByHydration(openPage, PAGE, ID);

    // The hydrated page, dark as the system asks; then the system turns light.
    const mse = () =>
      page.evaluate((id) => getComputedStyle(document.querySelector(`#${id} path.series.c-mse`)!).stroke, ID);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await mse();
    expect(dark).not.toBe('none');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect.poll(mse).not.toBe(dark);
  },
);
