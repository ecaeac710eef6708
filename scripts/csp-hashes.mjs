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
import { auditCsp } from './lib/csp.mjs';

const dist = process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist';
const write = process.argv.includes('--write');
const hashFile = fileURLToPath(new URL('../src/csp-hashes.json', import.meta.url));

const { pages, problems, missing } = auditCsp(dist);
if (write) {
  const current = JSON.parse(readFileSync(hashFile, 'utf8'));
  const scripts = [...new Set([...current.scripts, ...missing])].sort();
  writeFileSync(hashFile, JSON.stringify({ scripts }, null, 2) + '\n');
  console.log(`csp: ${missing.length} hash(es) added to src/csp-hashes.json; rebuild to apply.`);
}
for (const p of problems) console.error(`csp: ${p}`);
console.log(`csp: ${pages} pages checked, ${problems.length} problem(s).`);
process.exit(problems.length && !write ? 1 : 0);
