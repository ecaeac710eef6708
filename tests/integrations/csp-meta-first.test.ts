import { describe, expect, it } from 'vitest';
import { hoistCspMeta } from '../../src/integrations/csp-meta-first.mjs';
import { checkPage, scriptHash } from '../../scripts/lib/csp.mjs';

const META = `<meta http-equiv="content-security-policy" content="script-src 'self' '${scriptHash('a()')}'">`;

describe('hoistCspMeta', () => {
  it('moves the CSP meta before the first script, right after the charset', () => {
    const html = `<html><head><meta charset="utf-8"><script>a()</script>${META}</head></html>`;
    const out = hoistCspMeta(html);
    expect(out.indexOf('content-security-policy')).toBeLessThan(out.indexOf('<script>'));
    expect(out.startsWith('<html><head><meta charset="utf-8"><meta http-equiv')).toBe(true);
    expect(out.length).toBe(html.length);
  });

  it('leaves a page without a CSP meta unchanged', () => {
    const html = '<html><head><script>a()</script></head></html>';
    expect(hoistCspMeta(html)).toBe(html);
  });
});

describe('checkPage', () => {
  it('accepts a page whose inline scripts are all hashed after the meta', () => {
    expect(
      checkPage(`<head>${META}<script>a()</script><script type="module" src="/x.js"></script></head>`).problems,
    ).toEqual([]);
  });

  it('reports a script before the meta and an inline script whose hash drifted', () => {
    const r = checkPage(`<head><script>a()</script>${META}<script>b()</script></head>`);
    expect(r.problems.join('\n')).toContain('precedes the CSP');
    expect(r.missing).toEqual([scriptHash('b()')]);
  });

  it('hashes exactly like a browser (SHA-256 of the UTF-8 text, base64)', () => {
    // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(scriptHash('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
  });
});
