/** The whole built site (dist/) in Chromium: every page, search, theme and fonts. */
import { expect, test } from './fixtures';
import { builtHtml, pagePaths } from './pages';

const paths = pagePaths().filter((p) => p !== '/404.html');
test('the build has several pages', () => expect(paths.length).toBeGreaterThanOrEqual(3));

// Every page's bytes here; every page in a browser is the audit's job (tests/audit/pages.spec.ts:
// status, CSP violations, console errors and axe in all four projects, overflow at 390 px, fonts).
test('every built page is Korean and has a title and a description', () => {
  for (const path of paths) {
    const html = builtHtml(path);
    expect(/<html[^>]* lang="ko"/.test(html), `${path}: <html lang="ko">`).toBe(true);
    expect(/<title>[^<]*\S[^<]*<\/title>/.test(html), `${path}: a <title>`).toBe(true);
    expect(/<meta name="description" content="[^"]{10,}"/.test(html), `${path}: a description`).toBe(true);
  }
});

test('an unknown URL answers 404 with the Korean 404 page', async ({ page }) => {
  const res = await page.goto('/notes/does-not-exist/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('main')).toContainText('페이지를 찾을 수 없습니다');
});

test('typing 함수 in the search box finds a page that contains 함수는', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.click('button[data-open-modal]');
  await page.locator('dialog[open] .pagefind-ui__search-input').fill('함수');
  // Pagefind renders results one by one as their fragments load.
  const links = page.locator('.pagefind-ui__result-link');
  const targets = async () =>
    (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map((h) => new URL(h, baseURL));
  await expect
    .poll(
      async () => (await targets()).filter((t) => builtHtml(t.pathname).includes('함수는')).length,
      'a result page contains 함수는',
    )
    .toBeGreaterThan(0);
  for (const t of await targets()) expect(t.origin).toBe(new URL(baseURL!).origin);
});

test('the search UI loads only when the reader heads for it, then takes focus and closes with Escape', async ({
  page,
  errors,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/notes/glossary/', { waitUntil: 'networkidle' });
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestAnimationFrame(r))));
  expect(
    requested.filter((p) => /\/pagefind\/|ui-core/.test(p)),
    'nothing of the search UI is fetched while the page loads',
  ).toEqual([]);
  const uiCore = page.waitForRequest(/ui-core/);
  await page.hover('button[data-open-modal]');
  await uiCore; // hovering the button starts loading the UI
  await page.keyboard.press('Control+k');
  const input = page.locator('dialog[open] .pagefind-ui__search-input');
  await expect(input).toBeFocused();
  await page.keyboard.type('역전파');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]'), 'Escape closes the dialog').toHaveCount(0);
  await expect(page.locator('body')).not.toHaveAttribute('data-search-modal-open');
  expect(errors).toEqual([]);
});

test('what is typed right after Ctrl+K, before the search UI has loaded, is searched; a failed load is retried', async ({
  page,
  errors,
}) => {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  let failFirst = true;
  await page.route('**/ui-core*', async (route) => {
    if (failFirst) {
      failFirst = false;
      return route.abort();
    }
    await held;
    return route.continue();
  });
  await page.goto('/notes/glossary/');
  // First open: the UI's chunk fails to load; the dialog still opens and can be closed.
  await page.keyboard.press('Control+k');
  await expect(page.locator('dialog[open]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  // Second open: loading is held back while the reader types.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('역전파');
  await expect
    .poll(
      () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value),
      'the stand-in input takes the typing',
    )
    .toBe('역전파');
  release();
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  const input = page.locator('dialog[open] .pagefind-ui__search-input');
  await expect(input, 'the term is in the real input').toHaveValue('역전파');
  await expect(input, 'the stand-in input is gone').toHaveCount(1);
  await expect(input, 'focus stays in the search input').toBeFocused();
  expect(errors.join(' | '), 'the failed load is reported').toMatch(/검색 UI를 불러오지 못했습니다/);
});

test('the theme choice persists across a reload', async ({ page }) => {
  const select = page.locator('starlight-theme-select select').first();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(select).toHaveValue('dark');
});

test(
  'a note page loads the self-hosted Korean web font and draws formulas with its own math font',
  { tag: '@phone' },
  async ({ page }) => {
    const fonts: string[] = [];
    page.on('response', (r) => {
      if (/\.woff2$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname);
    });
    const path = paths.find((p) => p.startsWith('/notes/') && builtHtml(p).includes('<math'));
    expect(path, 'a note with a formula').toBeTruthy();
    await page.goto(path!, { waitUntil: 'networkidle' });
    const state = await page.evaluate(async () => {
      await document.fonts.ready;
      const math = document.querySelector('main math')!;
      const box = math.getBoundingClientRect();
      return {
        korean: document.fonts.check('16px "DL Notes Sans KR"', '기울기'),
        math: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'DL Notes Math' && f.status === 'loaded'),
        family: getComputedStyle(math).fontFamily,
        width: box.width,
        height: box.height,
        // Starlight's content spacing must not reach inside a formula.
        spaced: [...document.querySelectorAll('main math *')].filter(
          (e) => parseFloat(getComputedStyle(e).marginTop) > 0,
        ).length,
      };
    });
    expect(state.korean, 'DL Notes Sans KR covers Hangul on the page').toBe(true);
    expect(state.math, 'the math font subset was loaded').toBe(true);
    expect(state.family).toMatch(/^"?DL Notes Math"?,/);
    expect(state.width, 'a formula is drawn').toBeGreaterThan(0);
    expect(state.height, 'a formula is drawn at text size').toBeGreaterThan(0);
    expect(state.height, 'a formula is drawn at text size').toBeLessThan(60);
    expect(state.spaced, 'no element inside a formula has a top margin').toBe(0);
    expect(
      fonts.some((u) => /\/_fonts\/math-[0-9a-f]{12}\.woff2$/.test(u)),
      `the math subset was fetched from the site (${fonts.join(', ')})`,
    ).toBe(true);
    expect(
      fonts.some((u) => /\/_fonts\/[0-9a-f]{12}\.woff2$/.test(u)),
      'the Korean subset was fetched from the site',
    ).toBe(true);
    expect(
      fonts.some((u) => /stix/i.test(u)),
      `the whole 400 KB math font is never fetched (${fonts.join(', ')})`,
    ).toBe(false);
    // Every glyph of identifiers (drawn as italic 𝑥 by the browser), operators, numbers and radicals comes from the subset.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const used: Record<string, number> = {};
    for (const selector of ['main math mi', 'main math mo', 'main math mn', 'main msqrt']) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
      for (const nodeId of nodeIds) {
        for (const f of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) {
          const name = `${f.familyName}${f.isCustomFont ? ' (web font)' : ''}`;
          used[name] = (used[name] ?? 0) + f.glyphCount;
        }
      }
    }
    expect(Object.keys(used), `fonts drawing formula glyphs: ${JSON.stringify(used)}`).toEqual([
      'STIX Two Math (web font)',
    ]);
  },
);
