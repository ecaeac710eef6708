import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { htmlFiles } from '../../scripts/lib/csp.mjs';
import { launchBrowser, newPage, serveDist } from './harness.mjs';

const DIST = process.env.DIST_DIR || 'dist';

/** Site paths of every built page except the 404 page. */
function pagePaths() {
  return htmlFiles(DIST)
    .map((f) => f.slice(DIST.length).replace(/\\/g, '/').replace(/index\.html$/, ''))
    .filter((p) => p !== '/404.html');
}

/**
 * Prose elements of the page (outside charts, code and formulas) whose glyphs come from a
 * system font, as "family ×glyphs: <element …". A platform-font report covers the element's
 * inline descendants, so code inside a paragraph brings the system monospace font along;
 * the fonts seen on `code` are therefore allowed.
 */
async function proseInSystemFonts(page, context) {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const fontsOf = async (selector) => {
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    const out = [];
    for (const nodeId of nodeIds) out.push({ nodeId, fonts: (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts });
    return out;
  };
  const mono = new Set((await fontsOf('main code')).flatMap((n) => n.fonts.filter((f) => !f.isCustomFont).map((f) => f.familyName)));
  const prose = 'main :is(h1, h2, h3, p, li, td, th, dt, dd, blockquote, strong, em, a, summary):not(.dl-chart *, code *, math *)';
  const offenders = [];
  for (const { nodeId, fonts } of await fontsOf(prose)) {
    const system = fonts.filter((f) => !f.isCustomFont && !mono.has(f.familyName));
    if (system.length === 0) continue;
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    offenders.push(`${system.map((f) => `${f.familyName} ×${f.glyphCount}`).join(', ')}: ${outerHTML.slice(0, 80)}`);
  }
  await cdp.detach();
  return offenders;
}

describe('built site in Chromium', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchBrowser();
    server = await serveDist({ dir: DIST });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every page answers 200 with lang="ko", a title, a description, no CSP violation and no foreign request', async () => {
    const paths = pagePaths();
    assert.ok(paths.length >= 3, `expected several pages, found ${paths.length}`);
    for (const path of paths) {
      const { page, context, errors, foreignRequests } = await newPage(browser);
      await page.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const res = await page.goto(server.origin + path, { waitUntil: 'load' });
      assert.equal(res?.status(), 200, path);
      assert.equal(await page.getAttribute('html', 'lang'), 'ko', path);
      assert.match(await page.title(), /\S/, path);
      const description = await page.getAttribute('meta[name="description"]', 'content');
      assert.ok(description && description.length >= 10, `${path}: description`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      assert.deepEqual(await page.evaluate(() => window.__csp), [], `${path}: CSP violations`);
      assert.deepEqual(errors, [], `${path}: console errors`);
      assert.deepEqual(foreignRequests, [], `${path}: requests that left the site`);
      await context.close();
    }
  });

  test('an unknown URL answers 404 with the Korean 404 page', async () => {
    const { page, context } = await newPage(browser);
    const res = await page.goto(server.origin + '/notes/does-not-exist/');
    assert.equal(res?.status(), 404);
    assert.match(await page.textContent('main'), /페이지를 찾을 수 없습니다/);
    await context.close();
  });

  test('typing 함수 in the search box finds a page that contains 함수는', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(server.origin + '/');
    await page.click('button[data-open-modal]');
    const input = page.locator('dialog[open] input[type="search"], dialog[open] .pagefind-ui__search-input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill('함수');
    const result = page.locator('.pagefind-ui__result').first();
    await result.waitFor({ state: 'visible', timeout: 10_000 });
    // Pagefind renders results one by one as their fragments load: read them until they stop changing.
    let hrefs = [];
    for (let seen = ''; ; await page.waitForTimeout(250)) {
      hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      if (hrefs.join() === seen) break;
      seen = hrefs.join();
    }
    assert.ok(hrefs.length > 0, 'search results');
    const pages = hrefs.map((href) => new URL(href, server.origin));
    for (const target of pages) assert.equal(target.origin, server.origin);
    const containing = pages.filter((t) => readFileSync(`${DIST}${t.pathname}index.html`, 'utf8').includes('함수는'));
    assert.ok(containing.length > 0, `a result page contains 함수는 (results: ${hrefs.join(', ')})`);
    await context.close();
  });

  test('the search UI loads only when the reader heads for it, then takes focus and closes with Escape', async () => {
    const { page, context, errors } = await newPage(browser);
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(server.origin + '/notes/glossary/', { waitUntil: 'networkidle' });
    await page.evaluate(() => new Promise((r) => (window.requestIdleCallback ?? setTimeout)(() => setTimeout(r, 300))));
    const searchFiles = () => requested.filter((p) => /\/pagefind\/|ui-core/.test(p));
    assert.deepEqual(searchFiles(), [], 'nothing of the search UI is fetched while the page loads');
    await page.hover('button[data-open-modal]');
    await page.waitForRequest((r) => /ui-core/.test(r.url()), { timeout: 5_000 }).catch(() => {});
    assert.ok(searchFiles().some((p) => p.includes('ui-core')), 'hovering the button starts loading the UI');
    await page.keyboard.press('Control+k');
    const input = page.locator('dialog[open] .pagefind-ui__search-input');
    await input.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.classList.contains('pagefind-ui__search-input'));
    await page.keyboard.type('역전파');
    await page.locator('.pagefind-ui__result').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('dialog[open]').count(), 0, 'Escape closes the dialog');
    // The dialog's close event (which clears the attribute) is queued as a task after Escape, so wait for it.
    await page.waitForFunction(() => !document.body.hasAttribute('data-search-modal-open'), null, { timeout: 2_000 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('what is typed right after Ctrl+K, before the search UI has loaded, is searched; a failed load is retried', async () => {
    const { page, context, errors } = await newPage(browser);
    let release;
    const held = new Promise((r) => (release = r));
    let failFirst = true;
    await page.route('**/ui-core*', async (route) => {
      if (failFirst) {
        failFirst = false;
        return route.abort();
      }
      await held;
      return route.continue();
    });
    await page.goto(server.origin + '/notes/glossary/', { waitUntil: 'networkidle' });
    // First open: the UI's chunk fails to load; the dialog still opens and can be closed.
    await page.keyboard.press('Control+k');
    await page.locator('dialog[open]').waitFor();
    await page.waitForFunction(() => true);
    await page.keyboard.press('Escape');
    // Second open: loading is held back while the reader types.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('역전파');
    assert.equal(await page.evaluate(() => document.activeElement?.value), '역전파', 'the stand-in input takes the typing');
    release();
    await page.locator('.pagefind-ui__result').first().waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await page.inputValue('dialog[open] .pagefind-ui__search-input'), '역전파', 'the term is in the real input');
    assert.equal(await page.locator('dialog[open] .pagefind-ui__search-input').count(), 1, 'the stand-in input is gone');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__search-input')), true, 'focus stays in the search input');
    assert.ok(errors.some((e) => /검색 UI를 불러오지 못했습니다/.test(e)), `the failed load is reported (${errors.join(' | ')})`);
    await context.close();
  });

  test('the theme choice persists across a reload', async () => {
    const { page, context } = await newPage(browser, { colorScheme: 'light' });
    await page.goto(server.origin + '/');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    await page.selectOption('starlight-theme-select select >> nth=0', 'dark');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.reload();
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await page.inputValue('starlight-theme-select select >> nth=0'), 'dark');
    await context.close();
  });

  test('every page draws its prose, spaces included, in its own Korean subset, never in a system font', async () => {
    for (const path of pagePaths()) {
      const { page, context } = await newPage(browser, { viewport: { width: 390, height: 844 } });
      await page.goto(server.origin + path, { waitUntil: 'load' });
      // font-display: optional keeps a font that arrives late out of that page view, so a busy
      // machine may draw one load in the fallback; reloads take the font from the memory cache.
      // A glyph missing from the subset is missing on every load, so retrying hides no bug.
      let offenders = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        await page.reload({ waitUntil: 'load' });
        offenders = await proseInSystemFonts(page, context);
        if (offenders.length === 0) break;
      }
      assert.deepEqual(offenders.slice(0, 5), [], `${path}: ${offenders.length} prose elements draw glyphs in a system font`);
      await context.close();
    }
  });

  test('a note page loads the self-hosted Korean web font and draws formulas with its own math font', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    const fonts = [];
    page.on('response', (r) => {
      if (/\.woff2$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname);
    });
    const path = pagePaths().find((p) => p.startsWith('/notes/') && readFileSync(`${DIST}${p}index.html`, 'utf8').includes('<math'));
    assert.ok(path, 'a note with a formula');
    await page.goto(server.origin + path, { waitUntil: 'networkidle' });
    const state = await page.evaluate(async () => {
      await document.fonts.ready;
      const math = document.querySelector('main math');
      const box = math.getBoundingClientRect();
      return {
        korean: document.fonts.check('16px "DL Notes Sans KR"', '기울기'),
        math: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'DL Notes Math' && f.status === 'loaded'),
        family: getComputedStyle(math).fontFamily,
        width: box.width,
        height: box.height,
        // Starlight's content spacing must not reach inside a formula.
        spaced: [...document.querySelectorAll('main math *')].filter((e) => parseFloat(getComputedStyle(e).marginTop) > 0).length,
      };
    });
    assert.ok(state.korean, 'DL Notes Sans KR covers Hangul on the page');
    assert.ok(state.math, 'the math font subset was loaded');
    assert.match(state.family, /^"?DL Notes Math"?,/);
    assert.ok(state.width > 0 && state.height > 0 && state.height < 60, `a formula is drawn at text size (${state.width}×${state.height})`);
    assert.equal(state.spaced, 0, 'no element inside a formula has a top margin');
    assert.ok(fonts.some((u) => /\/_fonts\/math-[0-9a-f]{12}\.woff2$/.test(u)), `the math subset was fetched from the site (${fonts.join(', ')})`);
    assert.ok(fonts.some((u) => /\/_fonts\/[0-9a-f]{12}\.woff2$/.test(u)), 'the Korean subset was fetched from the site');
    assert.ok(!fonts.some((u) => /stix/i.test(u)), `the whole 400 KB math font is never fetched (${fonts.join(', ')})`);
    // Every glyph of identifiers (drawn as italic 𝑥 by the browser), operators, numbers and radicals comes from the subset.
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const used = {};
    for (const selector of ['main math mi', 'main math mo', 'main math mn', 'main msqrt']) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
      for (const nodeId of nodeIds) {
        const { fonts: platform } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const f of platform) used[`${f.familyName}${f.isCustomFont ? ' (web font)' : ''}`] = (used[`${f.familyName}${f.isCustomFont ? ' (web font)' : ''}`] ?? 0) + f.glyphCount;
      }
    }
    assert.deepEqual(Object.keys(used), ['STIX Two Math (web font)'], `fonts drawing formula glyphs: ${JSON.stringify(used)}`);
    await context.close();
  });
});
