#!/usr/bin/env node
/**
 * `npm run bench:build -- 800`: how the production build scales with the number of notes.
 *
 * Copies the project (without node_modules, dist and .git) into a temporary folder inside it, adds N synthetic notes (the current notes, copied round-robin under new
 * slugs and numbered titles), builds it and prints: ms per page, the time of each build step
 * and post-build step (from the build log), the size of dist/, font bytes per page, and the
 * bytes one Pagefind search downloads (in Chromium: open the search, type a query, wait for
 * the results). Figures only; nothing here passes or fails.
 *
 * Usage: npm run bench:build -- [N=100] [--query=함수] [--keep] [--warm] [--distinct] [--log=FILE]
 *   --warm      build twice and report the second (subset cache filled by the first)
 *   --distinct  give every synthetic note a paragraph of 60 Hangul syllables of its own (seeded, from
 *               the body font's character map), so no two pages need the same font subset: the
 *               worst case for per-page subsets, where copies share theirs
 *   --log   print the step timings of a saved build log (.fixture-bench-N.log) and stop
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { fontCharset } from '../../src/integrations/subset-pool.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Astro's CLI, wherever the project's node_modules is. */
const ASTRO = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const argv = process.argv.slice(2);
const n = Number(argv.find((a) => /^\d+$/.test(a)) ?? 100);
const query = argv.find((a) => a.startsWith('--query='))?.slice(8) ?? '함수';
const keep = argv.includes('--keep');
const warm = argv.includes('--warm');
const distinct = argv.includes('--distinct');

// Inside the project (gitignored like the fixture builds of tests/build), so that packages
// resolve from the project's own node_modules by their real paths: a symlinked node_modules
// makes Vite see every Astro component under two paths.
// --log=FILE: only print the step timings of a saved build log.
const savedLog = argv.find((a) => a.startsWith('--log='))?.slice(6);
if (savedLog) {
  for (const [label, ms] of steps(readFileSync(savedLog, 'utf8')))
    console.log(`| ${label} | ${(ms / 1000).toFixed(2)} s |`);
  process.exit(0);
}
const work = mkdtempSync(join(ROOT, `.fixture-bench-${n}-`));
const SKIP = new Set(['node_modules', 'dist', '.git', '.astro', 'reports']);
for (const entry of readdirSync(ROOT)) {
  if (!SKIP.has(entry) && !entry.startsWith('.fixture-') && !entry.startsWith('dist-'))
    cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
}

const hangul = distinct
  ? [...(await fontCharset(join(ROOT, 'fonts/NotoSansKR-400.source.woff2')))].filter(
      (cp) => cp >= 0xac00 && cp <= 0xd7a3,
    )
  : [];

// Synthetic notes: every current note (but the glossary) copied under bench-NNNN with a numbered title.
const notesDir = join(work, 'src/content/docs/notes');
const sources = readdirSync(notesDir)
  .filter((f) => f.endsWith('.mdx') && f !== 'glossary.mdx')
  .sort();
for (let i = 0; i < n; i++) {
  const src = readFileSync(join(notesDir, sources[i % sources.length]), 'utf8');
  const copy = src
    .replace(/^title: (.*)$/m, (_, t) => `title: ${JSON.stringify(`${t.replace(/^"|"$/g, '')} ${i + 1}`)}`)
    .replace(/^(\s+order:) \d+$/m, `$1 ${100 + i}`);
  writeFileSync(join(notesDir, `bench-${String(i + 1).padStart(4, '0')}.mdx`), copy + (distinct ? ownText(i) : ''));
}

/** Note i's own paragraph: 60 syllables from the body font, drawn by a seeded generator (mulberry32). */
function ownText(i) {
  let a = i + 1;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words = Array.from({ length: 20 }, () =>
    Array.from({ length: 3 }, () => String.fromCodePoint(hangul[Math.floor(next() * hangul.length)])).join(''),
  );
  return `\n\n${words.join(' ')}\n`;
}

