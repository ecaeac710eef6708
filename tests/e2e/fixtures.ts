/**
 * The shared test: every page records its console errors and uncaught exceptions
 * (`errors`, asserted by the tests that expect none), and every test fails if any
 * request of its contexts leaves the local servers.
 */
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

export { expect };

/** True for a request that leaves this machine's servers (data: and blob: stay in the page). */
function leavesSite(url: string): boolean {
  const u = new URL(url);
  return !['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol);
}

function recordErrors(page: Page, errors: string[]) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
}

type Fixtures = {
  errors: string[];
  /** A page in a context of its own (JavaScript off, another theme…), checked like `page`. */
  openPage: (options?: BrowserContextOptions) => Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  /** Requests of this test's contexts that left the site; must stay empty. */
  foreign: string[];
};

const guard = (context: BrowserContext, foreign: string[]) =>
  context.on('request', (r) => leavesSite(r.url()) && foreign.push(r.url()));

export const test = base.extend<Fixtures>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    recordErrors(page, errors);
    await use(errors);
  },
  openPage: async ({ browser, locale, viewport, colorScheme, baseURL, foreign }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ locale, viewport, colorScheme, baseURL, ...options });
      contexts.push(context);
      guard(context, foreign);
      const page = await context.newPage();
      const errors: string[] = [];
      recordErrors(page, errors);
      return { page, context, errors };
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  foreign: [
    async ({ context }, use) => {
      const foreign: string[] = [];
      guard(context, foreign);
      await use(foreign);
      expect(foreign, 'requests that left the site').toEqual([]);
    },
    { auto: true },
  ],
});

/** Waits until the island holding `#id` has hydrated (Astro removes `ssr` from <astro-island>). */
export async function hydrated(page: Page, id: string) {
  const island = page.locator(`astro-island:has(#${id})`).last();
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute('ssr');
}

/** The value of one URL query key of the page. */
export const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** Waits until the URL's query satisfies `want` (the islands write it after a render). */
export async function expectQuery(page: Page, want: Record<string, string | null>) {
  await expect(page).toHaveURL((url) => Object.entries(want).every(([k, v]) => url.searchParams.get(k) === v));
}

/**
 * Opens `path` without and with JavaScript: the first SVG of chart `id` keeps its size when
 * the island hydrates, and neither page scrolls sideways. Returns the hydrated page.
 */
export async function expectLayoutKeptByHydration(
  openPage: Fixtures['openPage'],
  path: string,
  id: string,
  options: BrowserContextOptions = {},
) {
  const boxes = [];
  let page!: Page;
  for (const javaScriptEnabled of [false, true]) {
    ({ page } = await openPage({ ...options, javaScriptEnabled }));
    await page.goto(path);
    if (javaScriptEnabled) await hydrated(page, id);
    const svg = page.locator(`#${id} svg[role="img"]`).first();
    await svg.scrollIntoViewIfNeeded();
    boxes.push((await svg.boundingBox())!);
    const [scrollWidth, viewportWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth, `${path}: no horizontal scroll`).toBeLessThanOrEqual(viewportWidth);
  }
  expect(Math.abs(boxes[0].width - boxes[1].width), 'same chart width before and after hydration').toBeLessThan(1);
  expect(Math.abs(boxes[0].height - boxes[1].height), 'same chart height before and after hydration').toBeLessThan(1);
  return page;
}
