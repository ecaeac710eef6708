import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visitPage } from '../../scripts/audit/browser.mjs';
import { TimeoutError } from '../../scripts/lib/deadline.mjs';
import { launchBrowser, serveDist } from './harness.mjs';

// The audit must end with a message when a page stops answering, never hold CI (docs/audit.md, 시간 제한).
describe('the audit visiting a page that never stops running script', () => {
  let dir;
  let server;
  let browser;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-hang-'));
    const page = (body) => `<!doctype html><html lang="ko" data-theme="light"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
    writeFileSync(join(dir, 'index.html'), page('<p>ok</p>'));
    // Blocks its main thread forever once it has loaded, as a runaway island would.
    writeFileSync(join(dir, 'busy.html'), page('<p>busy</p><script>addEventListener("load", () => setTimeout(() => { for (;;) {} }, 0));</script>'));
    writeFileSync(join(dir, '404.html'), page('<p>404</p>'));
    server = await serveDist({ dir, base: '/' });
    browser = await launchBrowser();
  });
  after(async () => {
    await server?.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const visit = (path, limitMs) =>
    visitPage(browser, { origin: server.origin, path, viewport: { width: 390, height: 844 }, theme: 'light', axeTags: ['wcag2a'], limitMs });

  test('a healthy page is visited within the limit', async () => {
    const r = await visit('/index.html', 20_000);
    assert.equal(r.status, 200);
    assert.equal(r.theme, 'light');
  });

  test('a hung page fails with a TimeoutError naming the page and the step, soon after its limit', async () => {
    const t0 = performance.now();
    const err = await visit('/busy.html', 3_000).then(() => null, (e) => e);
    const seconds = (performance.now() - t0) / 1000;
    assert.ok(err instanceof TimeoutError, `expected a TimeoutError, got ${err}`);
    assert.match(err.message, /^\/busy\.html \(light 390px\): no answer within 3 s while [a-z]/);
    // The limit plus the 10 s allowed for closing the tab, and some slack for a busy machine.
    assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s`);
  });
});
