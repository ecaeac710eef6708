import { describe, expect, test } from 'vitest';
import { auditArgs, formatTable, interpretNpmAudit } from '../../scripts/audit/steps.mjs';

describe('auditArgs', () => {
  test('defaults, and the flags CI passes', () => {
    expect(auditArgs([])).toEqual({ offline: false, build: false, skip: new Set() });
    expect(auditArgs(['--offline', '--skip=lighthouse,npm-audit'])).toEqual({
      offline: true,
      build: false,
      skip: new Set(['lighthouse', 'npm-audit']),
    });
  });
  test('unknown flags and steps are errors', () => {
    expect(() => auditArgs(['--dsit=dist'])).toThrow(/Unknown option '--dsit'/);
    expect(() => auditArgs(['--skip=axe'])).toThrow(/unknown step "axe"/);
  });
});

describe('interpretNpmAudit', () => {
  test('a clean audit, and one with a vulnerability', () => {
    expect(
      interpretNpmAudit(JSON.stringify({ vulnerabilities: {}, metadata: { vulnerabilities: { total: 0 } } })),
    ).toEqual({ ran: true, total: 0, advisories: [] });
    const out = JSON.stringify({
      vulnerabilities: {
        foo: { name: 'foo', severity: 'high', via: [{ title: 'Prototype pollution' }], fixAvailable: true },
      },
      metadata: { vulnerabilities: { high: 1, total: 1 } },
    });
    expect(interpretNpmAudit(out)).toEqual({
      ran: true,
      total: 1,
      advisories: ['foo (high, fix available): Prototype pollution'],
    });
  });
  test('an unreachable audit endpoint (405 here) or no JSON means "could not run", with the reason', () => {
    const out = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(interpretNpmAudit(out, '', 1)).toEqual({
      ran: false,
      reason: expect.stringMatching(/405 Method Not Allowed/),
    });
    expect(interpretNpmAudit('', 'npm error network ENOTFOUND', 1)).toEqual({
      ran: false,
      reason: expect.stringMatching(/ENOTFOUND/),
    });
  });
});

test('formatTable right-aligns numbers and counts Hangul as two columns', () => {
  expect(
    formatTable(
      ['page', 'DOM'],
      [
        ['/한', 9],
        ['/ab', 1200],
      ],
    ).split('\n'),
  ).toEqual(['page  DOM', '────  ────', '/한      9', '/ab   1200']);
});
