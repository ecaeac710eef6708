/**
 * Builds the site for the audit when no build is given: `astro build` into a
 * temp dir, with SITE_URL set to the origin the audit serves it from (so the
 * canonical links and sitemap point at the page Lighthouse is looking at).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCapture } from './static-checks.mjs';

/** A fresh empty temp dir, removed by `cleanup()` at exit. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const cleanups = [];
export function cleanup() {
  while (cleanups.length) cleanups.pop()();
}

/**
 * @param {{ outDir: string, base: string, siteUrl: string, log: string }} o
 */
export async function buildSite({ outDir, base, siteUrl, log }) {
  const t0 = performance.now();
  const env = { ...process.env, SITE_URL: siteUrl, BASE_PATH: base };
  const r = await runCapture('npx', ['astro', 'build', '--outDir', outDir], { env, timeoutMs: 10 * 60_000 });
  writeFileSync(log, r.stdout + r.stderr);
  if (r.code !== 0 || !existsSync(join(outDir, 'index.html'))) {
    const tail = (r.stdout + r.stderr).trim().split('\n').slice(-25).join('\n');
    throw new Error(`astro build (BASE_PATH=${base}) failed with exit ${r.code}${r.timedOut ? ' (timed out)' : ''}; full log: ${log}\n${tail}`);
  }
  return (performance.now() - t0) / 1000;
}

/** Throws a clear error when a given build directory holds no site. */
export function assertBuild(dir, flag) {
  const abs = resolve(dir);
  if (!existsSync(join(abs, 'index.html'))) {
    throw new Error(`${flag}=${dir}: no index.html in ${abs}. Build first (\`npx astro build\`) or drop ${flag} to let the audit build.`);
  }
  return abs;
}
