/**
 * Browser tests (tests/e2e/) against the production builds, in the system Chromium.
 * `npm test` builds dist/ (BASE_PATH=/) and dist-sub/ (BASE_PATH=/sub) first; after that,
 * `npx playwright test` (or one spec: `npx playwright test tests/e2e/charts.spec.ts`) reruns
 * only this step. The audit's static server (scripts/lib/static-server.mjs) serves each build the way
 * a static host does (sub-path, `dir/` → `dir/index.html`, 404.html, gzip); it starts in a fraction of a second.
 *
 * Each test runs in the project(s) its tags name: untagged tests run at 1280 px in the
 * light theme; `@phone` (390 px), `@dark` (1280 px, dark) and `@phone-dark` elsewhere.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/lib/chromium.mjs';
import { ROOT_PORT, SUB_PORT } from './tests/e2e/servers';

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
/** Exactly this tag: `@phone` must not match `@phone-dark`. */
const tag = (name: string) => new RegExp(`@${name}(?![\\w-])`);

const serve = (base: string, outDir: string, port: number) => ({
  command: `node scripts/lib/static-server.mjs ${outDir} ${port} ${base}`,
  url: `http://127.0.0.1:${port}${base.replace(/\/?$/, '/')}`,
  reuseExistingServer: false,
  timeout: 60_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: a second worker runs the specs in half the time without flaky waits (README, 테스트).
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A hung browser ends the run with a message instead of holding CI.
  timeout: 60_000,
  globalTimeout: 15 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['junit', { outputFile: 'reports/e2e.xml' }]],
  outputDir: 'reports/e2e',
  webServer: [serve('/', 'dist', ROOT_PORT), serve('/sub', 'dist-sub', SUB_PORT)],
  use: {
    baseURL: `http://127.0.0.1:${ROOT_PORT}`,
    locale: 'ko-KR',
    viewport: desktop,
    colorScheme: 'light',
    // Thrown, not skipped, when Chromium is missing: a run without a browser must not pass.
    // The flags keep every host but the local servers unresolvable: nothing leaves this machine.
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'desktop', grepInvert: /@(phone|dark|phone-dark)(?![\w-])/ },
    { name: 'phone', grep: tag('phone'), use: { viewport: phone } },
    { name: 'dark', grep: tag('dark'), use: { colorScheme: 'dark' } },
    { name: 'phone-dark', grep: tag('phone-dark'), use: { viewport: phone, colorScheme: 'dark' } },
  ],
});
