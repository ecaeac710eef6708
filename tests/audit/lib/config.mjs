/**
 * audit.config.json (budgets, viewports, axe tags, reasons for relaxed html-validate rules):
 * a bad value stops the audit with the field's name instead of auditing against nonsense.
 */
export class ConfigError extends Error {}

const BUDGETS = {
  jsTextPageOverBaseline: 'maxBytes',
  jsIslands: 'maxBytes',
  fonts: 'maxBytes',
  cssGzip: 'maxBytes',
  htmlGzip: 'maxBytes',
  domElements: 'maxElements',
};
const isComment = (k) => k.startsWith('//');

/** @returns the config itself @throws {ConfigError} naming the first bad field */
export function validateConfig(c) {
  const bad = (field, want, got) => {
    throw new ConfigError(
      `audit.config.json: \`${field}\` must be ${want} (got ${got === undefined ? 'nothing' : JSON.stringify(got)})`,
    );
  };
  for (const k of Object.keys(c.budgets ?? {}))
    if (!isComment(k) && !(k in BUDGETS)) bad(`budgets.${k}`, `one of ${Object.keys(BUDGETS).join(', ')}`, k);
  for (const [name, field] of Object.entries(BUDGETS)) {
    const b = c.budgets?.[name];
    if (typeof b !== 'object' || b === null) bad(`budgets.${name}`, 'an object', b);
    if (!Number.isInteger(b[field]) || b[field] < 1) bad(`budgets.${name}.${field}`, `a whole number ≥ 1`, b[field]);
    if (typeof b.why !== 'string' || b.why.trim().length < 10)
      bad(`budgets.${name}.why`, 'the reason for the budget', b.why);
  }
  for (const v of ['desktop', 'mobile']) {
    for (const d of ['width', 'height'])
      if (!Number.isInteger(c.viewports?.[v]?.[d]) || c.viewports[v][d] < 200)
        bad(`viewports.${v}.${d}`, 'an integer ≥ 200', c.viewports?.[v]?.[d]);
  }
  if (!Array.isArray(c.axeTags) || c.axeTags.length === 0)
    bad('axeTags', 'a non-empty list of axe-core tags', c.axeTags);
  for (const [rule, why] of Object.entries(c.htmlValidate?.relaxedRules ?? {})) {
    if (!isComment(rule) && (typeof why !== 'string' || why.trim().length < 10))
      bad(`htmlValidate.relaxedRules.${rule}`, 'the reason the rule is relaxed', why);
  }
  return c;
}

/**
 * What `.htmlvalidate.json` relaxes (each rule it configures, each element override as
 * `elements.<tag>`) against the reasons in audit.config.json: JSON has no comments.
 */
export function undocumentedRules(hvConfig, reasons) {
  const relaxed = [
    ...Object.keys(hvConfig.rules ?? {}),
    ...(hvConfig.elements ?? [])
      .filter((e) => typeof e === 'object')
      .flatMap((e) => Object.keys(e).map((tag) => `elements.${tag}`)),
  ];
  return {
    missing: relaxed.filter((r) => !Object.hasOwn(reasons, r)),
    stale: Object.keys(reasons).filter((r) => !isComment(r) && !relaxed.includes(r)),
  };
}
