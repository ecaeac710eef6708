import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { MATH_FONT_SOURCE, mathFontFaceCss, mathText } from '../../src/integrations/math-font.mjs';

/** The table tags of an sfnt (TrueType/OpenType) font file. */
function tableTags(font: Buffer): string[] {
  const count = font.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => font.toString('latin1', 12 + 16 * i, 16 + 16 * i));
}

/** Number of glyphs, from the maxp table. */
function glyphCount(font: Buffer): number {
  const tags = tableTags(font);
  const i = tags.indexOf('maxp');
  const offset = font.readUInt32BE(12 + 16 * i + 8);
  return font.readUInt16BE(offset + 4);
}

describe('mathText', () => {
  it('takes the characters formulas draw, not their TeX annotation or the text around them', () => {
    const html =
      '<p>시그모이드 <math><semantics><mrow><mi>σ</mi><mo>&lt;</mo><mn>1</mn></mrow>' +
      '<annotation encoding="application/x-tex">\\sigma &lt; 1</annotation></semantics></math> 입니다</p>' +
      '<span class="math-display"><math display="block"><mi>𝐱</mi></math></span>';
    const text = mathText(html)!;
    expect(text).toContain('σ');
    expect(text).toContain('<');
    expect(text).toContain('𝐱');
    expect(text).not.toMatch(/[가-힣]|sigma|\\/);
  });

  it('adds what the browser draws that is not in the text: italic one-letter identifiers and the radical sign', () => {
    const html =
      '<math><mi>x</mi><mo>=</mo><msqrt><mi>h</mi></msqrt><mi mathvariant="normal">d</mi><mi>sin</mi><mi>&#x3B1;</mi></math>';
    const text = mathText(html)!;
    expect(text).toContain('𝑥'); // U+1D465
    expect(text).toContain('ℎ'); // italic h lives in Letterlike Symbols
    expect(text).toContain('𝛼'); // italic alpha, from a character reference
    expect(text).toContain('√');
    expect(text).not.toContain('𝑑'); // mathvariant="normal" stays upright
    expect(text).not.toContain('𝑠'); // a multi-letter <mi> is upright
  });

  it('is null for a page without formulas, which then gets no math font', () => {
    expect(mathText('<p>수식 없는 페이지 <code>x^2</code></p>')).toBeNull();
  });
});

describe('mathFontFaceCss', () => {
  it('declares the family the formulas use, blocking briefly as the file is preloaded', () => {
    expect(mathFontFaceCss('./math-abc.woff2')).toBe(
      "@font-face{font-family:'DL Notes Math';font-style:normal;font-weight:400;font-display:block;src:url(./math-abc.woff2) format('woff2')}\n",
    );
  });
});

describe('the STIX Two Math subset', () => {
  it('keeps the OpenType MATH table and the bracket variants it points at', async () => {
    const source = readFileSync(MATH_FONT_SOURCE);
    const subset = await subsetFont(source, '(x)', { targetFormat: 'sfnt' });
    expect(tableTags(subset)).toContain('MATH');
    // '(' ')' 'x' and .notdef, plus the larger '(' and ')' glyphs and pieces that stretched brackets use.
    expect(glyphCount(subset)).toBeGreaterThan(10);
    const plain = await subsetFont(source, 'x', { targetFormat: 'sfnt' });
    expect(glyphCount(plain)).toBeLessThan(5);
  });
});
