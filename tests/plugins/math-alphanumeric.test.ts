import { describe, expect, it } from 'vitest';
import { mathAlphanumeric } from '../../src/plugins/math-alphanumeric.mjs';

const cp = (s: string) => s.codePointAt(0)!.toString(16).toUpperCase();

describe('mathAlphanumeric', () => {
  it('maps Latin letters, digits and Greek onto the Mathematical Alphanumeric Symbols block', () => {
    expect(cp(mathAlphanumeric('A', 'bold')!)).toBe('1D400');
    expect(cp(mathAlphanumeric('x', 'bold')!)).toBe('1D431');
    expect(cp(mathAlphanumeric('0', 'bold')!)).toBe('1D7CE');
    expect(cp(mathAlphanumeric('9', 'double-struck')!)).toBe('1D7E1');
    expect(cp(mathAlphanumeric('E', 'double-struck')!)).toBe('1D53C');
    expect(cp(mathAlphanumeric('Ω', 'bold')!)).toBe('1D6C0');
    expect(cp(mathAlphanumeric('α', 'bold')!)).toBe('1D6C2');
    expect(cp(mathAlphanumeric('ω', 'bold-italic')!)).toBe('1D74E');
    expect(cp(mathAlphanumeric('z', 'monospace')!)).toBe('1D6A3');
  });

  it('maps the Greek symbols that follow each Greek alphabet (ϴ ∇ ∂ ϵ ϑ ϰ ϕ ϱ ϖ) and the dotless letters', () => {
    expect(cp(mathAlphanumeric('ϴ', 'bold')!)).toBe('1D6B9');
    expect(cp(mathAlphanumeric('∇', 'bold')!)).toBe('1D6C1');
    expect(cp(mathAlphanumeric('∂', 'italic')!)).toBe('1D715');
    expect(cp(mathAlphanumeric('ϵ', 'bold-italic')!)).toBe('1D750');
    expect(cp(mathAlphanumeric('ϖ', 'sans-serif-bold-italic')!)).toBe('1D7C9');
    expect(cp(mathAlphanumeric('ı', 'italic')!)).toBe('1D6A4');
    expect(cp(mathAlphanumeric('ȷ', 'italic')!)).toBe('1D6A5');
    expect(mathAlphanumeric('\u03a2', 'bold')).toBeNull();
  });

  it('uses the Letterlike Symbols for the letters Unicode encoded there first', () => {
    expect(mathAlphanumeric('L', 'script')).toBe('ℒ');
    expect(mathAlphanumeric('R', 'double-struck')).toBe('ℝ');
    expect(mathAlphanumeric('h', 'italic')).toBe('ℎ');
    expect(mathAlphanumeric('C', 'fraktur')).toBe('ℭ');
  });

  it('has no form for characters outside those alphabets or for unknown variants', () => {
    expect(mathAlphanumeric('é', 'bold')).toBeNull();
    expect(mathAlphanumeric('+', 'bold')).toBeNull();
    expect(mathAlphanumeric('a', 'bold-unknown')).toBeNull();
    expect(mathAlphanumeric('α', 'script')).toBeNull();
  });
});
