/**
 * Rehype plugin, run after rehype-katex with `output: 'mathml'`: turns KaTeX's
 * MathML into what browsers that implement MathML Core (Chromium 109+,
 * Firefox, Safari) draw as intended.
 *
 * Why MathML only: KaTeX's HTML rendering is ~25 elements per formula, and on a
 * long note its style and layout blocked a phone's main thread for about a
 * second (docs/audit.md). The browser lays out MathML natively, with the math
 * font from src/integrations/math-font.mjs, and exposes it to screen readers
 * as it is drawn.
 *
 * What it changes:
 * - `mathvariant` other than `normal` is not part of MathML Core, so Chromium
 *   ignores it (\mathbf{x} would come out as an italic x). Letters and digits
 *   become the Unicode mathematical alphanumeric characters instead (𝐱, ℒ, 𝔼).
 * - `columnalign`, `columnspacing` and `rowspacing` on `<mtable>` are not in
 *   MathML Core either; they become inline styles on each `<mtd>`.
 * - KaTeX writes f′ as a superscript prime, as TeX does. TeX's prime glyph is
 *   a large one meant for script size; Unicode's ′ (as in STIX Two Math,
 *   which has no script-size variants in this build) is already small and
 *   raised, so as a superscript it shrinks to a speck. It follows its base
 *   instead: f′, and f′ₐ for a prime with a subscript.
 * - Fewer elements, as Chromium lays out each MathML element as a box of its
 *   own: the `<semantics>` wrapper and its TeX `<annotation>` go (the TeX is
 *   in the note's source; screen readers read the MathML), and an `<mrow>` or
 *   `<mstyle>` around a single element gives way to that element (an
 *   `<mstyle>`'s `displaystyle`/`scriptlevel` move onto it: they are global
 *   attributes in MathML Core).
 * - KaTeX wraps every formula in `<span class="katex">`. Inline formulas lose
 *   the wrapper (one element fewer each); a display formula gets a block
 *   `<span class="math-display" tabindex="0">`
 *   (a span, so it is valid wherever the formula stood; CSS makes it a block) that scrolls sideways on narrow
 *   screens and can be scrolled with the keyboard.
 *
 * A character with no mathematical alphanumeric form fails the build, naming
 * the file, the character and the variant: it would otherwise be drawn in the
 * wrong style without a word.
 */

