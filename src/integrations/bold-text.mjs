/**
 * Which text of a built page is drawn semibold, decided from the built CSS itself.
 *
 * Why from the CSS: a hand-kept list of "bold tags" missed the home page's note-card titles
 * (`.note-list a { font-weight: 600 }`), so their glyphs were drawn from the regular file.
 * Rendering every page in a browser would be exact but costs seconds per page; instead every
 * style rule of the page's stylesheets that sets a weight ≥ 500 (directly, through `font`, or
 * through a custom property) contributes its selector's *subject* (the last compound: `a` of
 * `.note-list a`), and all text inside an element matching a subject counts as bold.
 * Dropping the ancestors, pseudo-classes (`:hover`, `:not(…)`) and pseudo-elements only ever
 * over-collects: a glyph shipped but unused costs bytes; one used but not shipped is drawn in
 * the wrong weight. The browser's own defaults (b, strong, th, h1–h6) are included.
 */
import { decodeEntities } from './html-text.mjs';

const UA_BOLD = 'b, strong, th, h1, h2, h3, h4, h5, h6';

/** Splits at `sep` characters outside (), [] and quotes. */
function splitTop(s, sep) {
  const out = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && sep.test(ch)) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** The last compound of a complex selector: `.a > b:hover` → `b:hover`. */
function subject(selector) {
  const parts = splitTop(selector.replace(/\s*([>+~])\s*/g, ' '), /\s/);
  return parts.at(-1) ?? '';
}

/**
 * A compound selector reduced to what can be matched on a start tag, as alternatives:
 * `:is(h1,h2)` and `:where(…)` expand, other pseudo-classes and pseudo-elements drop.
 * @returns {{ tag: string, id: string, classes: string[], attrs: { name: string, value: string | null }[] }[]}
 */
export function compileCompound(compound) {
  let alts = [''];
  let rest = compound;
  const fn = /:(is|where|matches|-webkit-any)\(/i;
  for (let m = fn.exec(rest); m; m = fn.exec(rest)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < rest.length && depth > 0; i++) depth += rest[i] === '(' ? 1 : rest[i] === ')' ? -1 : 0;
    const inner = splitTop(rest.slice(m.index + m[0].length, i - 1), /,/).map(subject);
    rest = rest.slice(0, m.index) + rest.slice(i);
    alts = alts.flatMap((a) => inner.map((x) => a + x));
  }
  // Other functional pseudo-classes (:not, :has, :nth-child…) and plain ones only narrow the match.
  const strip = (s) => s.replace(/::?[\w-]+\((?:[^()]|\([^()]*\))*\)/g, '').replace(/::?[\w-]+/g, '');
  return alts.map((a) => parseCompound(strip(rest + a))).filter(Boolean);
}

function parseCompound(s) {
  const out = { tag: '', id: '', classes: [], attrs: [] };
  const re =
    /^([a-zA-Z][\w-]*|\*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:[~|^$*]?=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+)))?\s*(?:[is]\s*)?\]/g;
  for (const m of s.matchAll(re)) {
    if (m[1]) out.tag = m[1] === '*' ? '' : m[1].toLowerCase();
    else if (m[2]) out.id = m[2];
    else if (m[3]) out.classes.push(m[3]);
    else if (m[4]) out.attrs.push({ name: m[4].toLowerCase(), value: m[5] ?? m[6] ?? m[7] ?? null });
  }
  return out;
}

const BOLD_VALUE = /^(bold|bolder|[5-9]\d\d)$/;

/** True when a font-weight (or font shorthand) value is ≥ 500, resolving var() through `vars`. */
function isBold(value, vars) {
  return value
    .replace(/!important/, '')
    .split(/[\s,()]+/)
    .some((tok) => BOLD_VALUE.test(tok) || (tok.startsWith('--') && vars.has(tok)));
}

/**
 * The bold subjects of a stylesheet (and of the browser's defaults).
 * @param {string} css
 */
