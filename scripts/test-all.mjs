#!/usr/bin/env node
/**
 * `npm test`: everything, in order, stopping at the first failing step.
 * type check → unit and component tests → production build (root and
 * BASE_PATH=/sub) → CSP check → build-failure fixtures → browser tests → audit.
 * Ends with one line "summary: N passed, N failed" counted over all runners.
 *
 * Every step has a time limit (about five times what it takes here), so a
 * hung browser ends the run with a message instead of holding CI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath } from './lib/chromium.mjs';
import { runStep } from './lib/run-step.mjs';

const GROUPS = ['check', 'unit', 'build', 'fixtures', 'browser', 'audit'];
const only = process.argv.slice(2); // e.g. `npm test -- unit browser`
const unknown = only.filter((g) => !GROUPS.includes(g));
if (unknown.length) {
  console.error(`Unknown step ${unknown.map((g) => JSON.stringify(g)).join(', ')}. Steps: ${GROUPS.join(', ')}.`);
  process.exit(2);
}
const counts = { passed: 0, failed: 0 };
mkdirSync('reports', { recursive: true });
// Builds here must not pick up a deploy's settings from the caller's shell:
// the browser tests serve dist/ at / and dist-sub/ at /sub/.
const ROOT_BUILD = { BASE_PATH: '/', SITE_URL: '', ASTRO_TELEMETRY_DISABLED: '1' };

// Fail before doing anything slow when the browser steps cannot run at all.
if (!only.length || only.includes('browser') || only.includes('audit')) {
  try {
    chromiumPath();
  } catch (e) {
    console.error(String(e.message));
    process.exit(1);
  }
}

const MIN = 60_000;
// [group, title, command, count, env, after, requires, time limit]
const steps = [
  ['check', 'type check (astro check)', ['npx', 'astro', 'check'], null, {}, null, null, 10 * MIN],
  ['unit', 'unit and component tests (vitest)', ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'], countVitest, {}, null, null, 10 * MIN],
  ['build', 'production build → dist/', ['npx', 'astro', 'build'], null, ROOT_BUILD, null, null, 10 * MIN],
  ['build', 'production build with BASE_PATH=/sub → dist-sub/', ['npx', 'astro', 'build', '--outDir', 'dist-sub'], null, { ...ROOT_BUILD, BASE_PATH: '/sub' }, null, null, 10 * MIN],
  ['build', 'CSP check of dist/ and dist-sub/', ['node', 'scripts/csp-hashes.mjs'], null, {}, () => run(['node', 'scripts/csp-hashes.mjs', '--dist=dist-sub'], {}, 2 * MIN), null, 2 * MIN],
  ['fixtures', 'build-failure fixtures (node:test)', nodeTest('tests/build/*.test.mjs', 'reports/fixtures.xml'), () => countJunit('reports/fixtures.xml'), ROOT_BUILD, null, null, 10 * MIN],
  ['browser', 'browser tests in Chromium (node:test)', nodeTest('tests/browser/*.test.mjs', 'reports/browser.xml'), () => countJunit('reports/browser.xml'), {}, null, null, 15 * MIN],
  ['audit', 'release audit (npm run audit)', ['node', 'scripts/audit/index.mjs', '--dist=dist', '--dist-sub=dist-sub', '--offline'], null, {}, null, 'scripts/audit/index.mjs', 40 * MIN],
];

const t0 = performance.now();
for (const [group, title, cmd, count, env, after, requires, limit] of steps) {
  if (only.length && !only.includes(group)) continue;
  if (requires && !existsSync(requires)) continue;
  console.log(`\n▶ ${title}`);
  // A report left by an earlier run must not be counted for this one.
  for (const f of ['reports/vitest.json', 'reports/fixtures.xml', 'reports/browser.xml']) if (cmd.join(' ').includes(f)) rmSync(f, { force: true });
  const t = performance.now();
  const ok = (await run(cmd, env, limit)) && (after ? await after() : true);
  if (count) count();
  console.log(`${ok ? '✔' : '✖'} ${title} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  if (!ok) {
    counts.failed = Math.max(counts.failed, 1);
    finish(1);
  }
}
finish(0);

async function run(cmd, env, timeoutMs) {
  return (await runStep(cmd, { env, timeoutMs })).ok;
}

function nodeTest(glob, junit) {
  // Node 22 applies --test-timeout to each test *file* (the slowest, the fixtures, takes
  // ~35 s here): a hung file fails on its own; the step limit is the backstop.
  return ['node', '--test', '--test-concurrency=1', '--test-timeout=300000', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${junit}`, glob];
}

function countVitest() {
  try {
    const r = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
    counts.passed += r.numPassedTests;
    counts.failed += r.numFailedTests;
  } catch {}
}

function countJunit(file) {
  try {
    const xml = readFileSync(file, 'utf8');
    const cases = [...xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
    // Suites are reported as testcases that contain testcases; count leaves only.
    for (const c of cases) {
      if (c[2] && c[2].includes('<testcase')) continue;
      if (c[2] && /<(failure|error)\b/.test(c[2])) counts.failed++;
      else counts.passed++;
    }
  } catch {}
}

function finish(code) {
  console.log(`\nnpm test finished in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`summary: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code);
}