function build() {
  return new Promise((done, failed) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [ASTRO, 'build'], {
      cwd: work,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('exit', (code) => {
      // eslint-disable-next-line no-control-regex
      log = log.replace(/\x1b\[[0-9;]*m/g, '');
      writeFileSync(join(ROOT, `.fixture-bench-${n}.log`), log);
      if (code === 0) done({ ms: performance.now() - t0, log });
      else failed(new Error(`astro build exited ${code}:\n${log.slice(-3000)}`));
    });
  });
}

/** "6m 55s", "24.11s", "389ms" → ms */
function duration(text) {
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60_000 + (m[3] === 'ms' ? Number(m[2]) : Number(m[2] ?? 0) * 1000);
}

/** Step timings from the build log: what Astro, Pagefind and our integrations print. */
export function steps(log) {
  const out = [];
  const grab = (label, re) => {
    const m = re.exec(log);
    if (m) out.push([label, duration(m[1])]);
  };
  grab('vite: first bundle', /\[vite\] ✓ built in ((?:\d+m )?[\d.]+m?s)/);
  grab('rendering pages', /generating static routes[\s\S]*?✓ Completed in ((?:\d+m )?[\d.]+m?s)/);
  grab('pagefind index', /Finished building search index in ((?:\d+m )?[\d.]+m?s)/);
  for (const m of log.matchAll(/\[(dl-notes:[\w-]+)\] .*?\((\d+) ms\)/g)) out.push([m[1], Number(m[2])]);
  grab('astro total (log)', /page\(s\) built in ((?:\d+m )?[\d.]+m?s)/);
  return out;
}

function dirBytes(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

console.log(
  `bench:build: ${n} synthetic notes + ${sources.length + 1} notes in ${work}; load average before: ${load()}`,
);
process.on('exit', () => keep || rmSync(work, { recursive: true, force: true }));
let result = await build();
if (warm) {
  console.log(`  cold build: ${(result.ms / 1000).toFixed(1)} s; building again with the caches filled`);
  result = await build();
}
const dist = join(work, 'dist');
const pages = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
const fontsDir = join(dist, '_fonts');
console.log(`\n| measure | value |\n|---|---|`);
console.log(`| pages | ${pages} |`);
console.log(`| build wall time | ${(result.ms / 1000).toFixed(1)} s |`);
console.log(`| ms per page | ${(result.ms / pages).toFixed(0)} ms |`);
for (const [label, ms] of steps(result.log)) console.log(`| ${label} | ${(ms / 1000).toFixed(2)} s |`);
console.log(`| dist/ size | ${(dirBytes(dist) / 1024 / 1024).toFixed(1)} MB |`);
console.log(`| _fonts/ size | ${(dirBytes(fontsDir) / 1024 / 1024).toFixed(2)} MB |`);
console.log(`| pagefind/ size | ${(dirBytes(join(dist, 'pagefind')) / 1024 / 1024).toFixed(2)} MB |`);

// A reader's visit: font bytes of the home page and two notes in a row (the second reuses
// the cached shared files), and the bytes of one search.
// hostLike: gzip and a year of caching for hashed files, as a static host serves them.
const server = await startStaticServer({ root: dist, hostLike: true });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  const got = [];
  page.on('response', async (r) => {
    const url = new URL(r.url());
    // Bytes over the network: a file taken from the browser's cache transfers none.
    if (r.status() === 200)
      got.push({
        path: url.pathname,
        bytes: (
          await r
            .request()
            .sizes()
            .catch(() => ({ responseBodySize: 0 }))
        ).responseBodySize,
      });
  });
  const visit = async (path) => {
    got.length = 0;
    await page.goto(server.origin + path, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    return got.filter((g) => g.path.endsWith('.woff2')).reduce((s, g) => s + g.bytes, 0);
  };
  const first = await visit('/notes/activation-functions/');
  const second = await visit('/notes/relu/');
  const third = await visit('/notes/bench-0007/');
  console.log(
    `| font bytes transferred: first note / next note / a synthetic note (same browser) | ${kb(first)} / ${kb(second)} / ${kb(third)} |`,
  );
  got.length = 0;
  await page.click('button[data-open-modal]');
  const input = page.locator('dialog[open] .pagefind-ui__search-input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(query);
  await page.locator('.pagefind-ui__result').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const search = got.filter((g) => g.path.includes('/pagefind/'));
  const ui = search.filter((g) => /\.(js|css)$/.test(g.path));
  const data = search.filter((g) => !/\.(js|css)$/.test(g.path));
  console.log(
    `| one search for "${query}", bytes transferred: index + fragments / UI scripts | ${kb(data.reduce((s, g) => s + g.bytes, 0))} (${data.length} files) / ${kb(ui.reduce((s, g) => s + g.bytes, 0))} |`,
  );
  const biggest = [...data]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((g) => `${g.path.split('/').pop()} ${kb(g.bytes)}`);
  console.log(`| largest search files | ${biggest.join(', ')} |`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`\nload average after: ${load()} (2 cores; other work on the machine counts in these times)`);
if (keep) console.log(`kept ${work}`);