export function boldMatchers(css) {
  css = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const vars = new Set();
  for (const m of css.matchAll(/(--[\w-]+)\s*:\s*([^;}]+)/g)) if (isBold(m[2], vars)) vars.add(m[1]);
  const selectors = [UA_BOLD];
  // Walk the blocks: at-rules nest, a style rule's declarations are its text outside nested blocks.
  const stack = [];
  let buf = '';
  const flushDecls = () => {
    const top = stack.at(-1);
    if (top?.selector !== undefined) top.decls += buf + ';';
    buf = '';
  };
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '"' || ch === "'") {
      const end = css.indexOf(ch, i + 1);
      buf += css.slice(i, end < 0 ? css.length : end + 1);
      i = end < 0 ? css.length : end;
    } else if (ch === '{') {
      const prelude = buf.trim();
      buf = '';
      const parent = stack.findLast((b) => b.selector !== undefined);
      stack.push(
        prelude.startsWith('@')
          ? { at: prelude }
          : { selector: prelude.includes('&') && parent ? prelude.replace(/&/g, parent.selector) : prelude, decls: '' },
      );
    } else if (ch === '}') {
      flushDecls();
      const rule = stack.pop();
      if (rule?.selector !== undefined && /(?:^|;)\s*font(?:-weight)?\s*:([^;]*)/.test(rule.decls)) {
        for (const m of rule.decls.matchAll(/(?:^|;)\s*font(?:-weight)?\s*:([^;]*)/g)) {
          if (isBold(m[1], vars)) {
            selectors.push(rule.selector);
            break;
          }
        }
      }
    } else if (ch === ';') flushDecls();
    else buf += ch;
  }
  return selectors.flatMap((list) => splitTop(list, /,/)).flatMap((sel) => compileCompound(subject(sel)));
}

const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'template']);

function matches(m, tag, attrs) {
  if (m.tag && m.tag !== tag) return false;
  if (m.id && attrs.get('id') !== m.id) return false;
  if (m.classes.length) {
    const cls = (attrs.get('class') ?? '').split(/\s+/);
    if (!m.classes.every((c) => cls.includes(c))) return false;
  }
  return m.attrs.every(
    (a) =>
      attrs.has(a.name) &&
      (a.value === null || attrs.get(a.name) === a.value || (attrs.get(a.name) ?? '').includes(a.value)),
  );
}

/**
 * The text of a page inside elements that the `matchers` make bold.
 * @param {string} html
 * @param {ReturnType<typeof boldMatchers>} matchers
 */
export function boldTextOf(html, matchers) {
  const body = html.replace(/<!--[\s\S]*?-->/g, ' ');
  const lower = body.toLowerCase();
  // Matchers by tag name ('' for any tag): most start tags are rejected without reading attributes.
  const byTag = new Map();
  for (const m of matchers) byTag.set(m.tag, [...(byTag.get(m.tag) ?? []), m]);
  const anyTag = byTag.get('') ?? [];
  const anyClasses = anyTag.map((m) => m.classes[0]).filter(Boolean);
  const anyWithoutClass = anyTag.some((m) => !m.classes.length);
  const stack = [];
  let bold = 0;
  let out = '';
  const tokens = /<(\/?)([a-zA-Z][\w:-]*)([^>]*)>|([^<]+)/g;
  for (let m = tokens.exec(body); m; m = tokens.exec(body)) {
    if (m[4] !== undefined) {
      if (bold > 0) out += m[4];
      continue;
    }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.findLastIndex((e) => e.tag === tag);
      if (at < 0) continue;
      for (const e of stack.splice(at)) bold -= e.bold ? 1 : 0;
      continue;
    }
    if (RAW.has(tag)) {
      const end = lower.indexOf(`</${tag}`, tokens.lastIndex);
      tokens.lastIndex = end < 0 ? body.length : end;
      continue;
    }
    if (VOID.has(tag) || /\/\s*$/.test(m[3])) continue;
    const candidates = byTag.get(tag);
    let isBoldEl = false;
    if (candidates || anyWithoutClass || anyClasses.some((c) => m[3].includes(c))) {
      const attrs = new Map();
      for (const a of m[3].matchAll(ATTR)) attrs.set(a[1].toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
      isBoldEl = (candidates ?? []).some((x) => matches(x, tag, attrs)) || anyTag.some((x) => matches(x, tag, attrs));
    }
    stack.push({ tag, bold: isBoldEl });
    if (isBoldEl) bold++;
  }
  return decodeEntities(out);
}
