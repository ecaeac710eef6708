/**
 * The chart islands (<GradientLab>, <ActivationExplorer>) on the built notes. Charts are
 * found by their `id` (the MDX prop), so the notes may move them around.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectLayoutKeptByHydration, expectQuery, hydrated, test } from './fixtures';

const LAB_PAGE = '/notes/gradient-lab/';
const LAB_ID = 'lab';
const EXPLORER_PAGE = '/notes/activation-functions/';
const EXPLORER_ID = 'sig-tanh';
/** A page with two explorers, to check that each keeps its own URL keys. */
const TWO_EXPLORERS_PAGE = '/notes/beyond-relu/';
const [FIRST_EXPLORER_ID, SECOND_EXPLORER_ID] = ['smooth', 'softplus-chart'];

test.describe('GradientLab', () => {
  test('arrow keys on the depth slider change the chart and the URL; a reload restores them', async ({
    page,
    errors,
  }) => {
    await page.goto(`${LAB_PAGE}#${LAB_ID}`);
    await hydrated(page, LAB_ID);
    const lab = page.locator(`#${LAB_ID}`);
    const slider = page.locator(`#${LAB_ID}-depth`);
    const plot = lab.locator('svg[role="img"]').first();
    const before = await plot.innerHTML();
    await expect(slider).toHaveAttribute('aria-valuetext', '깊이 20층');

    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', '깊이 22층');
    await expect(lab).toHaveAttribute('data-shown', /^[^|]+\|[^|]+\|22\|/);
    await expect.poll(() => plot.innerHTML(), 'the gradient chart changed').not.toBe(before);
    await expect(lab.locator('[data-readout]')).toContainText('입력층 쪽 기울기는 출력층의');
    await expectQuery(page, { [`${LAB_ID}.depth`]: '22' });
    expect(new URL(page.url()).hash, 'the hash is kept').toBe(`#${LAB_ID}`);

    await page.selectOption(`#${LAB_ID}-activation`, 'relu');
    await page.locator(`#${LAB_ID}-init`).selectOption('he');
    await expectQuery(page, { [`${LAB_ID}.init`]: 'he', [`${LAB_ID}.activation`]: 'relu' });

    await page.reload();
    await hydrated(page, LAB_ID);
    await expect(lab).toHaveAttribute('data-shown', 'relu|he|22|64|1');
    await expect(slider).toHaveValue('22');
    await expect(page.locator(`#${LAB_ID}-activation`)).toHaveValue('relu');
    await expect(lab.locator('.dl-legend').nth(1)).toContainText('죽은 유닛 비율');
    expect(errors).toEqual([]);
  });

  test('if the worker cannot load, the lab computes on the main thread instead', async ({ page, context }) => {
    await context.route('**/lab.worker*', (route) => route.abort());
    await page.goto(LAB_PAGE);
    await hydrated(page, LAB_ID);
    await page.locator(`#${LAB_ID}-depth`).focus();
    await page.keyboard.press('ArrowLeft');
    const lab = page.locator(`#${LAB_ID}`);
    await expect(lab).toHaveAttribute('data-shown', 'sigmoid|standard|19|64|1');
    await expect(lab).not.toHaveAttribute('aria-busy');
  });

  test('a worker that fails a setting: the chart stops being busy, says so in Korean, and "다시 시도" computes it', async ({
    page,
    context,
  }) => {
    await failDepth19(context);
    await page.goto(LAB_PAGE);
    await hydrated(page, LAB_ID);
    const lab = page.locator(`#${LAB_ID}`);
    const alert = lab.locator('[role="alert"]');
    await page.locator(`#${LAB_ID}-depth`).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(lab).toHaveAttribute('data-failed', 'sigmoid|standard|19|64|1');
    await expect(lab, 'busy ends with the failure').not.toHaveAttribute('aria-busy');
    await expect(alert).toContainText(/이 설정을 계산하지 못했습니다\. 아래 그래프는 20층/);
    await expect(lab, 'the last result stays, labelled').toHaveAttribute('data-shown', 'sigmoid|standard|20|64|1');
    // The worker goes on: the neighbouring depths it computed after the failure are ready.
    await page.keyboard.press('ArrowLeft');
    await expect(lab).toHaveAttribute('data-shown', 'sigmoid|standard|18|64|1');
    await expect(alert, 'another setting shows no failure').toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(alert).toHaveCount(1);
    await expect(lab).not.toHaveAttribute('aria-busy');
    await heal(page);
    await lab.getByRole('button', { name: '다시 시도' }).click();
    await expect(lab).toHaveAttribute('data-shown', 'sigmoid|standard|19|64|1');
    await expect(alert).toHaveCount(0);
    await expect(lab).not.toHaveAttribute('aria-busy');
  });

  test('a worker that throws outside a computation hands the waiting setting to the main thread', async ({
    page,
    context,
  }) => {
    await context.route('**/lab.worker*', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: "self.onmessage = () => { throw new Error('injected'); };",
      }),
    );
    await page.goto(LAB_PAGE);
    await hydrated(page, LAB_ID);
    await page.locator(`#${LAB_ID}-depth`).focus();
    await page.keyboard.press('ArrowRight');
    const lab = page.locator(`#${LAB_ID}`);
    await expect(lab).toHaveAttribute('data-shown', 'sigmoid|standard|21|64|1');
    await expect(lab).not.toHaveAttribute('aria-busy');
    await expect(lab.locator('[role="alert"]')).toHaveCount(0);
  });

  test('invalid URL values fall back to the defaults without errors', async ({ page, errors }) => {
    await page.goto(
      `${LAB_PAGE}?${LAB_ID}.depth=abc&${LAB_ID}.activation=%3Cscript%3E&${LAB_ID}.width=9999&${LAB_ID}.seed=7`,
    );
    await hydrated(page, LAB_ID);
    const lab = page.locator(`#${LAB_ID}`);
    await expect(lab).toHaveAttribute('data-shown', 'sigmoid|standard|20|64|7');
    await expect(page.locator(`#${LAB_ID}-depth`)).toHaveValue('20');
    expect(await lab.innerHTML(), 'no injected markup').not.toContain('<script');
    expect(errors).toEqual([]);
  });

  test('the most extreme setting (tiny gradients) never shows NaN or Infinity', async ({ page, errors }) => {
    await page.goto(
      `${LAB_PAGE}?${LAB_ID}.activation=sigmoid&${LAB_ID}.init=small&${LAB_ID}.depth=50&${LAB_ID}.width=8`,
    );
    await hydrated(page, LAB_ID);
    const lab = page.locator(`#${LAB_ID}`);
    await expect(lab).toHaveAttribute('data-shown', 'sigmoid|small|50|8|1');
    // textContent, not innerText: the closed <details> data table must be checked too.
    expect(await lab.textContent()).not.toMatch(/NaN|Infinity/);
    // ≈ 10⁻¹⁰⁵: tiny but still a double; true underflow (0) is covered by tests/components.
    await expect(lab.locator('[data-readout]')).toContainText(/×10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+배/);
    expect(await lab.locator('svg').first().innerHTML()).not.toMatch(/NaN|Infinity/);
    expect(errors).toEqual([]);
  });
});

