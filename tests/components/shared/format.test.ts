import { describe, expect, test } from 'vitest';
import {
  fixed,
  logTick,
  num,
  percent,
  pow10,
  sci,
  superscript,
  times,
} from '../../../src/components/charts/shared/format';

describe('format', () => {
  test('superscript exponents', () => {
    expect(superscript(-15)).toBe('⁻¹⁵');
    expect(superscript(300)).toBe('³⁰⁰');
    expect(pow10(-7)).toBe('10⁻⁷');
  });

  test('scientific notation with superscripts', () => {
    expect(sci(1.2e-15)).toBe('1.2×10⁻¹⁵');
    expect(sci(1.23456e-15, 3)).toBe('1.23×10⁻¹⁵');
    expect(sci(1e-20)).toBe('10⁻²⁰');
    expect(sci(9.99e-8)).toBe('10⁻⁷');
    expect(sci(3.4e5)).toBe('3.4×10⁵');
    expect(sci(-2.5e-9)).toBe('−2.5×10⁻⁹');
    expect(sci(0.25)).toBe('0.25');
    expect(sci(12.5)).toBe('13');
    expect(sci(12.5, 3)).toBe('12.5');
    expect(sci(0.001234, 3)).toBe('0.00123');
    expect(sci(1)).toBe('1');
  });

  test('0 and underflow read "10⁻³⁰⁰ 미만"; never NaN or Infinity', () => {
    expect(sci(0)).toBe('10⁻³⁰⁰ 미만');
    expect(sci(1e-310)).toBe('10⁻³⁰⁰ 미만');
    expect(times(0)).toBe('10⁻³⁰⁰ 미만');
    expect(times(1.2e-15)).toBe('1.2×10⁻¹⁵배');
    for (const v of [NaN, Infinity, -Infinity]) {
      for (const s of [sci(v), times(v), fixed(v), percent(v), num(v)]) {
        expect(s).not.toMatch(/NaN|Infinity/);
      }
    }
  });

  test('fixed decimals use a true minus sign and drop trailing zeros', () => {
    expect(fixed(-0.5, 3)).toBe('−0.5');
    expect(fixed(2, 2)).toBe('2');
    expect(fixed(-0.0001, 2)).toBe('0');
    expect(num(0)).toBe('0');
    expect(num(0.8807970779778823)).toBe('0.881');
  });

  test('log axis ticks', () => {
    expect(logTick(1e-15)).toBe('10⁻¹⁵');
    expect(logTick(1)).toBe('1');
    expect(logTick(10)).toBe('10');
    expect(logTick(1e3)).toBe('10³');
    expect(percent(0.125, 1)).toBe('12.5%');
  });
});
