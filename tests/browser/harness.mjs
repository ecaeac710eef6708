/**
 * Shared setup for browser tests (node:test + playwright-core + Debian Chromium).
 * Tests run against a production build in `dist/` (or $DIST_DIR), served on
 * 127.0.0.1 the way a static host would serve it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

export { launchChromium as launchBrowser };

/** Serves a build. `dir` defaults to $DIST_DIR or dist/; `base` to '/'. */
export async function serveDist({ dir = process.env.DIST_DIR || 'dist', base = '/' } = {}) {
  const root = resolve(dir);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`No build in ${root}. Run \`npm run build\` first (npm test does it for you).`);
  }
  return startStaticServer({ root, base });
}

/**
 * A fresh page in its own context. Collects console errors, page errors and
 * requests to any host other than the local server, so a test can assert none.
 */
export async function newPage(browser, { javaScriptEnabled = true, viewport = { width: 1280, height: 800 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, viewport, colorScheme, locale: 'ko-KR' });
  const page = await context.newPage();
  const errors = [];
  const foreignRequests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      foreignRequests.push(req.url());
    }
  });
  return { page, context, errors, foreignRequests };
}
