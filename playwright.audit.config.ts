/**
 * The browser half of `npm run audit` (docs/audit.md): every built page in the system
 * Chromium at 1280×800 and 390×844, light and dark (tests/audit/pages.spec.ts), once with
 * JavaScript off (nojs.spec.ts) and once for the byte budgets (budgets.spec.ts).
 * `AUDIT_DIST` picks the build (default dist/); the fixture proofs point it at bad pages.
 */
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/lib/chromium.mjs';
import { CONFIG } from './tests/audit/lib/site.mjs';

const PORT = Number(process.env.AUDIT_PORT ?? 4410);
const { desktop, mobile } = CONFIG.viewports;
const pages = (name: string, viewport: { width: number; height: number }, theme: 'light' | 'dark') => ({
  name,
  testMatch: 'pages.spec.ts',
  // Fonts and text do not change with the theme, so the glyph check runs in the light projects only.
  metadata: { theme, overflow: viewport === mobile, glyphs: theme === 'light' },
  use: { viewport, colorScheme: theme },
});

export default defineConfig({
  testDir: 'tests/audit',
  outputDir: 'reports/playwright-audit',
  // Two cores: two pages at a time. A visit takes 2–8 s, up to a minute when it drives a lab through its states.
  workers: 2,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright-audit.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ko-KR',
    serviceWorkers: 'block',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    pages('desktop-light', desktop, 'light'),
    pages('desktop-dark', desktop, 'dark'),
    pages('mobile-light', mobile, 'light'),
    pages('mobile-dark', mobile, 'dark'),
    { name: 'no-js', testMatch: 'nojs.spec.ts', use: { viewport: mobile, javaScriptEnabled: false } },
    { name: 'budgets', testMatch: 'budgets.spec.ts', use: { viewport: mobile } },
  ],
  webServer: {
    // Gzips text and caches hashed files like a real static host (scripts/lib/static-server.mjs).
    command: `node scripts/lib/static-server.mjs ${process.env.AUDIT_DIST ?? 'dist'} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
  },
});
