#!/usr/bin/env node
/**
 * Checks the Content-Security-Policy of every built page, and keeps the list
 * of extra inline-script hashes (src/csp-hashes.json) in step with the build.
 *
 *   npm run csp:hashes            check dist/: exit 1 when a page would break
 *   npm run csp:hashes -- --write also rewrite src/csp-hashes.json
 *
 * A CSP <meta> only governs what comes after it, so the check also fails when
 * any <script> (Starlight's inline theme script included) precedes the meta.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditCsp, inlineScriptHashes } from './lib/csp.mjs';

const dist = process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist';
const write = process.argv.includes('--write');
const hashFile = fileURLToPath(new URL('../src/csp-hashes.json', import.meta.url));

const { pages, problems, missing } = auditCsp(dist);
if (write) {
  const before = JSON.parse(readFileSync(hashFile, 'utf8')).scripts;
  const scripts = inlineScriptHashes(dist);
  writeFileSync(hashFile, JSON.stringify({ scripts }, null, 2) + '\n');
  const changed = scripts.length !== before.length || scripts.some((h, i) => h !== before[i]);
  console.log(
    `csp: src/csp-hashes.json ${changed ? 'updated; rebuild to apply' : 'already up to date'} (${scripts.length} inline scripts, ${missing.length} were missing).`,
  );
}
for (const p of problems) console.error(`csp: ${p}`);
console.log(`csp: ${pages} pages checked, ${problems.length} problem(s).`);
// With --write, missing hashes are what is being fixed; any other problem still fails.
const blocking = write ? problems.filter((p) => !p.includes('inline script not allowed')) : problems;
process.exit(blocking.length ? 1 : 0);
