import { existsSync } from 'node:fs';

/** Flags that keep Chromium quiet and inside this machine (Playwright adds --headless unless run --headed). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];

/**
 * Path of the Chromium to drive: $CHROME_PATH, else Debian's /usr/bin/chromium.
 * Throws (never skips) with install instructions when there is none.
 */
export function chromiumPath() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The browser tests need it:\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROME_PATH at an existing Chromium/Chrome binary. (Do not use `npx playwright install`.)',
    );
  }
  return path;
}

/** Launches headless Chromium through Playwright. */
export async function launchChromium() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
