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
 *   become the Unicode mathematical alphanumeric characters instead (𝐱, ℒ, 𝔼);
 *   text and operators with a style (`\textbf`, a bold `+`) get it from CSS.
 * - `columnalign`, `columnspacing` and `rowspacing` on `<mtable>` are not in
 *   MathML Core either; they become inline styles on each `<mtd>`.
 * - Bars used as delimiters (\lvert, \lVert) become fence characters that a
 *   browser does not space like relations, and the \hat and \tilde accents
 *   their accent-sized characters.
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
 *   `<span class="math-display" tabindex="0">` that scrolls sideways on narrow
 *   screens and can be scrolled with the keyboard (a span, so it is valid
 *   wherever the formula stood; CSS makes it a block).
 *
 * What browsers would silently draw wrong fails the build instead, naming the
 * file: a styled character with no mathematical alphanumeric form, and table
 * lines or enclosures (`array{c|c}`, `\hline`, `\boxed`, `\cancel`), which
 * MathML Core does not draw.
 */

import { VARIANT_CSS, mathAlphanumeric } from './math-alphanumeric.mjs';

/** Variants that need no change (the MathML Core default for the element). */
const PLAIN = new Set(['normal']);

/** @param {any} node @param {string} [tag] */
const isElement = (node, tag) => node?.type === 'element' && (tag === undefined || node.tagName === tag);

/** @param {string} tagName @param {any[]} children */
const el = (tagName, children, properties = {}) => ({ type: 'element', tagName, properties, children });

