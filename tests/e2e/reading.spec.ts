/** Reading a long note: formulas for screen readers, wide tables, #fragments and both tables of contents. */
import { expect, test } from './fixtures';

/** A long note: many sections (with subsections) and formulas. */
const LONG_NOTE = '/notes/vanishing-gradient/';

test('every formula keeps its MathML in the accessibility tree', { tag: '@phone' }, async ({ page }) => {
  await page.goto(LONG_NOTE);
  // MathML element → the role Chromium gives it in the accessibility tree.
  const ROLES: Record<string, string> = {
    math: 'MathMLMath',
    mfrac: 'MathMLFraction',
    msub: 'MathMLSub',
    msup: 'MathMLSup',
    mi: 'MathMLIdentifier',
    mn: 'MathMLNumber',
    mo: 'MathMLOperator',
  };
  const counts = await page.evaluate(
    (tags) => Object.fromEntries(tags.map((t) => [t, document.querySelectorAll(`main ${t}`).length])),
    Object.keys(ROLES),
  );
  expect(counts.math, `a note with many formulas (${JSON.stringify(counts)})`).toBeGreaterThan(30);
  expect(counts.mfrac).toBeGreaterThan(5);
  const cdp = await page.context().newCDPSession(page);
  const tree = async () => (await cdp.send('Accessibility.getFullAXTree')).nodes.filter((n) => !n.ignored);
  const roleCount = async (r: string) => (await tree()).filter((n) => n.role?.value === r).length;
  for (const [tag, r] of Object.entries(ROLES))
    await expect.poll(() => roleCount(r), `one accessible ${r} per <${tag}>`).toBe(counts[tag]);
  const tex = (await tree()).map((n) => String(n.name?.value ?? '')).filter((name) => /\\[a-z]+/.test(name));
  expect(tex.slice(0, 3), 'no TeX source (the hidden annotation) reaches an accessible name').toEqual([]);
  const headings = await page.locator('main h2, main h3').count();
  expect(await roleCount('heading'), 'every heading of the note is exposed').toBeGreaterThanOrEqual(headings);
});

test(
  'on a phone, a wide table scrolls instead of splitting Korean words into syllables',
  { tag: '@phone' },
  async ({ page }) => {
    await page.goto('/notes/choosing-activations/');
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('.sl-markdown-content table :is(th, td)')]
        .filter((c) => /^[가-힣]+$/.test(c.textContent!.trim()))
        .map((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          // Distinct line tops: a word kept whole sits on one line.
          return {
            text: c.textContent!.trim(),
            lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
          };
        }),
    );
    expect(
      cells.map((c) => c.text),
      'the comparison table has a 시그모이드 cell',
    ).toContain('시그모이드');
    for (const c of cells) expect(c.lines, `${c.text} is drawn on ${c.lines} lines`).toBe(1);
    const table = page.locator('.sl-markdown-content table').first();
    expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth), 'the table scrolls sideways').toBe(true);
  },
);

test('a link to a #fragment deep in the note lands on its heading', { tag: '@phone' }, async ({ page }) => {
  await page.goto(LONG_NOTE);
  const ids = await page.locator('.sl-markdown-content h2').evaluateAll((hs) => hs.map((h) => h.id));
  const id = ids[ids.length - 2];
  await page.goto(LONG_NOTE + '#' + encodeURIComponent(id));
  const top = () => page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);
  await expect.poll(top, `heading #${id} near the top`).toBeGreaterThanOrEqual(0);
  await expect.poll(top, `heading #${id} near the top`).toBeLessThan(200);
});

test('the desktop table of contents marks the section being read', async ({ page, errors }) => {
  await page.goto(LONG_NOTE);
  const current = () =>
    page.evaluate(() =>
      decodeURIComponent(document.querySelector<HTMLAnchorElement>('dl-toc a[aria-current="true"]')?.hash ?? ''),
    );
  await expect.poll(current, 'the page title is current at the top').toBe('#_top');
  const ids = await page
    .locator('dl-toc a[href^="#"]')
    .evaluateAll((as) =>
      as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))).filter((id) => id !== '_top'),
    );
  expect(ids.length, 'TOC entries').toBeGreaterThanOrEqual(5);
  for (const id of [ids[ids.length - 1], ids[1], ids[Math.floor(ids.length / 2)]]) {
    // As a TOC link click does: the heading just under the sticky header.
    await page.evaluate((i) => document.getElementById(i)!.scrollIntoView({ block: 'start' }), id);
    await expect.poll(current, `after scrolling to #${id}`).toBe('#' + id);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(current, 'back at the top').toBe('#_top');
  await expect(page.locator('dl-toc a[aria-current="true"]'), 'exactly one current link').toHaveCount(1);
  expect(errors).toEqual([]);
});

test(
  'the mobile table of contents names the current section and closes on a link, Escape or an outside click',
  { tag: '@phone' },
  async ({ page, errors }) => {
    await page.goto(LONG_NOTE);
    const details = page.locator('#starlight__mobile-toc');
    const summary = page.locator('dl-mobile-toc summary');
    const display = page.locator('dl-mobile-toc .display-current');
    await expect(display, 'the summary names the first entry on load').toHaveText(/\S/);
    const link = page.locator('dl-mobile-toc a[href^="#"]').nth(3);
    const [hash, text] = await link.evaluate((a) => [
      decodeURIComponent((a as HTMLAnchorElement).hash),
      a.textContent!.trim(),
    ]);
    await summary.click();
    await expect(details).toHaveAttribute('open', '');
    await link.click();
    await expect(details, 'closed after a link click').not.toHaveAttribute('open');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe(hash);
    await expect(display, 'the summary names the section jumped to').toHaveText(text);
    await summary.click();
    await expect(details).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    await expect(details, 'closed by Escape').not.toHaveAttribute('open');
    await expect(summary, 'focus returns to the summary').toBeFocused();
    await summary.click();
    await expect(details).toHaveAttribute('open', '');
    await page.evaluate(() => document.querySelector('h1')!.click());
    await expect(details, 'closed by an outside click').not.toHaveAttribute('open');
    expect(errors).toEqual([]);
  },
);
