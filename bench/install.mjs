/**
 * Runs before `npm run bench`: TensorFlow.js (the comparison) lives in bench/package.json, not
 * in the root install, so a fresh clone installs it here once (`npm ci --prefix bench`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const pkgs = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'];
if (!pkgs.every((p) => existsSync(join(dir, 'node_modules', p, 'package.json')))) {
  console.log(
    'npm run bench: TensorFlow.js is not installed in bench/ (it is kept out of the root install); running `npm ci --prefix bench` once…',
  );
  try {
    execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  } catch {
    console.error(
      'npm run bench: `npm ci --prefix bench` failed. Install TensorFlow.js by hand with `npm ci --prefix bench` (needs the npm registry) and run `npm run bench` again.',
    );
    process.exit(1);
  }
}
