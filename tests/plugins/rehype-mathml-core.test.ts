import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import rehypeMathmlCore, { mathAlphanumeric } from '../../src/plugins/rehype-mathml-core.mjs';

/** Markdown → HTML through the same math plugins, in the same order, as astro.config.mjs. */
async function render(markdown: string, path = 'notes/example.mdx'): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { strict: 'error', output: 'mathml' })
    .use(rehypeMathmlCore)
    .use(rehypeStringify)
    .process({ value: markdown, path });
  return String(file);
}

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

describe('rehype-mathml-core', () => {
  it('writes styled letters as characters, since browsers ignore mathvariant', async () => {
    const html = await render('$\\mathbf{x} + \\mathcal{L} + \\mathbb{E}$');
    expect(html).toContain('<mi>𝐱</mi>');
    expect(html).toContain('<mi>ℒ</mi>');
    expect(html).toContain('<mi>𝔼</mi>');
    expect(html).not.toMatch(/mathvariant="(bold|script|double-struck)"/i);
  });

  it('keeps mathvariant="normal" only where it changes something: a one-letter <mi>', async () => {
    const html = await render('$\\mathrm{d}x \\ne \\operatorname{ReLU}$');
    expect(html).toContain('<mi mathvariant="normal">d</mi>');
    expect(html).not.toMatch(/<mo[^>]*mathvariant/);
  });

  it('styles \\textbf text with CSS instead of characters', async () => {
    const html = await render('$\\textbf{loss}$');
    expect(html).toMatch(/<mtext style="font-weight:bold">loss<\/mtext>/);
  });

  it('fails on a styled character Unicode has no form for, naming the file, the character and the variant', async () => {
    await expect(render('$\\mathbb{\\alpha}$', 'src/content/docs/notes/bad.mdx')).rejects.toThrow(
      /src\/content\/docs\/notes\/bad\.mdx: the formula character "α" \(U\+3B1\) has no "double-struck" form/,
    );
  });

  it('puts a prime after its base instead of shrinking it into a superscript', async () => {
    const html = await render("$\\sigma'(x)$ and $f_a'$");
    expect(html).toContain('<mi>σ</mi><mo lspace="0em" rspace="0em">′</mo>');
    expect(html).not.toMatch(/<msup><mi>σ<\/mi>/);
    // f′ₐ: the subscript stays, attached after the prime.
    expect(html).toMatch(/<msub><mrow><mi>f<\/mi><mo[^>]*>′<\/mo><\/mrow><mi>a<\/mi><\/msub>/);
  });

  it('keeps a real superscript as a superscript', async () => {
    const html = await render('$x^2 + e^{-x}$');
    expect(html).toContain('<msup><mi>x</mi><mn>2</mn></msup>');
  });

  it('moves table alignment and spacing onto the cells, where MathML Core browsers read them', async () => {
    const html = await render('$$\nf(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x < 0 \\end{cases}\n$$');
    expect(html).not.toMatch(/columnalign|rowspacing|columnspacing/);
    const cells = html.match(/<mtd[^>]*>/g) ?? [];
    expect(cells).toHaveLength(4);
    for (const cell of cells) expect(cell).toMatch(/style="text-align:left;padding-inline:calc\([\d.]+em \/ 2\);padding-block:calc\([\d.]+em \/ 2\)"/);
  });

  it('drops wrappers that add nothing: semantics, the TeX annotation, lone mrow and mstyle', async () => {
    const html = await render('$\\tfrac{1}{2} + x$');
    expect(html).not.toMatch(/<semantics|<annotation|\\tfrac|<mstyle/);
    expect(html).toMatch(/<mfrac (scriptlevel="0" displaystyle="false"|displaystyle="false" scriptlevel="0")>/);
    expect(html).toMatch(/^<p><math><mfrac/);
  });

  it('writes inline formulas as bare <math> and display formulas in a focusable block that can scroll', async () => {
    const html = await render('글 $x$ 입니다.\n\n$$\ny = x\n$$');
    expect(html).toContain('<p>글 <math><mi>x</mi></math> 입니다.</p>');
    expect(html).toMatch(/<span class="math-display" tabindex="0"><math display="block">/);
    expect(html).not.toContain('class="katex"');
    expect(html).not.toContain('xmlns');
  });

  it('leaves a span that merely shares the class name alone', () => {
    const span = { type: 'element', tagName: 'span', properties: { className: ['katex'] }, children: [{ type: 'text', value: 'not a formula' }] };
    const tree = { type: 'root', children: [span] };
    rehypeMathmlCore()(tree, { path: 'x.mdx' });
    expect(tree.children[0]).toBe(span);
    expect(span.children).toEqual([{ type: 'text', value: 'not a formula' }]);
  });
});

describe('rehype-mathml-core on nested formulas', () => {
  const el = (tagName: string, children: unknown[] = [], properties: Record<string, unknown> = {}) => ({ type: 'element', tagName, properties, children });
  const text = (value: string) => ({ type: 'text', value });

  it('unscripts a prime that sits inside a wrapper it also removes', () => {
    // <mrow><msup>f ′</msup></mrow> beside other tokens: the lone-child mrow goes first, then the prime.
    const math = el('math', [el('mi', [text('x')]), el('mrow', [el('msup', [el('mi', [text('f')]), el('mo', [text('′')])])])]);
    const tree = { type: 'root', children: [el('span', [math], { className: ['katex'] })] };
    rehypeMathmlCore()(tree, { path: 'x.mdx' });
    const [, second] = math.children as any[];
    expect(second.tagName).toBe('mrow');
    expect(second.children.map((c: any) => c.tagName)).toEqual(['mi', 'mo']);
    expect(second.children[1].properties).toMatchObject({ lspace: '0em', rspace: '0em' });
  });
});
