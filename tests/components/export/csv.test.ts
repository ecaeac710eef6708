/** CSV of a chart's data table: BOM, quoting, Korean headers, numbers a spreadsheet reads. */
import { describe, expect, test } from 'vitest';
import { BOM, buildCsv, csvField, plainNumber } from '../../../src/components/charts/export/csv';
import { fixed, percent, sci, UNDERFLOW_TEXT } from '../../../src/components/charts/shared/format';

/** Splits CSV text into records and fields (RFC 4180 quoting), independently of csv.ts. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('plainNumber', () => {
  test('numbers written by format.ts become numbers with the value they show', () => {
    for (const x of [1.234e-15, -3.4e7, 0.25, -0.5, 12345, 7e-300, 1e-20, 2.5e12]) {
      for (const [shown, value] of [
        [sci(x, 3), x.toPrecision(3)],
        [fixed(x, 2), x.toFixed(2)],
      ] as const) {
        const plain = plainNumber(shown);
        expect(plain, shown).toMatch(/^-?\d+(\.\d+)?(e-?\d+)?$/);
        expect(Number(plain), shown).toBe(Number(value));
      }
    }
  });

  test('a decimal is never read as a power of ten (105 stays 105, 10⁵ is 1e5)', () => {
    expect(plainNumber('105')).toBe('105');
    expect(Number(plainNumber(sci(1e5, 2)))).toBe(1e5);
    expect(plainNumber('10')).toBe('10');
  });

  test('percentages lose the sign, and words stay words', () => {
    expect(plainNumber(percent(0.125, 1))).toBe('12.5');
    expect(plainNumber(UNDERFLOW_TEXT)).toBe(UNDERFLOW_TEXT);
    expect(plainNumber('시그모이드')).toBe('시그모이드');
  });
});

describe('buildCsv', () => {
  const table = {
    headers: ['층', '‖∂L/∂h‖', '포화된 유닛 비율'],
    rows: [
      ['1', sci(1.2e-15, 3), percent(0.5, 1)],
      ['2', UNDERFLOW_TEXT, percent(0.125, 1)],
    ],
  };

  test('starts with the UTF-8 BOM and ends every line with CRLF', () => {
    const csv = buildCsv(table);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).startsWith(BOM)).toBe(false);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(table.rows.length + 2);
    // Encoded as UTF-8, the file starts with EF BB BF (what Excel looks for).
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('keeps the Korean headers and marks a percentage column with its unit', () => {
    const [head, ...rows] = parseCsv(buildCsv(table).slice(BOM.length));
    expect(head).toEqual(['층', '‖∂L/∂h‖', '포화된 유닛 비율 (%)']);
    expect(rows).toEqual(table.rows.map((r) => r.map(plainNumber)));
    expect(Number(rows[0][1])).toBe(1.2e-15);
  });

  test('quotes fields with commas, quotes, line breaks or edge spaces, and round-trips them', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('그는 "예"라고')).toBe('"그는 ""예""라고"');
    expect(csvField(' x')).toBe('" x"');
    expect(csvField('시그모이드 f(x)')).toBe('시그모이드 f(x)');
    const tricky = { headers: ['이름, 단위', '설명'], rows: [['"따옴표"', '두\r\n줄']] };
    const [head, row] = parseCsv(buildCsv(tricky).slice(BOM.length));
    expect(head).toEqual(tricky.headers);
    expect(row).toEqual(tricky.rows[0]);
  });
});
