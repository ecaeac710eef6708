import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import rehypeMathmlCore from '../../src/plugins/rehype-mathml-core.mjs';

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

  it('styles \\textbf text and bold operators with CSS instead of characters', async () => {
    expect(await render('$\\textbf{loss}$')).toMatch(/<mtext style="font-weight:bold">loss<\/mtext>/);
    const html = await render('$\\boldsymbol{x+\\epsilon}$');
    expect(html).toContain('<mi>𝒙</mi>');
    expect(html).toMatch(/<mo style="font-weight:bold;font-style:italic">\+<\/mo>/);
    expect(html).toContain('<mi>𝝐</mi>');
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

  it('moves several primes, and primes before an exponent, out of the superscript', async () => {
    const html = await render("$f''(x) + \\mathbb{E}[f'^2] + g_a''$");
    expect(html).toContain(
      '<mrow><mi>f</mi><mo lspace="0em" rspace="0em">′</mo><mo lspace="0em" rspace="0em">′</mo></mrow>',
    );
    expect(html).toMatch(/<msup><mrow><mi>f<\/mi><mo lspace="0em" rspace="0em">′<\/mo><\/mrow><mn>2<\/mn><\/msup>/);
    expect(html).toMatch(
      /<msub><mrow><mi>g<\/mi>(<mo lspace="0em" rspace="0em">′<\/mo>){2}<\/mrow><mi>a<\/mi><\/msub>/,
    );
    expect(html).not.toMatch(/<msup><mi>[fg]<\/mi>|<msubsup>/);
  });

  it('writes bars used as delimiters as unspaced fences, and leaves \\mid a relation', async () => {
    const html = await render(
      '$\\lvert x \\rvert + \\lVert \\mathbf{g} \\rVert + \\bigl\\lvert y \\bigr\\rvert + P(a \\mid b)$',
    );
    expect(html).toMatch(
      /<mo stretchy="false" lspace="0em" rspace="0em">\|<\/mo><mi>x<\/mi><mo stretchy="false" lspace="0em" rspace="0em">\|<\/mo>/,
    );
    expect(html).toMatch(
      /<mo stretchy="false" lspace="0em" rspace="0em">‖<\/mo><mi>𝐠<\/mi><mo stretchy="false" lspace="0em" rspace="0em">‖<\/mo>/,
    );
    expect(html).toMatch(/<mo fence="true"[^>]*lspace="0em" rspace="0em">\|<\/mo><mi>y<\/mi>/);
    expect(html).toMatch(/<mi>a<\/mi><mo[^>]*>∣<\/mo><mi>b<\/mi>/);
    expect(html).not.toMatch(/∥/);
  });

  it('draws \\hat and \\tilde with accent-sized characters, not ASCII ^ and ~', async () => {
    const html = await render('$\\hat{z} + \\tilde{x} + x^2$');
    expect(html).toContain('<mover accent="true"><mi>z</mi><mo>ˆ</mo></mover>');
    expect(html).toContain('<mover accent="true"><mi>x</mi><mo>˜</mo></mover>');
  });

  it('keeps a real superscript as a superscript', async () => {
    const html = await render('$x^2 + e^{-x}$');
    expect(html).toContain('<msup><mi>x</mi><mn>2</mn></msup>');
  });

  it('moves table alignment and spacing onto the cells, where MathML Core browsers read them', async () => {
    const html = await render('$$\nf(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x < 0 \\end{cases}\n$$');
    expect(html).not.toMatch(/columnalign|rowspacing|columnspacing/);
    const styles = [...html.matchAll(/<mtd style="([^"]*)"/g)].map((m) => m[1]);
    // KaTeX's cases: rowspacing 0.36em, columnspacing 1em; the outer edges get no gap.
    expect(styles).toEqual([
      'text-align:left;padding:0 calc(1em / 2) calc(0.36em / 2) 0',
      'text-align:left;padding:0 0 calc(0.36em / 2) calc(1em / 2)',
      'text-align:left;padding:calc(0.36em / 2) calc(1em / 2) 0 0',
      'text-align:left;padding:calc(0.36em / 2) 0 0 calc(1em / 2)',
    ]);
  });

  it('gives each gap between columns its own spacing', async () => {
    const html = await render('$$\n\\begin{aligned} a &= b & c &= d \\end{aligned}\n$$');
    const styles = [...html.matchAll(/<mtd style="([^"]*)"/g)].map((m) => m[1]);
    expect(styles).toHaveLength(4);
    // aligned: columnspacing "0em 1em 0em" — the wide gap sits between the two pairs.
    expect(styles[0]).toMatch(/padding:0 calc\(0em \/ 2\) 0 0$/);
    expect(styles[1]).toMatch(/padding:0 calc\(1em \/ 2\) 0 calc\(0em \/ 2\)$/);
    expect(styles[2]).toMatch(/padding:0 calc\(0em \/ 2\) 0 calc\(1em \/ 2\)$/);
  });

  it('fails on table lines and enclosures, which MathML Core browsers do not draw', async () => {
    await expect(render('$\\begin{array}{c|c} a & b \\end{array}$', 'notes/lines.mdx')).rejects.toThrow(
      /notes\/lines\.mdx: a formula table has columnlines/,
    );
    await expect(render('$\\boxed{x}$', 'notes/box.mdx')).rejects.toThrow(
      /notes\/box\.mdx: a formula uses an enclosure/,
    );
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
    const span = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['katex'] },
      children: [{ type: 'text', value: 'not a formula' }],
    };
    const tree = { type: 'root', children: [span] };
    rehypeMathmlCore()(tree, { path: 'x.mdx' });
    expect(tree.children[0]).toBe(span);
    expect(span.children).toEqual([{ type: 'text', value: 'not a formula' }]);
  });
});

describe('rehype-mathml-core on nested formulas', () => {
  type El = { type: 'element'; tagName: string; properties: Record<string, unknown>; children: unknown[] };
  const el = (tagName: string, children: unknown[] = [], properties: Record<string, unknown> = {}): El => ({
    type: 'element',
    tagName,
    properties,
    children,
  });
  const text = (value: string) => ({ type: 'text', value });

  it('unscripts a prime that sits inside a wrapper it also removes', () => {
    // <mrow><msup>f ′</msup></mrow> beside other tokens: the lone-child mrow goes first, then the prime.
    const math = el('math', [
      el('mi', [text('x')]),
      el('mrow', [el('msup', [el('mi', [text('f')]), el('mo', [text('′')])])]),
    ]);
    const tree = { type: 'root', children: [el('span', [math], { className: ['katex'] })] };
    rehypeMathmlCore()(tree, { path: 'x.mdx' });
    const [, second] = math.children as El[];
    expect(second.tagName).toBe('mrow');
    expect(second.children.map((c) => (c as El).tagName)).toEqual(['mi', 'mo']);
    expect((second.children[1] as El).properties).toMatchObject({ lspace: '0em', rspace: '0em' });
  });
});
