/**
 * Number formatting for chart labels and readouts, on d3-format (true minus sign, trimmed
 * zeros). Pure functions, no DOM. Nothing here ever returns "NaN" or "Infinity": callers get
 * Korean words instead.
 */
import { format } from 'd3-format';

/** Superscript digits, indexed by the digit. */
export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The smallest magnitude we print as a number; below it (and 0) reads "10⁻³⁰⁰ 미만". */
const UNDERFLOW = 1e-300;
export const UNDERFLOW_TEXT = '10⁻³⁰⁰ 미만';
export const OVERFLOW_TEXT = '10³⁰⁰ 초과';
const NOT_A_NUMBER_TEXT = '계산 불가';

/** U+2212 MINUS SIGN, which reads better than a hyphen next to digits. */
const MINUS = '−';

/** An integer written in superscript digits: -15 → "⁻¹⁵". */
export function superscript(n: number): string {
  return [...String(Math.trunc(n))].map((c) => (c === '-' ? '⁻' : (SUPERSCRIPT_DIGITS[Number(c)] ?? c))).join('');
}

/** 10 to an integer power with a superscript exponent: -15 → "10⁻¹⁵". */
export function pow10(exponent: number): string {
  return `10${superscript(exponent)}`;
}

/** A decimal with a true minus sign and no trailing zeros: fixed(-0.5, 3) → "−0.5". */
export function fixed(x: number, digits = 3): string {
  if (Number.isNaN(x)) return NOT_A_NUMBER_TEXT;
  if (!Number.isFinite(x)) return x > 0 ? OVERFLOW_TEXT : `${MINUS}${OVERFLOW_TEXT}`;
  return format(`.${digits}~f`)(x);
}

/**
 * Scientific notation with superscripts for very small or large magnitudes,
 * plain decimals otherwise: 1.2e-15 → "1.2×10⁻¹⁵", 0.25 → "0.25", 1e-20 → "10⁻²⁰".
 * 0 (or anything below 1e-300 in magnitude) → "10⁻³⁰⁰ 미만".
 */
export function sci(x: number, significant = 2): string {
  if (Number.isNaN(x)) return NOT_A_NUMBER_TEXT;
  if (!Number.isFinite(x)) return x > 0 ? OVERFLOW_TEXT : `${MINUS}${OVERFLOW_TEXT}`;
  const sign = x < 0 ? MINUS : '';
  const a = Math.abs(x);
  if (a < UNDERFLOW) return UNDERFLOW_TEXT;
  if (a >= 1e-3 && a < 1e4) {
    return sign + fixed(Number(a.toPrecision(significant)), 6);
  }
  const [m, e] = format(`.${significant - 1}~e`)(a).split('e');
  return m === '1' ? `${sign}${pow10(Number(e))}` : `${sign}${m}×${pow10(Number(e))}`;
}

/** Like `sci` but says "배" (times): 1.2e-15 → "1.2×10⁻¹⁵배"; 0 → "10⁻³⁰⁰ 미만". */
export function times(x: number, significant = 2): string {
  const s = sci(x, significant);
  return s === UNDERFLOW_TEXT || s === NOT_A_NUMBER_TEXT || s.endsWith(OVERFLOW_TEXT) ? s : `${s}배`;
}

/** A tick label for a log axis at a power of ten: 1e-15 → "10⁻¹⁵", 1 → "1", 10 → "10". */
export function logTick(value: number): string {
  if (!(value > 0) || !Number.isFinite(value)) return '';
  const e = Math.round(Math.log10(value));
  if (e === 0) return '1';
  if (e === 1) return '10';
  return pow10(e);
}

/** A fraction as a percentage: 0.123 → "12%". */
export function percent(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER_TEXT;
  return `${fixed(x * 100, digits)}%`;
}

/**
 * Rough advance width of text at font size `size`: Hangul and other wide characters 1 em,
 * everything else 0.6 em. Errs wide, so wrapped lines and shade labels never overrun.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x1100 ? 1 : 0.6;
  return em * size;
}

/** A value read off a curve: exact 0 stays "0", tiny values use superscripts, others 3 significant digits. */
export function num(x: number, significant = 3): string {
  return x === 0 ? '0' : sci(x, significant);
}