/**
 * The real worker, whose answers for depth 19 are turned into failures (as a throwing
 * computation sends them) until the test heals it through a BroadcastChannel (`heal`).
 */
/**
 * Heals the worker of failDepth19 and waits until it says so: a BroadcastChannel message and the
 * retry's postMessage travel on different queues, so the retry could otherwise arrive first.
 */
function heal(page: Page) {
  return page.evaluate(
    () =>
      new Promise<void>((healed) => {
        const ch = new BroadcastChannel('lab-test');
        ch.onmessage = () => healed();
        ch.postMessage('heal');
      }),
  );
}

async function failDepth19(context: BrowserContext) {
  await context.route('**/lab.worker*', async (route) => {
    const res = await route.fetch();
    const fail19 =
      "{const post=self.postMessage.bind(self);let healed=false;const ch=new BroadcastChannel('lab-test');" +
      "ch.onmessage=()=>{healed=true;ch.postMessage('healed')};" +
      "self.postMessage=(m,t)=>post(m&&m.view&&!healed&&m.key.split('|')[2]==='19'?{key:m.key,error:'Error: injected'}:m,t);}\n";
    await route.fulfill({ response: res, body: fail19 + (await res.text()) });
  });
}

test('two labs on one page fail and retry independently', async ({ page, context }) => {
  // No note has two labs: the test serves the lab's note with its island copied under the id
  // `lab2` (props, element ids and ARIA references), as a note with two <GradientLab>s renders.
  await page.route(`**${LAB_PAGE}`, async (route) => {
    const res = await route.fetch();
    const html = await res.text();
    const start = html.indexOf('<astro-island');
    const end = html.indexOf('</astro-island>', start) + '</astro-island>'.length;
    const copy = html
      .slice(start, end)
      .replace(/\buid="[^"]+"/, 'uid="second-lab"')
      .replace(`&quot;id&quot;:[0,&quot;${LAB_ID}&quot;]`, `&quot;id&quot;:[0,&quot;${LAB_ID}2&quot;]`)
      .replace(new RegExp(`(?<=["\\s#])${LAB_ID}(?=["\\s-])`, 'g'), `${LAB_ID}2`);
    await route.fulfill({ response: res, body: html.slice(0, end) + copy + html.slice(end) });
  });
  await failDepth19(context);
  await page.goto(LAB_PAGE);
  const [first, second] = [page.locator(`#${LAB_ID}`), page.locator(`#${LAB_ID}2`)];
  await hydrated(page, LAB_ID);
  await hydrated(page, `${LAB_ID}2`);
  await page.locator(`#${LAB_ID}-depth`).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(first).toHaveAttribute('data-failed', 'sigmoid|standard|19|64|1');
  await page.locator(`#${LAB_ID}2-depth`).focus();
  await page.keyboard.press('ArrowRight');
  // The other lab goes on computing and shows no failure.
  await expect(second).toHaveAttribute('data-shown', 'sigmoid|standard|21|64|1');
  await expect(second.locator('[role="alert"]')).toHaveCount(0);
  await expect(second).not.toHaveAttribute('aria-busy');
  await expectQuery(page, { [`${LAB_ID}.depth`]: '19', [`${LAB_ID}2.depth`]: '21' });
  await expect(first.locator('[role="alert"]'), 'the failed lab still says so').toHaveCount(1);
  await heal(page);
  await first.getByRole('button', { name: '다시 시도' }).click();
  await expect(first).toHaveAttribute('data-shown', 'sigmoid|standard|19|64|1');
  await expect(page.locator('[role="alert"]')).toHaveCount(0);
  await expect(second).toHaveAttribute('data-shown', 'sigmoid|standard|21|64|1');
});

