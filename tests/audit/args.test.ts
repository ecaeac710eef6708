import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../scripts/audit/args.mjs';
import { interpretNpmAudit, sitePath, undocumentedRules } from '../../scripts/audit/static-checks.mjs';
import { matchPage } from '../../scripts/audit/pages.mjs';
import { isForeign } from '../../scripts/audit/browser.mjs';

describe('parseArgs', () => {
  test('defaults', () => {
    const a = parseArgs([]);
    expect(a).toMatchObject({ offline: false, config: 'audit.config.json', report: 'reports/audit.json', help: false });
    expect(a.dist).toBeUndefined();
    expect([...a.skip]).toEqual([]);
  });
  test('the flags npm test passes', () => {
    expect(parseArgs(['--dist=dist', '--dist-sub=dist-sub', '--offline'])).toMatchObject({ dist: 'dist', distSub: 'dist-sub', offline: true });
  });
  test('--skip takes known checks only', () => {
    expect([...parseArgs(['--skip=lighthouse,npm-audit']).skip]).toEqual(['lighthouse', 'npm-audit']);
    expect(() => parseArgs(['--skip=axe'])).toThrow(/unknown check "axe"/);
  });
  test('unknown flags and missing values are errors', () => {
    expect(() => parseArgs(['--dsit=dist'])).toThrow(/unknown flag --dsit/);
    expect(() => parseArgs(['--dist'])).toThrow(/--dist needs a value/);
    expect(() => parseArgs(['dist'])).toThrow(/unexpected argument/);
  });
});

describe('matchPage', () => {
  test('* is one path segment, ** anything', () => {
    expect(matchPage('/', '/')).toBe(true);
    expect(matchPage('/', '/notes/a/')).toBe(false);
    expect(matchPage('/notes/*', '/notes/a/')).toBe(true);
    expect(matchPage('/notes/*', '/notes/a/b/')).toBe(false);
    expect(matchPage('/notes/**', '/notes/a/b/')).toBe(true);
    expect(matchPage('/404.html', '/404.html')).toBe(true);
  });
});

describe('isForeign', () => {
  const origin = 'http://127.0.0.1:4000';
  test('only the audited server is home', () => {
    expect(isForeign('http://127.0.0.1:4000/_astro/a.js', origin)).toBe(false);
    expect(isForeign('http://127.0.0.1:4001/a.js', origin)).toBe(true);
    expect(isForeign('http://localhost:4000/a.js', origin)).toBe(true);
    expect(isForeign('https://fonts.googleapis.com/css', origin)).toBe(true);
  });
  test('data: and blob: URLs are not requests to a host', () => {
    expect(isForeign('data:image/svg+xml,<svg/>', origin)).toBe(false);
    expect(isForeign('blob:http://127.0.0.1:4000/x', origin)).toBe(false);
  });
});

describe('sitePath', () => {
  test('maps built files to the paths they are served at', () => {
    expect(sitePath('/d', '/d/index.html')).toBe('/');
    expect(sitePath('/d', '/d/notes/a/index.html')).toBe('/notes/a/');
    expect(sitePath('/d', '/d/404.html')).toBe('/404.html');
  });
});

describe('undocumentedRules', () => {
  test('every relaxed rule and element override needs a reason; stale reasons are reported', () => {
    const hv = { extends: ['html-validate:recommended'], elements: ['html5', { style: { flow: true } }], rules: { 'void-style': 'off', 'valid-id': ['error', { relaxed: true }] } };
    expect(undocumentedRules(hv, { 'void-style': 'why', 'no-inline-style': 'why', '// note': 'x' })).toEqual({
      missing: ['valid-id', 'elements.style'],
      stale: ['no-inline-style'],
    });
  });
});

describe('interpretNpmAudit', () => {
  test('a clean audit', () => {
    const out = JSON.stringify({ vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } } });
    expect(interpretNpmAudit(out)).toMatchObject({ ran: true, total: 0, advisories: [] });
  });
  test('vulnerabilities are listed', () => {
    const out = JSON.stringify({
      vulnerabilities: { foo: { name: 'foo', severity: 'high', via: [{ title: 'Prototype pollution' }], fixAvailable: true } },
      metadata: { vulnerabilities: { high: 1, total: 1 } },
    });
    expect(interpretNpmAudit(out)).toMatchObject({ ran: true, total: 1, advisories: ['foo (high, fix available): Prototype pollution'] });
  });
  test('an unreachable audit endpoint means "could not run", with the reason', () => {
    const out = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    const r = interpretNpmAudit(out, '', 1);
    expect(r.ran).toBe(false);
    expect(r.reason).toMatch(/405 Method Not Allowed/);
  });
  test('no JSON at all means "could not run"', () => {
    expect(interpretNpmAudit('', 'npm error network ENOTFOUND', 1)).toMatchObject({ ran: false, reason: expect.stringMatching(/ENOTFOUND/) });
  });
});
