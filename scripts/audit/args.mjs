/** Command-line flags of `npm run audit` (pure, unit-tested). */

export const SKIPPABLE = ['lighthouse', 'npm-audit', 'sub', 'nojs'];

export const USAGE = `usage: npm run audit -- [flags]

  --dist=DIR        audit this build (default: build a fresh one into a temp dir)
  --dist-sub=DIR    the BASE_PATH=/sub build for the sub-path link check
                    (default: build one into a temp dir)
  --offline         tolerate an unreachable npm audit endpoint (a warning, not a failure);
                    vulnerabilities that npm audit does report still fail
  --config=FILE     budgets and thresholds (default: audit.config.json)
  --report=FILE     JSON report (default: reports/audit.json)
  --pages=GLOB      only pages matching GLOB, e.g. '/notes/*' (development only)
  --skip=A,B        skip checks: ${SKIPPABLE.join(', ')} (development only; printed loudly)
  --help            this text`;

/**
 * @param {string[]} argv
 * @returns {{ dist?: string, distSub?: string, offline: boolean, config: string, report: string, pages?: string, skip: Set<string>, help: boolean }}
 */
export function parseArgs(argv) {
  const out = { offline: false, config: 'audit.config.json', report: 'reports/audit.json', skip: new Set(), help: false };
  for (const arg of argv) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${JSON.stringify(arg)}`);
    const [, name, value] = m;
    const need = () => {
      if (value === undefined || value === '') throw new Error(`--${name} needs a value: --${name}=…`);
      return value;
    };
    switch (name) {
      case 'dist':
        out.dist = need();
        break;
      case 'dist-sub':
        out.distSub = need();
        break;
      case 'config':
        out.config = need();
        break;
      case 'report':
        out.report = need();
        break;
      case 'pages':
        out.pages = need();
        break;
      case 'skip':
        for (const s of need().split(',').map((x) => x.trim()).filter(Boolean)) {
          if (!SKIPPABLE.includes(s)) throw new Error(`--skip: unknown check ${JSON.stringify(s)} (one of ${SKIPPABLE.join(', ')})`);
          out.skip.add(s);
        }
        break;
      case 'offline':
        if (value !== undefined) throw new Error('--offline takes no value');
        out.offline = true;
        break;
      case 'help':
        out.help = true;
        break;
      default:
        throw new Error(`unknown flag --${name}`);
    }
  }
  return out;
}
