/**
 * What both browser benchmarks share: `--key=value` flags, the build served on 127.0.0.1
 * (built first when missing or with --build), the system Chromium, and the figures they print.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

/** Flags as strings (`--presses=40` → `{ presses: '40' }`, `--build` → `{ build: true }`). */
export const args = parseArgs({ strict: false }).values;
export const dist = resolve(args.dist ?? process.env.DIST_DIR ?? 'dist');
export const base = process.env.BASE_PATH ?? '/';

/** Serves the build and opens Chromium; builds first when there is no build or with --build. */
export async function open() {
  if (args.build || !existsSync(join(dist, 'index.html'))) {
    console.log('Building the site (npx astro build)…');
    execFileSync('npx', ['astro', 'build', '--outDir', dist], { stdio: 'ignore' });
  }
  return { server: await startStaticServer({ root: dist, base }), browser: await launchChromium() };
}

/** `p50 …, p95 …, max … (n = …)` of a list of milliseconds (nearest-rank quantiles). */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN);
  return `p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${s.at(-1)?.toFixed(2)} ms (n = ${s.length})`;
}

/** Gzip bytes (level 9, as a static host) of a built file, by its URL path. */
export const gz = (pathname) =>
  gzipSync(readFileSync(join(dist, pathname.slice(base.length - 1))), { level: 9 }).length;
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
