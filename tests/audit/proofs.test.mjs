/**
 * Fixture proofs (`npm run audit` runs them first): every check of the audit, run by its
 * own tool on a bad page from tests/audit/fixtures/, must fail and say why. A check that
 * stopped failing here would pass any page, so the audit would prove nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

const SITE = 'tests/audit/fixtures/site';
const tmp = mkdtempSync(join(tmpdir(), 'audit-proofs-'));
/** Runs a tool to the end, capturing its output; async, so a server in this process keeps answering. */
const run = (cmd, args, env = {}, cwd = process.cwd()) =>
  new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code, out: stripVTControlCharacters(out) }));
  });

describe('the browser checks (playwright.audit.config.ts) on tests/audit/fixtures/site', () => {
  /** Failure text of each test, by "project path". */
  const failed = new Map();
  const passed = new Set();
  before(async () => {
    const json = join(tmp, 'playwright.json');
    const r = await run(
      'npx',
      ['playwright', 'test', '-c', 'playwright.audit.config.ts', '--reporter=json', `--output=${join(tmp, 'out')}`],
      {
        AUDIT_DIST: SITE,
        AUDIT_PORT: '4415',
        AUDIT_PAGES_JSON: join(tmp, 'pages.json'),
        PLAYWRIGHT_JSON_OUTPUT_FILE: json,
      },
    );
    assert.equal(r.code, 1, `Playwright must fail on the fixtures:\n${r.out.slice(-2000)}`);
    const walk = (suite) => {
      for (const s of suite.suites ?? []) walk(s);
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests) {
          const key = `${t.projectName} ${spec.title}`;
          const errors = t.results.flatMap((x) => x.errors.map((e) => e.message ?? ''));
          if (t.status === 'expected') passed.add(key);
          else failed.set(key, stripVTControlCharacters(errors.join('\n')));
        }
      }
    };
    const report = JSON.parse(readFileSync(json, 'utf8'));
    assert.deepEqual(
      report.errors.map((e) => e.message),
      [],
      'Playwright itself could not run',
    );
    for (const s of report.suites) walk(s);
  });
  const fails = (key, pattern) => {
    assert.ok(failed.has(key), `${key} should have failed; passed: ${passed.has(key)}`);
    assert.match(failed.get(key), pattern);
  };

  test('a good page passes in every project', () => {
    for (const p of ['desktop-light', 'desktop-dark', 'mobile-light', 'mobile-dark'])
      assert.ok(passed.has(`${p} /`), `${p} /: ${failed.get(`${p} /`)}`);
  });
  test('axe-core: an image without alt', () =>
    fails('desktop-light /a11y.html', /axe-core violations[\s\S]*image-alt/));
  test('theme: a page that ignores the dark theme', () =>
    fails('desktop-dark /theme.html', /the dark theme is applied[\s\S]*data-theme/));
  test('privacy: a request to another host', () =>
    fails('mobile-dark /privacy.html', /requests that left the site[\s\S]*example\.com\/tracker\.gif/));
  test('errors: console.error and an uncaught exception', () =>
    fails(
      'desktop-dark /errors.html',
      /console errors[\s\S]*console: fixture error: boom[\s\S]*uncaught: fixture uncaught/,
    ));
  test('errors: a CSP violation', () =>
    fails('mobile-light /csp.html', /CSP violation: script-src(-elem)? blocked inline/));
  test('overflow at 390 px, not at 1280 px', () => {
    fails(
      'mobile-light /overflow.html',
      /horizontal overflow[\s\S]*div\.too-wide ends at 6\d\d px, past the 390 px viewport/,
    );
    assert.ok(passed.has('desktop-light /overflow.html'), failed.get('desktop-light /overflow.html'));
  });
  test('DOM budget after hydration', () =>
    fails('desktop-light /dom.html', /DOM elements after hydration \(budget 1200[\s\S]*Received: +13\d\d/));
  test('glyphs: text drawn by a system font', () =>
    fails('mobile-light /glyphs.html', /characters not drawn by the site fonts[\s\S]*drawn by the system font/));
  test('no-js: an island without a drawn chart', () =>
    fails('no-js /nojs/', /island Blank: no visible SVG chart with path data/));
  test('bytes: a text page with its own JavaScript', () =>
    fails(
      'budgets byte budgets of every page',
      /\/bytes\.html: jsTextPageOverBaseline [\d.]+ KB > budget 1\.0 KB \(own JS: \/heavy\.js/,
    ));
});

test('a page that never stops running script ends the visit with a timeout naming the page', async () => {
  const r = await run(
    'npx',
    [
      'playwright',
      'test',
      '-c',
      'playwright.audit.config.ts',
      '--project=desktop-light',
      '--timeout=10000',
      `--output=${join(tmp, 'hang')}`,
    ],
    {
      AUDIT_DIST: 'tests/audit/fixtures/hang',
      AUDIT_PORT: '4416',
    },
  );
  assert.equal(r.code, 1);
  assert.match(
    r.out,
    /\[desktop-light\] › tests\/audit\/pages\.spec\.ts:\d+:\d+ › \/[\s\S]*Test timeout of 10000ms exceeded/,
  );
});

test('html-validate CLI: an unclosed element', async () => {
  const r = await run('npx', ['html-validate', `${SITE}/invalid.html`, `${SITE}/index.html`]);
  assert.equal(r.code, 1);
  assert.match(r.out, /invalid\.html[\s\S]*(close-order|Stray end tag)/);
  assert.doesNotMatch(r.out, /index\.html/);
});

test('CSP check: an inline script without its hash, and pages without a CSP <meta>', async () => {
  const r = await run('node', ['scripts/csp-hashes.mjs', `--dist=${SITE}`]);
  assert.equal(r.code, 1);
  assert.match(r.out, /csp\.html: inline script not allowed by CSP \(sha256-/);
  assert.match(r.out, /index\.html: no CSP <meta>/);
});

test('linkinator: a missing page, a missing #fragment on the page and on another page', async () => {
  const server = await startStaticServer({ root: 'tests/audit/fixtures/links' });
  try {
    const r = await run('npx', ['linkinator', server.url, '--config', 'linkinator.config.json']);
    assert.equal(r.code, 1);
    assert.match(r.out, /\[404\] http:\/\/127\.0\.0\.1:\d+\/missing\//);
    assert.match(r.out, /\[#\] http:\/\/127\.0\.0\.1:\d+\/#absent/);
    assert.match(r.out, /\[#\] http:\/\/127\.0\.0\.1:\d+\/other\.html#gone/);
    assert.doesNotMatch(r.out, /#present/);
  } finally {
    await server.close();
  }
});

test('Lighthouse CI: a page under the score floors', async () => {
  // In its own folder: lhci keeps its runs in ./.lighthouseci/, which an audit running here may be using.
  const lhci = resolve('node_modules/.bin/lhci');
  const r = await run(
    lhci,
    [
      'autorun',
      `--config=${resolve('lighthouserc.cjs')}`,
      '--collect.numberOfRuns=1',
      `--upload.outputDir=${join(tmp, 'lhci')}`,
    ],
    { AUDIT_DIST: SITE, LHCI_PORT: '4425' },
    tmp,
  );
  assert.equal(r.code, 1, r.out.slice(-2000));
  const slow = r.out.slice(r.out.indexOf('/notes/slow/ :'));
  assert.match(slow, /categories\.seo failure for minScore assertion\s+expected: >=0\.95\s+found: 0\.\d+/);
  assert.match(slow, /categories\.accessibility failure for minScore assertion/);
});
