#!/usr/bin/env node
/**
 * `npm run audit`: the release gate (docs/audit.md). Each check runs in its own tool with
 * its own config file; this script only runs them in turn and prints one summary:
 *   proofs      every check fails on its bad fixture page (tests/audit/proofs.test.mjs)
 *   html        html-validate CLI, .htmlvalidate.json, both builds
 *   csp         every inline script allowed by the page's CSP <meta> (scripts/csp-hashes.mjs)
 *   links       linkinator with #fragments, linkinator.config.json, root and /sub builds
 *   browser     Playwright + axe-core, playwright.audit.config.ts (tests/audit/*.spec.ts)
 *   lighthouse  Lighthouse CI, lighthouserc.cjs (mobile, median of 3 runs, score floors)
 *   npm-audit   `npm audit --omit=dev`; --offline turns "could not run" into a loud warning
 * Builds dist/ and dist-sub/ first when they are missing (or with --build).
 * Exit 0 when every step passed, 1 when one failed, 2 on a bad flag.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer } from '../lib/static-server.mjs';
import { auditArgs, formatTable, interpretNpmAudit } from './steps.mjs';

let args;
try {
  args = auditArgs(process.argv.slice(2));
} catch (e) {
  console.error(`✖ ${e.message}\nusage: npm run audit -- [--build] [--offline] [--skip=step,…]`);
  process.exit(2);
}
/** The two builds the audit checks: output folder and BASE_PATH. */
const BUILDS = [
  ['dist', '/'],
  ['dist-sub', '/sub'],
];
const t0 = performance.now();
const results = [];
const notes = [...args.skip].map((s) => `SKIPPED: ${s} (--skip); this run does not prove it`);

