/**
 * Loads and validates `audit.config.json`. A bad config is a usage error: the
 * message names the offending field so the fix is obvious.
 */
import { readFileSync } from 'node:fs';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Every budget with the field that holds its limit: bytes, or for `domElements` a count. */
export const BUDGET_LIMITS = {
  jsTextPageOverBaseline: 'maxBytes',
  jsIslands: 'maxBytes',
  fonts: 'maxBytes',
  cssGzip: 'maxBytes',
  htmlGzip: 'maxBytes',
  domElements: 'maxElements',
};

export class ConfigError extends Error {
  /** @param {string} field dotted path, e.g. `budgets.fonts.maxBytes` @param {string} problem */
  constructor(field, problem) {
    super(`audit.config.json: \`${field}\` ${problem}`);
    this.name = 'ConfigError';
    this.field = field;
  }
}

/** Reads and validates the config file; throws ConfigError. */
export function loadConfig(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError('(file)', `could not be read at ${path}: ${e.message}`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError('(file)', `is not valid JSON: ${e.message}`);
  }
  try {
    return validateConfig(json);
  } catch (e) {
    if (e instanceof ConfigError && !path.endsWith('audit.config.json')) e.message = e.message.replace('audit.config.json', path);
    throw e;
  }
}

/**
 * Checks every field the audit reads and returns the config unchanged.
 * Keys starting with `//` are comments and are ignored everywhere.
 * @param {unknown} config
 */
export function validateConfig(config) {
  obj(config, '(root)');
  const c = /** @type {any} */ (config);

  obj(c.budgets, 'budgets');
  known(c.budgets, Object.keys(BUDGET_LIMITS), 'budgets');
  for (const [key, field] of Object.entries(BUDGET_LIMITS)) {
    const b = c.budgets[key];
    obj(b, `budgets.${key}`);
    (field === 'maxBytes' ? bytes : count)(b[field], `budgets.${key}.${field}`);
    str(b.why, `budgets.${key}.why`);
  }

  obj(c.viewports, 'viewports');
  for (const name of ['desktop', 'mobile']) {
    obj(c.viewports[name], `viewports.${name}`);
    for (const dim of ['width', 'height']) {
      const v = c.viewports[name][dim];
      if (!Number.isInteger(v) || v < 200 || v > 4000) throw new ConfigError(`viewports.${name}.${dim}`, `must be an integer between 200 and 4000 (got ${show(v)})`);
    }
  }

  obj(c.htmlValidate, 'htmlValidate');
  obj(c.htmlValidate.relaxedRules, 'htmlValidate.relaxedRules');
  for (const [rule, why] of entries(c.htmlValidate.relaxedRules)) {
    if (typeof why !== 'string' || why.trim().length < 10) {
      throw new ConfigError(`htmlValidate.relaxedRules.${rule}`, 'must give the reason the rule is off or relaxed (a sentence, at least 10 characters)');
    }
  }

  arr(c.axeTags, 'axeTags');
  c.axeTags.forEach((t, i) => str(t, `axeTags[${i}]`));
  if (c.axeTags.length === 0) throw new ConfigError('axeTags', 'must list at least one axe-core tag');

  obj(c.lighthouse, 'lighthouse');
  const lh = c.lighthouse;
  arr(lh.pages, 'lighthouse.pages');
  lh.pages.forEach((p, i) => {
    str(p, `lighthouse.pages[${i}]`);
    if (!p.startsWith('/')) throw new ConfigError(`lighthouse.pages[${i}]`, `must start with "/" (got ${show(p)})`);
  });
  obj(lh.categories, 'lighthouse.categories');
  known(lh.categories, LIGHTHOUSE_CATEGORIES, 'lighthouse.categories');
  for (const cat of LIGHTHOUSE_CATEGORIES) {
    const t = lh.categories[cat];
    obj(t, `lighthouse.categories.${cat}`);
    score(t.goal, `lighthouse.categories.${cat}.goal`);
    score(t.min, `lighthouse.categories.${cat}.min`);
    if (t.min > t.goal) throw new ConfigError(`lighthouse.categories.${cat}.min`, `(${t.min}) must not exceed its goal (${t.goal})`);
  }
  obj(lh.skipAudits, 'lighthouse.skipAudits');
  for (const [id, why] of entries(lh.skipAudits)) {
    if (typeof why !== 'string' || why.trim().length < 10) {
      throw new ConfigError(`lighthouse.skipAudits.${id}`, 'must give the reason the audit is skipped (a sentence, at least 10 characters)');
    }
  }
  if (lh.knownGaps !== undefined) {
    obj(lh.knownGaps, 'lighthouse.knownGaps');
    for (const [page, cats] of entries(lh.knownGaps)) {
      if (!page.startsWith('/')) throw new ConfigError(`lighthouse.knownGaps.${page}`, 'must be a page path starting with "/"');
      obj(cats, `lighthouse.knownGaps.${page}`);
      known(cats, LIGHTHOUSE_CATEGORIES, `lighthouse.knownGaps.${page}`);
      for (const [cat, gap] of entries(cats)) {
        const at = `lighthouse.knownGaps.${page}.${cat}`;
        obj(gap, at);
        score(gap.floor, `${at}.floor`);
        if (gap.floor >= lh.categories[cat].min) throw new ConfigError(`${at}.floor`, `(${gap.floor}) is not a gap: the budget is already ≥ ${lh.categories[cat].min}; remove the entry`);
        if (typeof gap.why !== 'string' || gap.why.trim().length < 10) throw new ConfigError(`${at}.why`, 'must say why the page misses its budget and where the fix is tracked (a sentence)');
      }
    }
  }
  if (lh.runs !== undefined && (!Number.isInteger(lh.runs) || lh.runs < 1 || lh.runs > 5)) {
    throw new ConfigError('lighthouse.runs', `must be an integer from 1 to 5 (got ${show(lh.runs)})`);
  }
  return c;
}

function entries(o) {
  return Object.entries(o).filter(([k]) => !k.startsWith('//'));
}
function show(v) {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}
function obj(v, field) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new ConfigError(field, `must be an object (got ${show(v)})`);
}
function arr(v, field) {
  if (!Array.isArray(v)) throw new ConfigError(field, `must be an array (got ${show(v)})`);
}
function str(v, field) {
  if (typeof v !== 'string' || v.trim() === '') throw new ConfigError(field, `must be a non-empty string (got ${show(v)})`);
}
function bytes(v, field) {
  if (!Number.isInteger(v) || v < 0) throw new ConfigError(field, `must be a whole number of bytes ≥ 0 (got ${show(v)})`);
}
function count(v, field) {
  if (!Number.isInteger(v) || v < 1) throw new ConfigError(field, `must be a whole number ≥ 1 (got ${show(v)})`);
}
function score(v, field) {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) throw new ConfigError(field, `must be a score from 0 to 100 (got ${show(v)})`);
}
function known(o, keys, field) {
  for (const k of Object.keys(o)) {
    if (!k.startsWith('//') && !keys.includes(k)) throw new ConfigError(`${field}.${k}`, `is not a known field (expected one of: ${keys.join(', ')})`);
  }
}