/** @param {any} node */
const isPlainRow = (node) => isElement(node, 'mrow') && Object.keys(node.properties ?? {}).length === 0;

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
    // Only a one-character <mi> is italic by default; elsewhere "normal" is already the default.
    if (node.tagName === 'mi' && [...textOf(node)].length === 1) node.properties.mathvariant = 'normal';
    return;
  }
  if (node.tagName === 'mtext' || node.tagName === 'mo') {
    // Text and operators keep their characters; CSS styles them.
    if (VARIANT_CSS[variant]) {
      node.properties.style = VARIANT_CSS[variant];
      return;
    }
    throw new Error(
      `${where}: ${node.tagName === 'mo' ? 'an operator' : 'text'} in a formula has the style "${variant}", which neither Unicode nor CSS can give it here. Write the formula without that style.`,
    );
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
const LINES = ['columnLines', 'columnlines', 'rowLines', 'rowlines', 'frame'];

/** An attribute's space-separated list; item i, the last one repeating. */
function listAttr(p, ...names) {
  const list = String(names.map((n) => p[n]).find((v) => v !== undefined) ?? '')
    .split(/\s+/)
    .filter(Boolean);
  for (const n of names) delete p[n];
  return (i) => list[Math.min(i, list.length - 1)];
}

/**
 * Moves `<mtable>` alignment and spacing attributes onto its cells as styles.
 * A gap between columns (rows) is split between the cells on either side;
 * the table's outer edges get none, as in MathML.
 * @param {any} table @param {string} where
 */
function applyTableLayout(table, where) {
  const p = (table.properties ??= {});
  const lines = LINES.filter((k) => p[k] !== undefined && !/^(none\s*)+$/.test(String(p[k])));
  if (lines.length) {
    throw new Error(
      `${where}: a formula table has ${lines.join(', ')} (from array{c|c} or \\hline), which browsers that implement MathML Core do not draw. Write the formula without table lines.`,
    );
  }
  const align = listAttr(p, 'columnAlign', 'columnalign');
  const colGap = listAttr(p, 'columnSpacing', 'columnspacing');
  const rowGap = listAttr(p, 'rowSpacing', 'rowspacing');
  const half = (gap) => (gap ? `calc(${gap} / 2)` : '0');
  const rows = (table.children ?? []).filter((r) => isElement(r, 'mtr'));
  rows.forEach((row, r) => {
    const cells = row.children.filter((c) => isElement(c, 'mtd'));
    cells.forEach((cell, i) => {
      const styles = [];
      const a = align(i);
      if (a && ALIGN.has(a)) styles.push(`text-align:${a}`);
      styles.push(
        `padding:${half(r > 0 && rowGap(r - 1))} ${half(i < cells.length - 1 && colGap(i))} ${half(r < rows.length - 1 && rowGap(r))} ${half(i > 0 && colGap(i - 1))}`,
      );
      cell.properties = { ...cell.properties, style: styles.join(';') };
    });
  });
}

const PRIMES = /^[\u2032-\u2034\u2057]+$/;

/** @param {any} node */
const isPrime = (node) => isElement(node, 'mo') && PRIMES.test(textOf(node));

/**
 * Primes leave the superscript and follow the base: `<msup>f ′</msup>` →
 * f′, `<msup>f <mrow>′ 2</mrow></msup>` → (f′)², `<msubsup>f a ′</msubsup>`
 * → (f′)ₐ. Returns the replacement or the node.
 * @param {any} node
 */
function unscriptPrime(node) {
  if (!isElement(node, 'msup') && !isElement(node, 'msubsup')) return node;
  const kids = (node.children ?? []).filter((c) => isElement(c));
  const script = kids[kids.length - 1];
  if (kids.length !== (node.tagName === 'msup' ? 2 : 3)) return node;
  const parts = isElement(script, 'mrow') ? script.children.filter((c) => isElement(c)) : [script];
  let n = 0;
  while (n < parts.length && isPrime(parts[n])) n++;
  if (n === 0) return node;
  const primes = parts
    .slice(0, n)
    .map((mo) => ({ ...mo, properties: { ...mo.properties, lspace: '0em', rspace: '0em' } }));
  const base = el('mrow', [kids[0], ...primes]);
  const rest = parts.slice(n);
  const sub = node.tagName === 'msubsup' ? [kids[1]] : [];
  if (rest.length === 0) return sub.length ? el('msub', [base, ...sub], node.properties) : base;
  return { ...node, children: [base, ...sub, rest.length === 1 ? rest[0] : el('mrow', rest)] };
}

// KaTeX writes \lvert…\rvert and \lVert…\rVert with the relation symbols
// ∣ (divides) and ∥ (parallel to), which a browser spaces like relations: | x |.
const BARS = { '\u2223': '|', '\u2225': '\u2016' };

/**
 * A bar used as a delimiter (KaTeX marks those `stretchy="false"` or
 * `fence="true"`; \mid keeps its relation spacing) becomes the fence
 * character with no space beside it: |x|, ‖g‖.
 * @param {any} node
 */
function fenceBar(node) {
  const p = node.properties ?? {};
  const bar = BARS[textOf(node)];
  if (!bar || !(String(p.stretchy) === 'false' || String(p.fence) === 'true')) return;
  node.children = [{ type: 'text', value: bar }];
  node.properties = { ...p, lspace: '0em', rspace: '0em' };
}

// KaTeX's \hat and \tilde accents are the ASCII ^ and ~, which a math font
// draws as full-size characters floating over the letter; the spacing
// modifier letters are the accent-sized forms.
const ACCENTS = { '^': '\u02c6', '~': '\u02dc' };

/** @param {any} node an accent `<mover>` */
function accentForm(node) {
  const mark = (node.children ?? []).filter((c) => isElement(c))[1];
  const accent = ACCENTS[mark && isElement(mark, 'mo') ? textOf(mark) : ''];
  if (accent && String(node.properties?.accent) === 'true') mark.children = [{ type: 'text', value: accent }];
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
  if (isPlainRow(node)) return unwrap(only);
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
  // <math> is itself a row: a lone plain <mrow> inside it (once <semantics> is gone) adds nothing.
  const only = isElement(node, 'math') ? node.children.filter((c) => isElement(c)) : [];
  if (only.length === 1) {
    const inner = unwrap(only[0]);
    node.children = isPlainRow(inner) ? inner.children : [inner];
  }
  if (node.children) node.children = node.children.map((c) => unscriptPrime(unwrap(c)));
  if (isElement(node, 'mtable')) applyTableLayout(node, where);
  if (isElement(node, 'menclose')) {
    throw new Error(
      `${where}: a formula uses an enclosure (\\boxed, \\cancel, …), which browsers that implement MathML Core do not draw. Write the formula without it.`,
    );
  }
  if (isElement(node) && ['mi', 'mn', 'mo', 'mtext'].includes(node.tagName)) applyVariant(node, where);
  if (isElement(node, 'mo')) fenceBar(node);
  if (isElement(node, 'mover')) accentForm(node);
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
          children[i] = display ? el('span', [math], { className: ['math-display'], tabIndex: 0 }) : math;
          continue;
        }
        walk(node);
      }
    };
    walk(tree);
  };
}
