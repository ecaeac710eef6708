/**
 * The pure parts of `npm run audit` (unit-tested in tests/audit/steps.test.ts):
 * its flags, the meaning of `npm audit --json`, and the summary table.
 */
import { parseArgs } from 'node:util';

export const STEPS = ['proofs', 'html', 'csp', 'links', 'browser', 'lighthouse', 'npm-audit'];

/** @returns {{ offline: boolean, build: boolean, skip: Set<string> }} @throws on an unknown flag or step */
export function auditArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { offline: { type: 'boolean' }, build: { type: 'boolean' }, skip: { type: 'string' } },
  });
  const skip = new Set(
    (values.skip ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const s of skip)
    if (!STEPS.includes(s)) throw new Error(`--skip: unknown step "${s}" (one of ${STEPS.join(', ')})`);
  return { offline: !!values.offline, build: !!values.build, skip };
}

/**
 * The meaning of `npm audit --omit=dev --json`: "ran, N vulnerabilities" or "could not run"
 * (no audit endpoint, as the registry here answers 405; offline; no JSON).
 * @returns {{ ran: boolean, total?: number, advisories?: string[], reason?: string }}
 */
export function interpretNpmAudit(stdout, stderr = '', code = 0) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    const first =
      `${stderr}\n${stdout}`
        .split('\n')
        .map((l) => l.trim())
        .find(Boolean) ?? 'no output';
    return { ran: false, reason: `npm audit printed no JSON (exit ${code}): ${first}` };
  }
  if (json.error || (json.message && !json.metadata)) {
    return {
      ran: false,
      reason: `the registry's audit endpoint failed: ${json.message ?? json.error?.summary ?? json.error?.code ?? 'unknown error'}`,
    };
  }
  const v = json.metadata?.vulnerabilities;
  if (!v) return { ran: false, reason: `npm audit output has no metadata.vulnerabilities (exit ${code})` };
  const advisories = Object.values(json.vulnerabilities ?? {}).map(
    (x) =>
      `${x.name} (${x.severity}${x.fixAvailable ? ', fix available' : ''}): ${[]
        .concat(x.via)
        .map((y) => (typeof y === 'string' ? y : y.title))
        .join('; ')}`,
  );
  return { ran: true, total: v.total ?? 0, advisories };
}

/** Display width: CJK characters take two terminal columns. */
const width = (s) =>
  [...s].reduce(
    (w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1),
    0,
  );

/** A text table; cells that look like numbers are right-aligned. */
export function formatTable(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r) =>
    r
      .map((c, i) =>
        /^[-\d.]+( KB| s)?$|^–$/.test(c) ? ' '.repeat(widths[i] - width(c)) + c : c + ' '.repeat(widths[i] - width(c)),
      )
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
