/**
 * Lighthouse CI for `npm run audit` (docs/audit.md): mobile (Lighthouse's default form
 * factor and simulated throttling), the home page and every note, three runs each, judged
 * on the median run. Pins: @lhci/cli 0.14.0 with lighthouse 12.2.3 (package.json
 * `overrides`), see docs/audit.md "버전 고정".
 */
const { readdirSync } = require('node:fs');
const { resolve } = require('node:path');

// Paths from this file, so lhci may run in another folder (the fixture proofs keep their .lighthouseci/ apart).
const dist = resolve(__dirname, process.env.AUDIT_DIST ?? 'dist');
const port = Number(process.env.LHCI_PORT ?? 4420);
const notes = readdirSync(`${dist}/notes`, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => `/notes/${e.name}/`);
// A score floor per category (0–1), on the median of the runs. The goal is 100; below the floor
// fails the audit. Not 'median-run': lhci 0.14 judges category scores over all runs and, for
// that method, takes the best one.
const floor = (minScore) => ['error', { minScore, aggregationMethod: 'median' }];
// Byte budgets Lighthouse can see (transfer sizes); the exact ones, with Starlight's JS as
// baseline, are judged by tests/audit/budgets.spec.ts against audit.config.json. The DOM
// budget is not asserted here: Lighthouse's dom-size counts another set of elements (1,265
// where the budget's count after hydration, tests/audit/pages.spec.ts, is 1,146).
const { budgets } = require('./audit.config.json');
const atMost = (maxNumericValue) => ['error', { maxNumericValue, aggregationMethod: 'median' }];

module.exports = {
  ci: {
    collect: {
      url: ['/', ...notes].map((p) => `http://127.0.0.1:${port}${p}`),
      // Our server gzips like a static host (scripts/lib/static-server.mjs); lhci's staticDistDir server does not.
      startServerCommand: `node "${resolve(__dirname, 'scripts/lib/static-server.mjs')}" "${dist}" ${port}`,
      startServerReadyPattern: 'serving',
      numberOfRuns: 3,
      chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      settings: {
        // Nothing may leave this machine; Chromium resolves every other host to nothing.
        chromeFlags:
          '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"',
      },
    },
    assert: {
      assertions: {
        'categories:performance': floor(0.95),
        'categories:accessibility': floor(0.95),
        'categories:best-practices': floor(0.95),
        'categories:seo': floor(0.95),
        'resource-summary:font:size': atMost(budgets.fonts.maxBytes),
      },
    },
    // Reports stay on this machine: no upload server, no temporary public storage.
    upload: { target: 'filesystem', outputDir: resolve(__dirname, 'reports/lhci') },
  },
};
