import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { htmlFiles } from '../../src/integrations/html-files.mjs';

/** `'sha256-…'` of an inline script's exact text, as browsers compute it. */
export function scriptHash(text) {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The exact text of each inline script of a page (no `src`, not JSON data). */
function* inlineScripts(html) {
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/.test(m[1]) && !/type="application\/(ld\+)?json"/.test(m[1])) yield m[2];
  }
}

/**
 * Parses a page's CSP <meta>, checks that it precedes every script and that
 * every inline script's hash is allowed by script-src (or script-src-elem).
 */
export function checkPage(html) {
  const problems = [];
  const missing = [];
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  if (!meta) return { problems: ['no CSP <meta>'], missing };
  const firstScript = html.search(/<script\b/i);
  if (firstScript !== -1 && firstScript < meta.index) problems.push('a <script> precedes the CSP <meta>');
  const policy = Object.fromEntries(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
  const allowed = new Set([...(policy['script-src-elem'] ?? policy['script-src'] ?? [])]);
  for (const text of inlineScripts(html)) {
    const hash = scriptHash(text);
    if (!allowed.has(`'${hash}'`)) {
      missing.push(hash);
      problems.push(`inline script not allowed by CSP (${hash}): ${text.slice(0, 60).replace(/\s+/g, ' ')}…`);
    }
  }
  return { problems, missing };
}

/** Hashes of every inline script in a build: the list src/csp-hashes.json should hold. */
export function inlineScriptHashes(dist) {
  const hashes = new Set();
  for (const file of htmlFiles(dist)) {
    for (const text of inlineScripts(readFileSync(file, 'utf8'))) hashes.add(scriptHash(text));
  }
  return [...hashes].sort();
}

/** Runs `checkPage` over a build. */
export function auditCsp(dist) {
  const files = htmlFiles(dist);
  const problems = [];
  const missing = new Set();
  for (const file of files) {
    const r = checkPage(readFileSync(file, 'utf8'));
    for (const p of r.problems) problems.push(`${relative(dist, file)}: ${p}`);
    for (const h of r.missing) missing.add(h);
  }
  return { pages: files.length, problems, missing: [...missing] };
}