const LATIN = {
  bold: 0x1d400,
  italic: 0x1d434,
  'bold-italic': 0x1d468,
  script: 0x1d49c,
  'bold-script': 0x1d4d0,
  fraktur: 0x1d504,
  'double-struck': 0x1d538,
  'bold-fraktur': 0x1d56c,
  'sans-serif': 0x1d5a0,
  'bold-sans-serif': 0x1d5d4,
  'sans-serif-italic': 0x1d608,
  'sans-serif-bold-italic': 0x1d63c,
  monospace: 0x1d670,
};
const DIGITS = { bold: 0x1d7ce, 'double-struck': 0x1d7d8, 'sans-serif': 0x1d7e2, 'bold-sans-serif': 0x1d7ec, monospace: 0x1d7f6 };
const GREEK = { bold: 0x1d6a8, italic: 0x1d6e2, 'bold-italic': 0x1d71c, 'bold-sans-serif': 0x1d756, 'sans-serif-bold-italic': 0x1d790 };
// Letters encoded earlier in Letterlike Symbols; their slots in the
// mathematical alphanumeric block are empty.
const HOLES = {
  italic: { h: 0x210e },
  script: { B: 0x212c, E: 0x2130, F: 0x2131, H: 0x210b, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211b, e: 0x212f, g: 0x210a, o: 0x2134 },
  fraktur: { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 },
  'double-struck': { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
};

/** Variants that need no change (the MathML Core default for the element). */
const PLAIN = new Set(['normal']);

/**
 * The mathematical alphanumeric form of one character in `variant`, or null
 * when Unicode has none.
 * @param {string} ch @param {string} variant
 */
export function mathAlphanumeric(ch, variant) {
  const hole = HOLES[variant]?.[ch];
  if (hole) return String.fromCodePoint(hole);
  const cp = ch.codePointAt(0) ?? 0;
  const latin = LATIN[variant];
  if (latin !== undefined && cp >= 0x41 && cp <= 0x5a) return String.fromCodePoint(latin + cp - 0x41);
  if (latin !== undefined && cp >= 0x61 && cp <= 0x7a) return String.fromCodePoint(latin + 26 + cp - 0x61);
  const digit = DIGITS[variant];
  if (digit !== undefined && cp >= 0x30 && cp <= 0x39) return String.fromCodePoint(digit + cp - 0x30);
  const greek = GREEK[variant];
  // Capital Alpha..Omega (U+03A2 is unassigned; its slot holds capital theta symbol), then small alpha..omega.
  if (greek !== undefined && cp >= 0x391 && cp <= 0x3a9) return String.fromCodePoint(greek + cp - 0x391);
  if (greek !== undefined && cp >= 0x3b1 && cp <= 0x3c9) return String.fromCodePoint(greek + 26 + cp - 0x3b1);
  return null;
}

/** @param {any} node */
const isElement = (node, tag) => node?.type === 'element' && (tag === undefined || node.tagName === tag);

/** @param {any} node */
function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Rewrites `mathvariant` on a token element into characters.
 * @param {any} node @param {string} where
 */
function applyVariant(node, where) {
  const variant = node.properties?.mathVariant ?? node.properties?.mathvariant;
  if (variant === undefined) return;
  delete node.properties.mathVariant;
  delete node.properties.mathvariant;
  if (PLAIN.has(variant)) {
    // Only a one-letter <mi> is italic by default; elsewhere "normal" is already the default.
    if (node.tagName === 'mi') node.properties.mathvariant = 'normal';
    return;
  }
  if (node.tagName === 'mtext') {
    // Text in a formula (\textbf{…}) keeps its characters; CSS styles it.
    const style = { bold: 'font-weight:bold', italic: 'font-style:italic', 'bold-italic': 'font-weight:bold;font-style:italic' }[variant];
    if (style) node.properties.style = style;
    return;
  }
  const text = textOf(node);
  let out = '';
  for (const ch of text) {
    const mapped = mathAlphanumeric(ch, variant);
    if (mapped === null) {
      throw new Error(
        `${where}: the formula character "${ch}" (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}) has no "${variant}" form in Unicode, ` +
          'and browsers ignore mathvariant. Write the formula without that style for this character.',
      );
    }
    out += mapped;
  }
  node.children = [{ type: 'text', value: out }];
}

const ALIGN = new Set(['left', 'center', 'right']);

/**
 * Moves `<mtable>` alignment and spacing attributes onto its cells as styles.
 * @param {any} table
 */
function applyTableLayout(table) {
  const p = table.properties ?? {};
  const aligns = String(p.columnAlign ?? p.columnalign ?? '').split(/\s+/).filter(Boolean);
  const colSpace = String(p.columnSpacing ?? p.columnspacing ?? '').split(/\s+/).filter(Boolean)[0];
  const rowSpace = String(p.rowSpacing ?? p.rowspacing ?? '').split(/\s+/).filter(Boolean)[0];
  for (const key of ['columnAlign', 'columnalign', 'columnSpacing', 'columnspacing', 'rowSpacing', 'rowspacing']) delete p[key];
  for (const row of table.children ?? []) {
    if (!isElement(row, 'mtr')) continue;
    const cells = row.children.filter((c) => isElement(c, 'mtd'));
    cells.forEach((cell, i) => {
      const styles = [];
      const align = aligns[Math.min(i, aligns.length - 1)];
      if (align && ALIGN.has(align)) styles.push(`text-align:${align}`);
      if (colSpace) styles.push(`padding-inline:calc(${colSpace} / 2)`);
      if (rowSpace) styles.push(`padding-block:calc(${rowSpace} / 2)`);
      if (styles.length) cell.properties = { ...cell.properties, style: styles.join(';') };
    });
  }
}

const PRIMES = /^[\u2032-\u2034\u2057]+$/;

/** @param {any} node */
const isPrime = (node) => isElement(node, 'mo') && PRIMES.test(textOf(node));

/**
 * `<msup>f ′</msup>` → `<mrow>f ′</mrow>`; `<msubsup>f a ′</msubsup>` →
 * `<msub><mrow>f ′</mrow> a</msub>`. Returns the replacement or the node.
 * @param {any} node
 */
function unscriptPrime(node) {
  const kids = (node.children ?? []).filter((c) => isElement(c));
  const prime = (mo) => ({ ...mo, properties: { ...mo.properties, lspace: '0em', rspace: '0em' } });
  if (isElement(node, 'msup') && kids.length === 2 && isPrime(kids[1])) {
    return { type: 'element', tagName: 'mrow', properties: {}, children: [kids[0], prime(kids[1])] };
  }
  if (isElement(node, 'msubsup') && kids.length === 3 && isPrime(kids[2])) {
    const base = { type: 'element', tagName: 'mrow', properties: {}, children: [kids[0], prime(kids[2])] };
    return { type: 'element', tagName: 'msub', properties: node.properties, children: [base, kids[1]] };
  }
  return node;
}

const MOVABLE = ['displayStyle', 'displaystyle', 'scriptLevel', 'scriptlevel'];

/**
 * A wrapper that adds nothing, replaced by its one child: `<semantics>` (its
 * annotation dropped), an `<mrow>` without attributes, an `<mstyle>` with only
 * displaystyle/scriptlevel (moved onto the child unless it sets its own).
 * @param {any} node
 */
function unwrap(node) {
  if (!isElement(node)) return node;
  const kids = (node.children ?? []).filter((c) => isElement(c) && !/^annotation/.test(c.tagName));
  const props = Object.keys(node.properties ?? {});
  if (node.tagName === 'semantics' && kids.length === 1) return unwrap(kids[0]);
  if (kids.length !== 1 || (node.children ?? []).some((c) => c.type === 'text' && c.value.trim())) return node;
  const [only] = kids;
  if (node.tagName === 'mrow' && props.length === 0) return unwrap(only);
  if (node.tagName === 'mstyle' && props.every((k) => MOVABLE.includes(k))) {
    const moved = Object.fromEntries(props.map((k) => [k, node.properties[k]]));
    const childProps = Object.keys(only.properties ?? {});
    if (childProps.some((k) => MOVABLE.includes(k))) return node;
    return unwrap({ ...only, properties: { ...only.properties, ...moved } });
  }
  return node;
}

/** @param {any} node @param {string} where */
function rewriteMath(node, where) {
  // <math> is itself a row: its <semantics> and a lone plain <mrow> inside add nothing.
  for (let only; isElement(node, 'math') && (only = node.children.filter((c) => isElement(c))).length === 1; ) {
    const [wrapper] = only;
    const plainRow = isElement(wrapper, 'mrow') && !Object.keys(wrapper.properties ?? {}).length;
    if (!isElement(wrapper, 'semantics') && !plainRow) break;
    node.children = wrapper.children.filter((c) => !isElement(c) || !/^annotation/.test(c.tagName));
  }
  if (node.children) node.children = node.children.map((c) => unscriptPrime(unwrap(c)));
  if (isElement(node, 'mtable')) applyTableLayout(node);
  if (isElement(node) && ['mi', 'mn', 'mo', 'mtext'].includes(node.tagName)) applyVariant(node, where);
  for (const child of node.children ?? []) rewriteMath(child, where);
}

/** @returns {(tree: any, file: any) => void} */
export default function rehypeMathmlCore() {
  return (tree, file) => {
    const where = file?.path ?? 'a formula';
    /** @param {any} parent */
    const walk = (parent) => {
      const children = parent.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const node = children[i];
        if (!isElement(node)) continue;
        const classes = node.properties?.className ?? [];
        const math = node.children?.find((c) => isElement(c, 'math'));
        if (node.tagName === 'span' && classes.includes('katex') && math) {
          rewriteMath(math, where);
          // The HTML parser puts <math> in the MathML namespace by itself.
          delete math.properties.xmlns;
          const display = math.properties?.display === 'block';
          children[i] = display
            ? { type: 'element', tagName: 'span', properties: { className: ['math-display'], tabIndex: 0 }, children: [math] }
            : math;
          continue;
        }
        walk(node);
      }
    };
    walk(tree);
  };
}
