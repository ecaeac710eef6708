import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { katexFaces, katexHtmlText } from '../../src/integrations/katex-fonts.mjs';

describe('katexHtmlText', () => {
  it('takes the text KaTeX draws, not the hidden MathML copy or the page around it', () => {
    const formula = katex.renderToString('\\sigma(x) = \\frac{1}{1+e^{-x}}');
    const text = katexHtmlText(`<p>시그모이드 ${formula} 입니다 <span>z</span></p>`);
    expect(text).toContain('σ');
    expect(text).not.toMatch(/[가-힣z]/);
    expect(text).not.toContain('\\frac');
  });

  it('handles nested spans and several formulas', () => {
    const html = '<span class="katex-html" aria-hidden="true"><span><span>a</span>b</span></span>c<span class="katex-html"><span>&amp;</span></span>';
    expect(katexHtmlText(html).replace(/\s+/g, '')).toBe('ab&');
  });
});

describe('katexFaces', () => {
  it("reads every KaTeX @font-face with the name of its metrics", async () => {
    const faces = await katexFaces();
    expect(faces).toHaveLength(20);
    expect(faces).toContainEqual({ family: 'KaTeX_Main', style: 'normal', weight: '400', display: 'block', name: 'Main-Regular' });
    expect(faces).toContainEqual(expect.objectContaining({ family: 'KaTeX_Math', style: 'italic', name: 'Math-Italic' }));
  });
});
