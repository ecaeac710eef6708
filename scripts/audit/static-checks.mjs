/**
 * Checks that need no browser: HTML validity of every built page, internal
 * links and #fragments (root and sub-path builds), and `npm audit`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { htmlFiles } from '../lib/csp.mjs';
import { crawlSite } from '../lib/crawl.mjs';

/**
 * html-validate with the repository's `.htmlvalidate.json` (also used by
 * `npx html-validate`), applied to builds anywhere, including temp dirs.
 * @param {string} dist @param {object} config the parsed `.htmlvalidate.json`
 * @returns {Promise<{ path: string, messages: string[] }[]>} pages with problems
 */
export async function validateHtml(dist, config) {
  const { HtmlValidate, StaticConfigLoader } = await import('html-validate');
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const out = [];
  for (const file of htmlFiles(dist)) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId} (line ${m.line}:${m.column}): ${m.message}${m.selector ? ` [${m.selector}]` : ''}`),
    );
    if (messages.length) out.push({ path: sitePath(dist, file), messages });
  }
  return out;
}

/** `/notes/x/` for `<dist>/notes/x/index.html`, `/404.html` for `<dist>/404.html`. */
export function sitePath(dist, file) {
  return '/' + relative(dist, file).replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1');
}

/**
 * What `.htmlvalidate.json` relaxes — each rule it configures and each
 * element whose metadata it overrides (as `elements.<tag>`) — compared with
 * the reasons given in audit.config.json.
 * @param {{ rules?: Record<string, unknown>, elements?: (string | Record<string, unknown>)[] }} hvConfig
 * @param {Record<string, string>} reasons
 */
export function undocumentedRules(hvConfig, reasons) {
  const relaxed = [
    ...Object.keys(hvConfig.rules ?? {}),
    ...(hvConfig.elements ?? []).filter((e) => typeof e === 'object').flatMap((e) => Object.keys(e).map((tag) => `elements.${tag}`)),
  ];
  return {
    missing: relaxed.filter((r) => !Object.hasOwn(reasons, r)),
    stale: Object.keys(reasons).filter((r) => !r.startsWith('//') && !relaxed.includes(r)),
  };
}

/**
 * Crawls a served build and reports broken links, missing #fragment targets
 * and links that leave the base path; also built pages no link reaches.
 * @param {{ url: string }} server
 * @param {string} dist
 * @param {string} base e.g. '/' or '/sub/'
 */
export async function checkLinks(server, dist, base) {
  const { pages, broken, outsideBase } = await crawlSite(server.url);
  const built = htmlFiles(dist)
    .map((f) => base.replace(/\/$/, '') + sitePath(dist, f))
    .filter((p) => !p.endsWith('/404.html'));
  const reached = new Set(pages);
  return {
    pages: pages.length,
    problems: [...broken.map((b) => `broken: ${b}`), ...outsideBase.map((o) => `leaves the base path ${base}: ${o}`)],
    unreached: built.filter((p) => !reached.has(p)),
  };
}

/**
 * `npm audit --omit=dev --json`. Distinguishes "ran, N vulnerabilities" from
 * "could not run" (no registry audit endpoint, offline, timeout).
 * @returns {Promise<{ ran: boolean, vulnerabilities?: Record<string, number>, total?: number, advisories?: string[], reason?: string }>}
 */
export async function npmAudit({ cwd = process.cwd(), timeoutMs = 90_000 } = {}) {
  const { code, stdout, stderr, timedOut } = await runCapture('npm', ['audit', '--omit=dev', '--json'], { cwd, timeoutMs });
  if (timedOut) return { ran: false, reason: `npm audit did not answer within ${timeoutMs / 1000} s` };
  return interpretNpmAudit(stdout, stderr, code);
}

/** Pure: the meaning of `npm audit --json` output (unit-tested). */
export function interpretNpmAudit(stdout, stderr = '', code = 0) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { ran: false, reason: `npm audit printed no JSON (exit ${code}): ${firstLine(stderr) || firstLine(stdout) || 'no output'}` };
  }
  if (json.error || (json.message && !json.metadata)) {
    const e = json.error ?? {};
    return { ran: false, reason: `the registry's audit endpoint failed: ${json.message ?? e.summary ?? e.code ?? 'unknown error'}` };
  }
  const v = json.metadata?.vulnerabilities;
  if (!v) return { ran: false, reason: `npm audit output has no metadata.vulnerabilities (exit ${code})` };
  const { total = 0, ...bySeverity } = v;
  const advisories = Object.values(json.vulnerabilities ?? {}).map(
    (x) => `${x.name} (${x.severity}${x.fixAvailable ? ', fix available' : ''}): ${[].concat(x.via).map((y) => (typeof y === 'string' ? y : y.title)).join('; ')}`,
  );
  return { ran: true, total, vulnerabilities: bySeverity, advisories };
}

function firstLine(s) {
  return String(s).split('\n').map((l) => l.trim()).find(Boolean) ?? '';
}

/** Runs a command, capturing output, killing it (by its pid) after `timeoutMs`. */
export function runCapture(cmd, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
        }, timeoutMs)
      : null;
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: stderr + String(e), timedOut });
    });
  });
}
