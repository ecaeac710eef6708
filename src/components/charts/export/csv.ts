/**
 * CSV of a chart's data table, for spreadsheets. Pure functions, no DOM.
 *
 * The table shows numbers for reading ("−1.2×10⁻¹⁵", "12.5%"); a spreadsheet
 * needs them as numbers ("-1.2e-15", "12.5"). Each cell is transcribed at the
 * precision it is shown with, so a CSV row holds the same values as its table
 * row. Text that is not a number ("10⁻³⁰⁰ 미만") stays as it is.
 */
import { SUPERSCRIPT_DIGITS } from '../shared/format';

/** U+FEFF: Excel reads a CSV as UTF-8 (and Hangul correctly) only when the file starts with it. */
export const BOM = '\ufeff';
/** mantissa (optional) × 10 to a superscript power, as written by format.ts: "1.2×10⁻¹⁵", "10⁻²⁰", "−3×10⁴". */
const SCIENTIFIC = /^([−-]?)(?:(\d+(?:\.\d+)?)×)?10(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/;
const DECIMAL = /^[−-]?\d+(?:\.\d+)?$/;
const PERCENT = /^([−-]?\d+(?:\.\d+)?)%$/;

/** U+2212 and superscripts → ASCII: "−0.5" → "-0.5", "⁻¹⁵" → "-15". */
function ascii(text: string): string {
  let out = '';
  for (const ch of text) {
    const d = SUPERSCRIPT_DIGITS.indexOf(ch);
    out += d >= 0 ? String(d) : ch === '−' || ch === '⁻' ? '-' : ch;
  }
  return out;
}

/**
 * One table cell as a spreadsheet value: "−1.2×10⁻¹⁵" → "-1.2e-15", "−0.5" → "-0.5",
 * "12.5%" → "12.5" (the column header then says "(%)"), anything else unchanged.
 */
export function plainNumber(cell: string): string {
  const s = cell.trim();
  const sci = SCIENTIFIC.exec(s);
  if (sci) return ascii(`${sci[1]}${sci[2] ?? '1'}e${sci[3]}`);
  if (DECIMAL.test(s)) return ascii(s);
  const pct = PERCENT.exec(s);
  if (pct) return ascii(pct[1]);
  return cell;
}

const isPercent = (cell: string) => PERCENT.test(cell.trim());

/** A field quoted when it holds a comma, a quote, a line break or edge spaces (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvTable {
  /** Korean column headers, as in the data table. */
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}

/**
 * The table as CSV text: BOM, header line, one line per row, CRLF line ends.
 * A column whose cells are all percentages gets " (%)" in its header and bare numbers.
 */
export function buildCsv({ headers, rows }: CsvTable): string {
  const percentColumn = headers.map(
    (h, c) => !h.includes('%') && rows.length > 0 && rows.every((r) => isPercent(r[c] ?? '')),
  );
  const head = headers.map((h, c) => (percentColumn[c] ? `${h} (%)` : h));
  const lines = [head, ...rows.map((r) => headers.map((_, c) => plainNumber(r[c] ?? '')))];
  return BOM + lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}