/** Runs a command with its output shown; resolves to its exit code. */
function run(cmd, argv, env = {}, capture = false) {
  return new Promise((done) => {
    const child = spawn(cmd, argv, {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (err += d));
    child.on('close', (code) => done({ code: code ?? 1, out, err }));
    child.on('error', (e) => done({ code: 1, out, err: String(e) }));
  });
}

/** One step: its name, and a function returning 'pass' | 'fail' | a warning string. */
async function step(name, label, fn) {
  if (args.skip.has(name)) return;
  console.log(`\n▶ ${label}`);
  const t = performance.now();
  const outcome = await fn();
  results.push({ name: label, outcome, seconds: ((performance.now() - t) / 1000).toFixed(0) });
}
const ok = (r) => (r.code === 0 ? 'pass' : 'fail');

await koreanSystemFont();
for (const [dir, base] of BUILDS) {
  if (!args.build && existsSync(`${dir}/index.html`)) continue;
  await step('build', `build ${dir} (BASE_PATH=${base})`, async () =>
    ok(await run('npx', ['astro', 'build', '--outDir', dir], { BASE_PATH: base, SITE_URL: '' })),
  );
}
if (results.some((r) => r.outcome === 'fail')) finish();

await step('proofs', 'fixture proofs: each check fails on a bad page', async () =>
  ok(await run('node', ['--test', 'tests/audit/proofs.test.mjs'])),
);
await step('html', 'html-validate (both builds)', async () =>
  ok(await run('npx', ['html-validate', 'dist', 'dist-sub'])),
);
await step('csp', 'CSP of every page (both builds)', async () => {
  const codes = [
    await run('node', ['scripts/csp-hashes.mjs']),
    await run('node', ['scripts/csp-hashes.mjs', '--dist=dist-sub']),
  ];
  return codes.every((c) => c.code === 0) ? 'pass' : 'fail';
});
await step('links', 'links and #fragments, linkinator (root and /sub builds)', async () => {
  let outcome = 'pass';
  for (const [dir, base] of BUILDS) {
    const server = await startStaticServer({ root: dir, base, hostLike: true });
    if ((await run('npx', ['linkinator', server.url, '--config', 'linkinator.config.json'])).code !== 0)
      outcome = 'fail';
    await server.close();
  }
  return outcome;
});
await step('browser', 'Chromium: axe, privacy, errors/CSP, DOM, overflow, no-JS, bytes, glyphs', async () =>
  ok(await run('npx', ['playwright', 'test', '-c', 'playwright.audit.config.ts'])),
);
await step('lighthouse', 'Lighthouse CI (mobile, median of 3 runs)', async () =>
  ok(await run('npx', ['lhci', 'autorun', '--config=lighthouserc.cjs'])),
);
await step('npm-audit', 'npm audit --omit=dev', async () => {
  const { out, err, code } = await run('npm', ['audit', '--omit=dev', '--json'], {}, true);
  const a = interpretNpmAudit(out, err, code);
  if (a.ran) {
    for (const adv of a.advisories) console.log(`  ✖ ${adv}`);
    return a.total === 0 ? 'pass' : 'fail';
  }
  console.log(`  ${args.offline ? '!' : '✖'} could not run: ${a.reason}`);
  if (!args.offline) return 'fail';
  notes.push(
    `NOT CHECKED: npm audit could not run (${a.reason}); tolerated by --offline. Run it where the registry's audit endpoint answers.`,
  );
  return 'NOT CHECKED (--offline)';
});
finish();

function finish() {
  const kb = (n) => (n === undefined ? '–' : `${(n / 1024).toFixed(1)} KB`);
  if (!args.skip.has('browser') && existsSync('reports/audit-pages.json')) {
    const scores = lighthouseScores();
    const rows = JSON.parse(readFileSync('reports/audit-pages.json', 'utf8')).map((p) => {
      const s = scores.get(p.path);
      return [
        p.path,
        kb(p.ownJsGzip),
        kb(p.cssGzip),
        kb(p.fontBytes),
        kb(p.htmlGzip),
        p.domElements,
        ...['performance', 'accessibility', 'best-practices', 'seo'].map((c) => (s ? Math.round(s[c] * 100) : '–')),
      ];
    });
    console.log(
      `\n${formatTable(['page', 'own JS', 'CSS', 'fonts', 'HTML', 'DOM', 'perf', 'a11y', 'bp', 'seo'], rows)}`,
    );
  }
  const mark = (o) => (o === 'pass' ? '✓ pass' : o === 'fail' ? '✖ FAIL' : `! ${o}`);
  console.log(
    `\n${formatTable(
      ['step', 'result', 'time'],
      results.map((r) => [r.name, mark(r.outcome), `${r.seconds} s`]),
    )}`,
  );
  for (const n of notes) console.log(`\n! ${n}`);
  const failed = results.filter((r) => r.outcome === 'fail').length;
  console.log(
    `\naudit ${failed ? `FAILED (${failed} step(s))` : 'passed'} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  process.exit(failed ? 1 : 0);
}

/** Median-run Lighthouse scores by page path, from lhci's filesystem report. */
function lighthouseScores() {
  const file = 'reports/lhci/manifest.json';
  if (args.skip.has('lighthouse') || !existsSync(file)) return new Map();
  return new Map(
    JSON.parse(readFileSync(file, 'utf8'))
      .filter((r) => r.isRepresentativeRun)
      .map((r) => [new URL(r.url).pathname, r.summary]),
  );
}

/**
 * A phone always has a Korean system font; a bare CI machine has none, and its tofu before
 * the web font arrives shifts the layout (a CLS no visitor sees). Then the browsers get
 * fonts/ (Noto Sans KR, as on Android) as their system fallback through a private
 * fontconfig file. Nothing is installed.
 */
async function koreanSystemFont() {
  const probe = await run('fc-list', [':lang=ko', 'family'], {}, true);
  if (probe.code !== 0 || probe.out.trim()) return;
  const tmp = mkdtempSync(join(tmpdir(), 'audit-fonts-'));
  const conf = join(tmp, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${resolve('fonts')}</dir>\n  <cachedir>${join(tmp, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  process.env.FONTCONFIG_FILE = conf;
  notes.push(
    `this machine has no Korean system font: the browsers use fonts/ (Noto Sans KR) as their fallback (FONTCONFIG_FILE=${conf})`,
  );
}
