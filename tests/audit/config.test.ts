import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ConfigError, undocumentedRules, validateConfig } from './lib/config.mjs';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
/** The message validateConfig throws for the checked-in config changed by `edit`. */
// The config is JSON edited freely by each case, so its type is deliberately loose.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
function errorFor(edit: (c: Json) => void): string {
  const c = read('audit.config.json');
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
    expect(() => validateConfig(read('audit.config.json'))).not.toThrow();
  });
  test('a budget that is not a whole number of bytes names its field', () => {
    expect(errorFor((c) => (c.budgets.fonts.maxBytes = '150 KB'))).toMatch(
      /`budgets\.fonts\.maxBytes` must be a whole number ≥ 1 \(got "150 KB"\)/,
    );
    expect(errorFor((c) => (c.budgets.domElements = { maxBytes: 1300, why: 'the wrong field' }))).toMatch(
      /`budgets\.domElements\.maxElements`/,
    );
  });
  test('a missing, misspelt or unexplained budget is rejected', () => {
    expect(errorFor((c) => delete c.budgets.htmlGzip)).toMatch(/`budgets\.htmlGzip` must be an object \(got nothing\)/);
    expect(errorFor((c) => (c.budgets.font = { maxBytes: 1, why: 'a typo of fonts' }))).toMatch(
      /`budgets\.font` must be one of/,
    );
    expect(errorFor((c) => delete c.budgets.cssGzip.why)).toMatch(/`budgets\.cssGzip\.why` must be the reason/);
  });
  test('viewports, axe tags and rule reasons', () => {
    expect(errorFor((c) => (c.viewports.mobile.width = 39.5))).toMatch(/`viewports\.mobile\.width` must be an integer/);
    expect(errorFor((c) => (c.axeTags = []))).toMatch(/`axeTags` must be a non-empty list/);
    expect(errorFor((c) => (c.htmlValidate.relaxedRules['void-style'] = 'no'))).toMatch(
      /`htmlValidate\.relaxedRules\.void-style` must be the reason/,
    );
  });
});

describe('.htmlvalidate.json relaxes a rule only with a reason in audit.config.json', () => {
  test('every rule relaxed today has its reason, and no reason is stale', () => {
    expect(undocumentedRules(read('.htmlvalidate.json'), read('audit.config.json').htmlValidate.relaxedRules)).toEqual({
      missing: [],
      stale: [],
    });
  });
  test('an unexplained rule or element override, and a stale reason, are reported', () => {
    const hv = {
      elements: ['html5', { style: { flow: true } }],
      rules: { 'void-style': 'off', 'valid-id': ['error', { relaxed: true }] },
    };
    expect(undocumentedRules(hv, { 'void-style': 'why', 'no-inline-style': 'why', '// note': 'x' })).toEqual({
      missing: ['valid-id', 'elements.style'],
      stale: ['no-inline-style'],
    });
  });
});