test.describe('ActivationExplorer', () => {
  test('keyboard crosshair reads out values', async ({ page, errors }) => {
    await page.goto(EXPLORER_PAGE);
    await hydrated(page, EXPLORER_ID);
    await page.locator(`#${EXPLORER_ID} .dl-plot`).focus();
    const readout = page.locator(`#${EXPLORER_ID}-readout`);
    await page.keyboard.press('ArrowRight');
    await expect(readout).toHaveText(/x = 0\b.*시그모이드: f = 0\.5, f′ = 0\.25/s);
    await page.keyboard.press('ArrowRight');
    await expect(readout).toHaveText(/x = 0\.1\b/);
    await expect(page.locator(`#${EXPLORER_ID} .crosshair`)).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('two charts on one page keep separate URL keys, restored after a reload', async ({ page, errors }) => {
    await page.goto(TWO_EXPLORERS_PAGE);
    await hydrated(page, SECOND_EXPLORER_ID);
    await page.locator(`#${SECOND_EXPLORER_ID} input[value="relu"]`).check();
    await hydrated(page, FIRST_EXPLORER_ID);
    const alpha = page.locator(`#${FIRST_EXPLORER_ID}-alpha`);
    await alpha.focus();
    await page.keyboard.press('ArrowRight');
    await expectQuery(page, {
      [`${SECOND_EXPLORER_ID}.activations`]: 'softplus,sigmoid,relu',
      [`${FIRST_EXPLORER_ID}.alpha`]: '1.1',
      [`${FIRST_EXPLORER_ID}.activations`]: null,
      [`${SECOND_EXPLORER_ID}.alpha`]: null,
    });
    await expect(alpha).toHaveAttribute('aria-valuetext', 'ELU 알파 1.1');
    await page.reload();
    await hydrated(page, SECOND_EXPLORER_ID);
    await expect(page.locator(`#${SECOND_EXPLORER_ID} input[value="relu"]`)).toBeChecked();
    // The first chart hydrates on its own (client:visible) and reads the URL in an effect.
    await hydrated(page, FIRST_EXPLORER_ID);
    await expect(alpha).toHaveValue('1.1');
    expect(errors).toEqual([]);
  });

  test('the dark theme changes the chart colours', async ({ page }) => {
    await page.goto(EXPLORER_PAGE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const colours = () =>
      page.evaluate((id) => {
        const series = document.querySelector(`#${id} path.series.c-sigmoid`)!;
        const text = document.querySelector(`#${id} .axis text`)!;
        return { series: getComputedStyle(series).stroke, axisText: getComputedStyle(text).fill };
      }, EXPLORER_ID);
    const light = await colours();
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(async () => (await colours()).series, 'series colour').not.toBe(light.series);
    await expect.poll(async () => (await colours()).axisText, 'axis text colour').not.toBe(light.axisText);
  });
});

test.describe('both charts', () => {
  test('without JavaScript the pages still show the full SVG charts and tables', async ({ openPage }) => {
    const { page } = await openPage({ javaScriptEnabled: false });
    await page.goto(LAB_PAGE);
    const svgs = page.locator(`#${LAB_ID} svg[role="img"]`);
    await expect(svgs).toHaveCount(2);
    expect(await svgs.first().locator('path.series').count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator(`#${LAB_ID} [data-readout]`)).toHaveText(/입력층 쪽 기울기는 출력층의 .+배/);
    await expect(page.locator(`#${LAB_ID} details table tbody tr`)).toHaveCount(20);
    await page.goto(EXPLORER_PAGE);
    const plot = page.locator(`#${EXPLORER_ID} svg[role="img"]`);
    await expect(plot).toHaveCount(1);
    await expect(plot.locator('path.series').first()).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+L/);
    await expect(page.locator(`#${EXPLORER_ID}-title`)).toHaveText(/\S/);
  });

  for (const [path, id] of [
    [LAB_PAGE, LAB_ID],
    [EXPLORER_PAGE, EXPLORER_ID],
  ]) {
    test(`${path}: hydration keeps the layout; a 360 px wide page does not scroll sideways`, async ({ openPage }) => {
      await expectLayoutKeptByHydration(openPage, path, id, { viewport: { width: 360, height: 740 } });
    });
  }
});
