import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, validateConfig } from '../../scripts/audit/config.mjs';

/** The checked-in config, parsed fresh for every test. */
const good = () => JSON.parse(readFileSync(new URL('../../audit.config.json', import.meta.url), 'utf8'));

/** The message validateConfig throws for a config changed by `edit`. */
function errorFor(edit: (c: any) => void): string {
  const c = good();
  edit(c);
  try {
    validateConfig(c);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('audit.config.json', () => {
  test('the checked-in config is valid', () => {
    expect(() => validateConfig(good())).not.toThrow();
  });

  test('a budget that is not a whole number of bytes names its field', () => {
    expect(errorFor((c) => (c.budgets.fonts.maxBytes = '150 KB'))).toMatch(/`budgets\.fonts\.maxBytes` must be a whole number of bytes/);
    expect(errorFor((c) => (c.budgets.jsIslands.maxBytes = -1))).toMatch(/`budgets\.jsIslands\.maxBytes`/);
  });

  test('the element budget is a whole count, not bytes', () => {
    expect(errorFor((c) => (c.budgets.domElements.maxElements = 0))).toMatch(/`budgets\.domElements\.maxElements` must be a whole number ≥ 1 \(got 0\)/);
    expect(errorFor((c) => (c.budgets.domElements = { maxBytes: 1300, why: 'wrong field' }))).toMatch(/`budgets\.domElements\.maxElements`/);
    expect(errorFor((c) => delete c.budgets.domElements.why)).toMatch(/`budgets\.domElements\.why`/);
  });

  test('a missing budget names its field', () => {
    expect(errorFor((c) => delete c.budgets.htmlGzip)).toMatch(/`budgets\.htmlGzip` must be an object \(got nothing\)/);
  });

  test('a misspelt budget is rejected rather than ignored', () => {
    expect(errorFor((c) => (c.budgets.font = { maxBytes: 1, why: 'typo' }))).toMatch(/`budgets\.font` is not a known field/);
  });

  test('a budget without its reason is rejected', () => {
    expect(errorFor((c) => delete c.budgets.cssGzip.why)).toMatch(/`budgets\.cssGzip\.why` must be a non-empty string/);
  });

  test('Lighthouse thresholds must be scores with min ≤ goal', () => {
    expect(errorFor((c) => (c.lighthouse.categories.seo.min = 101))).toMatch(/`lighthouse\.categories\.seo\.min` must be a score from 0 to 100/);
    expect(errorFor((c) => (c.lighthouse.categories.performance = { goal: 90, min: 95 }))).toMatch(/`lighthouse\.categories\.performance\.min` \(95\) must not exceed its goal \(90\)/);
    expect(errorFor((c) => delete c.lighthouse.categories.accessibility)).toMatch(/`lighthouse\.categories\.accessibility`/);
  });

  test('a skipped Lighthouse audit needs a reason', () => {
    expect(errorFor((c) => (c.lighthouse.skipAudits['is-crawlable'] = ''))).toMatch(/`lighthouse\.skipAudits\.is-crawlable` must give the reason/);
  });

  test('Lighthouse pages are site paths', () => {
    expect(errorFor((c) => (c.lighthouse.pages = ['notes/*']))).toMatch(/`lighthouse\.pages\[0\]` must start with "\/"/);
  });

  test('viewports are sane integers', () => {
    expect(errorFor((c) => (c.viewports.mobile.width = 39.5))).toMatch(/`viewports\.mobile\.width` must be an integer/);
  });

  test('a relaxed html-validate rule needs a reason', () => {
    expect(errorFor((c) => (c.htmlValidate.relaxedRules['void-style'] = 'no'))).toMatch(/`htmlValidate\.relaxedRules\.void-style` must give the reason/);
  });

  test('axeTags must not be empty', () => {
    expect(errorFor((c) => (c.axeTags = []))).toMatch(/`axeTags` must list at least one/);
  });

  test('keys starting with // are comments', () => {
    const c = good();
    c.budgets['// note'] = 'anything';
    expect(() => validateConfig(c)).not.toThrow();
  });

  test('a file that is not JSON gives a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-config-'));
    const file = join(dir, 'audit.config.json');
    try {
      writeFileSync(file, '{ "budgets": ');
      expect(() => loadConfig(file)).toThrow(/audit\.config\.json: `\(file\)` is not valid JSON/);
      expect(() => loadConfig(join(dir, 'missing.json'))).toThrow(/could not be read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lighthouse.knownGaps', () => {
  /** A valid gap on a note, added to the checked-in config (which may have none). */
  const gaps = (c: any) =>
    ((c.lighthouse.knownGaps ??= {})['/notes/vanishing-gradient/'] ??= {
      performance: { floor: 80, why: 'issue 6: the long note is laid out in one long task' },
    });

  test('a valid gap is accepted', () => {
    const c = good();
    gaps(c);
    expect(() => validateConfig(c)).not.toThrow();
  });

  test('a gap needs a reason', () => {
    expect(errorFor((c) => (gaps(c).performance.why = ''))).toMatch(/`lighthouse\.knownGaps\.\/notes\/vanishing-gradient\/\.performance\.why`/);
  });

  test('a floor at or above the budget is not a gap and must be removed', () => {
    expect(errorFor((c) => (gaps(c).performance.floor = 95))).toMatch(/is not a gap/);
  });

  test('an unknown category is rejected', () => {
    expect(errorFor((c) => (gaps(c).speed = { floor: 50, why: 'a long enough reason' }))).toMatch(/knownGaps/);
  });
});
