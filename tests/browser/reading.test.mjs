import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, serveDist } from './harness.mjs';

/** A long note: many sections (with subsections) and formulas. */
const LONG_NOTE = '/notes/vanishing-gradient/';
const frames = (page, n = 3) =>
  page.evaluate((n) => new Promise((r) => {
    const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : setTimeout(r, 30));
    step(n);
  }), n);

/** Scrolls so that the heading sits just under the sticky header, as a TOC link click does. */
async function scrollToHeading(page, id) {
  await page.evaluate((id) => {
    const h = document.getElementById(id);
    h.scrollIntoView({ block: 'start' });
  }, id);
  await frames(page);
}

describe('reading a long note', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchBrowser();
    server = await serveDist();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every formula keeps its MathML in the accessibility tree', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(server.origin + LONG_NOTE, { waitUntil: 'load' });
    await frames(page);
    // MathML element → the role Chromium gives it in the accessibility tree.
    const ROLES = { math: 'MathMLMath', mfrac: 'MathMLFraction', msub: 'MathMLSub', msup: 'MathMLSup', mi: 'MathMLIdentifier', mn: 'MathMLNumber', mo: 'MathMLOperator' };
    const counts = await page.evaluate((tags) => Object.fromEntries(tags.map((t) => [t, document.querySelectorAll(`main ${t}`).length])), Object.keys(ROLES));
    assert.ok(counts.math > 30 && counts.mfrac > 5, `a note with many formulas (${JSON.stringify(counts)})`);
    const cdp = await context.newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const role = (r) => nodes.filter((n) => !n.ignored && n.role?.value === r).length;
    for (const [tag, r] of Object.entries(ROLES)) assert.equal(role(r), counts[tag], `one accessible ${r} per <${tag}>`);
    const tex = nodes.filter((n) => !n.ignored && /\\[a-z]+/.test(n.name?.value ?? '')).map((n) => n.name.value);
    assert.deepEqual(tex.slice(0, 3), [], 'no TeX source (the hidden annotation) reaches an accessible name');
    const headings = await page.locator('main h2, main h3').count();
    assert.ok(role('heading') >= headings, `every heading of the note is exposed (${role('heading')} of ${headings})`);
    await context.close();
  });

  test('on a phone, a wide table scrolls instead of splitting Korean words into syllables', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(server.origin + '/notes/choosing-activations/', { waitUntil: 'load' });
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('.sl-markdown-content table :is(th, td)')]
        .filter((c) => /^[가-힣]+$/.test(c.textContent.trim()))
        .map((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          // Distinct line tops: a word kept whole sits on one line.
          return { text: c.textContent.trim(), lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
        }),
    );
    assert.ok(cells.some((c) => c.text === '시그모이드'), `the comparison table has a 시그모이드 cell (${cells.map((c) => c.text).join(', ')})`);
    for (const c of cells) assert.equal(c.lines, 1, `${c.text} is drawn on ${c.lines} lines`);
    const table = page.locator('.sl-markdown-content table').first();
    assert.ok(await table.evaluate((t) => t.scrollWidth > t.clientWidth), 'the table scrolls sideways');
    await context.close();
  });

  test('a link to a #fragment deep in the note lands on its heading', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(server.origin + LONG_NOTE, { waitUntil: 'load' });
    const ids = await page.evaluate(() => [...document.querySelectorAll('.sl-markdown-content h2')].map((h) => h.id));
    const id = ids[ids.length - 2];
    await page.goto(server.origin + LONG_NOTE + '#' + encodeURIComponent(id), { waitUntil: 'load' });
    await frames(page, 5);
    const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, id);
    assert.ok(top >= 0 && top < 200, `heading #${id} is at ${top}px, expected near the top`);
    await context.close();
  });

  test('the desktop table of contents marks the section being read', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(server.origin + LONG_NOTE, { waitUntil: 'load' });
    await frames(page, 5);
    const current = () => page.evaluate(() => decodeURIComponent(document.querySelector('dl-toc a[aria-current="true"]')?.hash ?? ''));
    assert.equal(await current(), '#_top', 'the page title is current at the top');
    const ids = await page.evaluate(() => [...document.querySelectorAll('dl-toc a[href^="#"]')].map((a) => decodeURIComponent(a.hash.slice(1))).filter((id) => id !== '_top'));
    assert.ok(ids.length >= 5, `TOC entries: ${ids.length}`);
    for (const id of [ids[ids.length - 1], ids[1], ids[Math.floor(ids.length / 2)]]) {
      await scrollToHeading(page, id);
      assert.equal(await current(), '#' + id, `after scrolling to #${id}`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await frames(page);
    assert.equal(await current(), '#_top', 'back at the top');
    assert.equal(await page.locator('dl-toc a[aria-current="true"]').count(), 1, 'exactly one current link');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the mobile table of contents names the current section and closes on a link, Escape or an outside click', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(server.origin + LONG_NOTE, { waitUntil: 'load' });
    await frames(page, 5);
    const display = () => page.textContent('dl-mobile-toc .display-current');
    assert.match(await display(), /\S/, 'the summary names the first entry on load');
    const link = page.locator('dl-mobile-toc a[href^="#"]').nth(3);
    const [hash, text] = await link.evaluate((a) => [decodeURIComponent(a.hash), a.textContent.trim()]);
    await page.click('dl-mobile-toc summary');
    assert.equal(await page.getAttribute('#starlight__mobile-toc', 'open'), '');
    await link.click();
    await frames(page, 5);
    assert.equal(await page.getAttribute('#starlight__mobile-toc', 'open'), null, 'closed after a link click');
    assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), hash);
    assert.equal((await display()).trim(), text, 'the summary names the section jumped to');
    await page.click('dl-mobile-toc summary');
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute('#starlight__mobile-toc', 'open'), null, 'closed by Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY', 'focus returns to the summary');
    await page.click('dl-mobile-toc summary');
    await page.evaluate(() => document.querySelector('h1').click());
    assert.equal(await page.getAttribute('#starlight__mobile-toc', 'open'), null, 'closed by an outside click');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
