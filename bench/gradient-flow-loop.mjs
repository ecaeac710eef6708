/**
 * Quick timing of our gradientFlow alone (no TF.js): depth 50, width 64, batch 16, ReLU + He.
 *
 *   node bench/gradient-flow-loop.mjs [libDir ...]
 *
 * Each libDir (default src/lib) is bundled with esbuild (src/lib imports are extensionless,
 * which Node's own TypeScript stripping cannot resolve). With several libDirs the rounds are
 * interleaved in one process, so an A/B comparison sees the same machine load.
 * Env: ROUNDS (default 5), WARMUP (200), CALLS (500), ACT (relu), WIDTH (64), BATCH (16),
 * KERNELS ('js' or 'wasm': the kernel backend, for libDirs that have setKernelBackend).
 */
import { buildSync } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [join(root, 'src/lib')];
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const ROUNDS = env('ROUNDS', 5);
const WARMUP = env('WARMUP', 200);
const CALLS = env('CALLS', 500);
const WIDTH = env('WIDTH', 64);
const BATCH = env('BATCH', 16);
const ACT = process.env.ACT ?? 'relu';
const KERNELS = process.env.KERNELS;
const DEPTH = 50;

const out = mkdtempSync(join(tmpdir(), 'gf-loop-'));
const libs = [];
try {
  for (const [i, dir] of dirs.entries()) {
    const file = join(out, `lib${i}.mjs`);
    // One bundle, so that setKernelBackend and gradientFlow share the module state.
    const backendFile = ['network/workspace.ts', 'kernel-backend.ts'].find((f) => existsSync(join(resolve(dir), f)));
    const contents = `export * from './index.ts';${backendFile ? ` export { setKernelBackend } from './${backendFile}';` : ''}`;
    buildSync({
      stdin: { contents, resolveDir: resolve(dir), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      outfile: file,
      logLevel: 'error',
    });
    const lib = await import(pathToFileURL(file).href);
    if (KERNELS && lib.setKernelBackend) lib.setKernelBackend(KERNELS);
    libs.push({ name: KERNELS && lib.setKernelBackend ? `${dir} (${KERNELS})` : dir, lib, times: [] });
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

for (const entry of libs) {
  const { createNetwork, standardNormalInput, gradientFlow } = entry.lib;
  entry.net = createNetwork({ depth: DEPTH, width: WIDTH, activation: ACT, init: 'he', seed: 1 });
  entry.input = standardNormalInput(WIDTH, BATCH, 2);
  entry.run = () => gradientFlow(entry.net, entry.input, BATCH);
  for (let i = 0; i < WARMUP; i++) entry.run();
}
if (libs.length > 1) {
  // Same inputs and the same order of operations, so the outputs must agree bit for bit.
  const [a, ...rest] = libs.map((e) => e.run());
  for (const [k, v] of Object.entries(a)) {
    for (const b of rest) {
      if (!(v instanceof Float64Array)) {
        if (typeof v === 'number' && !Object.is(v, b[k])) console.log(`WARNING ${k}: ${v} vs ${b[k]}`);
        continue;
      }
      let differ = 0;
      for (let i = 0; i < v.length; i++) if (!Object.is(b[k][i], v[i])) differ++;
      if (differ) console.log(`WARNING ${k}: ${differ} of ${v.length} values differ`);
    }
  }
}
for (let r = 0; r < ROUNDS; r++) {
  for (const entry of libs) {
    for (let i = 0; i < CALLS; i++) {
      const t = performance.now();
      entry.run();
      entry.times.push(performance.now() - t);
    }
  }
}
console.log(
  `depth ${DEPTH}, width ${WIDTH}, batch ${BATCH}, ${ACT}: ${ROUNDS} × ${CALLS} calls after ${WARMUP} warm-up`,
);
for (const entry of libs) {
  const s = entry.times.sort((x, y) => x - y);
  const f = (q) => quantile(s, q).toFixed(3);
  console.log(`${entry.name.padEnd(36)} median ${f(0.5)}  p10 ${f(0.1)}  p90 ${f(0.9)}  min ${s[0].toFixed(3)} ms`);
}
