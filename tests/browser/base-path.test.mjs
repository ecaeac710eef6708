import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { crawlSite } from '../../scripts/lib/crawl.mjs';
import { launchBrowser, newPage, serveDist } from './harness.mjs';

const DIST_SUB = process.env.DIST_SUB_DIR || 'dist-sub';
const BASE = '/sub/';

describe('a BASE_PATH=/sub build', () => {
  let server;
  let browser;
  before(async () => {
    if (!existsSync(`${DIST_SUB}/index.html`)) {
      throw new Error(`No sub-path build in ${DIST_SUB}. Build it with: BASE_PATH=/sub npx astro build --outDir ${DIST_SUB}`);
    }
    server = await serveDist({ dir: DIST_SUB, base: BASE });
    browser = await launchBrowser();
  });
  after(async () => {
    await server?.close();
    await browser?.close();
  });

  test('has zero broken internal links, assets or #fragments', async () => {
    const report = await crawlSite(server.url);
    assert.ok(report.pages.length >= 3, `crawled ${report.pages.length} pages`);
    assert.deepEqual(report.broken, [], 'broken links');
    assert.deepEqual(report.outsideBase, [], 'links that escape the base path');
  });

  test('search and islands work under the sub-path', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(server.url);
    await page.click('button[data-open-modal]');
    const input = page.locator('dialog[open] .pagefind-ui__search-input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill('함수');
    await page.locator('.pagefind-ui__result').first().waitFor({ state: 'visible', timeout: 10_000 });
    const href = await page.locator('.pagefind-ui__result-link').first().getAttribute('href');
    assert.ok(href?.startsWith(BASE), `result link ${href} is under ${BASE}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
