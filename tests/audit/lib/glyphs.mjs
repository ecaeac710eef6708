/**
 * Font coverage: which font drew each character of a page, in Chromium.
 *
 * Two independent answers, because each alone misses a case:
 * - The DevTools protocol (`CSS.getPlatformFontsForNode`) names the font that drew a node's
 *   glyphs, so it catches a character drawn by a system fallback font. It cannot see a
 *   character that no installed font has: Chromium then draws the web font's own empty glyph
 *   and reports the web font.
 * - The character maps of the site's own font files, walked the way the browser walks the
 *   page's `font-family` stack and its `@font-face` rules (weight, unicode-range, last rule
 *   first). This catches the empty glyph, and a semibold title drawn by the regular file.
 *
 * Every distinct (character, font stack, weight, style) of the page is probed on its own in
 * a span with exactly those properties, so each answer is per character. The page's text is
 * collected after hydration and again after every chart state `driveCharts` sets.
 */
import { create } from 'fontkitten';
import { mathAlphanumeric } from '../../../src/plugins/math-alphanumeric.mjs';
import { driveCharts } from './chart-states.mjs';

/**
 * In the page: every character of text the reader can see or reveal (hidden menus count;
 * scripts do not), with the computed font properties that decide its font. Pseudo-element
 * strings and form controls' values and options count too.
 * @returns {{ ch: string, family: string, weight: number, style: string, mathAuto: boolean, where: string }[]}
 */
export function collectGlyphUses() {
  const seen = new Map();
  const where = (el) => {
    const cls =
      typeof el.className === 'string' && el.className.trim()
        ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.')
        : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls} "${text}"`;
  };
  const add = (text, el, pseudo) => {
    const cs = getComputedStyle(el, pseudo);
    if (cs.display === 'none' && pseudo) return;
    // A one-letter <mi> without mathvariant is drawn as its italic character (𝑥 for x).
    const mathAuto = cs.textTransform === 'math-auto' && [...el.textContent.trim()].length === 1;
    for (const ch of text) {
      if (/[\p{Cc}\p{Zl}\p{Zp}\s]/u.test(ch) && ch !== ' ' && ch !== '\u00a0' && ch !== '\u2009' && ch !== '\u202f')
        continue;
      const key = `${ch}|${cs.fontFamily}|${cs.fontWeight}|${cs.fontStyle}|${mathAuto}`;
      if (!seen.has(key))
        seen.set(key, {
          ch,
          family: cs.fontFamily,
          weight: Number(cs.fontWeight),
          style: cs.fontStyle,
          mathAuto,
          where: where(el),
        });
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, noscript, template, annotation, annotation-xml, #__glyph-probe')) continue;
    add(n.data, el);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('#__glyph-probe')) continue;
    for (const pseudo of ['::before', '::after']) {
      const c = getComputedStyle(el, pseudo).content;
      if (/^".*"$/.test(c)) add(c.slice(1, -1), el, pseudo);
    }
    if (el.localName === 'input' && !['range', 'checkbox', 'radio', 'hidden'].includes(el.type))
      add(el.value + (el.placeholder ?? ''), el);
    if (el.localName === 'select') for (const o of el.options) add(o.text, el);
  }
  return [...seen.values()];
}

/** In the page: the site's @font-face rules, in declaration order. */
export function readFontFaces() {
  const out = [];
  for (const sheet of document.styleSheets) {
    let rules;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const r of rules) {
      if (!(r instanceof CSSFontFaceRule)) continue;
      const src = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(r.style.getPropertyValue('src'))?.[1];
      if (!src) continue;
      out.push({
        family: r.style.getPropertyValue('font-family').replace(/^["']|["']$/g, ''),
        weight: r.style.getPropertyValue('font-weight') || '400',
        style: r.style.getPropertyValue('font-style') || 'normal',
        range: r.style.getPropertyValue('unicode-range') || '',
        url: new URL(src, sheet.href ?? location.href).href,
      });
    }
  }
  return out;
}

/** `U+AC00-D7A3, U+20, U+4??` → [[lo, hi], …]; empty means every code point. */
export function parseUnicodeRange(value) {
  if (!value.trim()) return [[0, 0x10ffff]];
  return value.split(',').map((part) => {
    const p = part.trim().replace(/^u\+/i, '');
    if (p.includes('?')) return [parseInt(p.replace(/\?/g, '0'), 16), parseInt(p.replace(/\?/g, 'F'), 16)];
    const [lo, hi = lo] = p.split('-');
    return [parseInt(lo, 16), parseInt(hi, 16)];
  });
}

/** `"A", B, serif` → ['A', 'B', 'serif'] */
export function familyStack(value) {
  return value.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
}

const fileCache = new Map();
/** Code points and weight class of a font file, fetched once per URL. */
async function fontFile(url) {
  if (!fileCache.has(url)) {
    fileCache.set(
      url,
      fetch(url)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((buf) => {
          const font = create(Buffer.from(buf));
          // The typeface without its style: NotoSansKR-SemiBold → NotoSansKR.
          const typeface = String(font.postscriptName ?? '').split('-')[0];
          return {
            cps: new Set(font.characterSet),
            weightClass: font['OS/2']?.usWeightClass ?? 400,
            typeface,
            name: url.split('/').pop(),
          };
        }),
    );
  }
  return fileCache.get(url);
}

const weightRange = (w) => {
  const [lo, hi = lo] = w.split(/\s+/).map(Number);
  return [lo, hi];
};

/**
 * The file (by character map) that draws `use` under the page's font faces, following CSS
 * font matching as Chromium does it: within a family, faces with identical descriptors form
 * one composite font, and only the composite of the nearest weight is used (a face declared
 * `font-weight: 100 900` does not join the `400` ones). Inside it, the last declared face
 * whose unicode-range holds the character and whose file has it draws it; failing that, the
 * next family of the stack. When two composites are equally near, the character must be
 * drawn by both (which one Chromium takes is not specified).
 * @returns {Promise<{ ours: boolean, family: string, file?: { name: string, weightClass: number, typeface: string }, files?: object[] }>}
 */
export async function resolveByCmap(use, faces) {
  const cp = use.ch.codePointAt(0);
  for (const family of familyStack(use.family)) {
    const all = faces.filter((f) => f.family === family);
    if (all.length === 0) return { ours: false, family };
    // Without a face of the wanted style the browser slants a normal one.
    const styled = all.filter((f) => f.style === (use.style === 'normal' ? 'normal' : 'italic'));
    const own = styled.length ? styled : all;
    const dist = (f) => {
      const [lo, hi] = weightRange(f.weight);
      return use.weight < lo ? lo - use.weight : use.weight > hi ? use.weight - hi : 0;
    };
    const best = Math.min(...own.map(dist));
    const files = await Promise.all(own.map((f) => fontFile(f.url)));
    const groups = new Map();
    own.forEach((f, i) => {
      if (dist(f) !== best) return;
      if (!groups.has(f.weight)) groups.set(f.weight, []);
      groups.get(f.weight).unshift({ f, file: files[i] });
    });
    const drawnBy = [...groups.values()].map(
      (faces) =>
        faces.find(
          ({ f, file }) => parseUnicodeRange(f.range).some(([lo, hi]) => cp >= lo && cp <= hi) && file.cps.has(cp),
        )?.file,
    );
    if (drawnBy.every(Boolean)) return { ours: true, family, file: drawnBy[0], files };
  }
  return { ours: false, family: '(no font in the stack)' };
}

/** The character as drawn: a one-letter <mi> is drawn in italic (text-transform: math-auto). */
export function drawnChar(use) {
  return use.mathAuto ? (mathAlphanumeric(use.ch, 'italic') ?? use.ch) : use.ch;
}

/**
 * Probes each use in its own span (same font properties) and asks the DevTools protocol
 * which fonts drew it. Returns, per use, the system fonts that drew any glyph.
 * @param {import('@playwright/test').Page} page
 */
export async function systemFontsPerUse(page, uses) {
  const probes = uses.map((u) => ({ text: drawnChar(u), family: u.family, weight: u.weight, style: u.style }));
  await page.evaluate(async (list) => {
    document.getElementById('__glyph-probe')?.remove();
    const box = document.createElement('div');
    box.id = '__glyph-probe';
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText =
      'position:absolute;left:0;top:0;width:10px;overflow:hidden;opacity:0;pointer-events:none;font-size:16px;white-space:pre';
    for (const p of list) {
      const s = document.createElement('span');
      s.textContent = p.text;
      s.style.fontFamily = p.family;
      s.style.fontWeight = String(p.weight);
      s.style.fontStyle = p.style;
      box.append(s);
    }
    document.body.append(box);
    await document.fonts.ready;
  }, probes);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: '#__glyph-probe > span',
    });
    const out = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      out.push(fonts.filter((f) => !f.isCustomFont && f.glyphCount > 0).map((f) => f.familyName));
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
    await page.evaluate(() => document.getElementById('__glyph-probe')?.remove());
  }
}

const isAscii = (ch) => ch.codePointAt(0) < 0x7f;
const SEMIBOLD = 550;

/**
 * Judges every use; returns one line per kind of miss, naming the characters and where they
 * are. Text whose stack starts with a family that is not the site's (code: the system
 * monospace, by design) must still draw every non-ASCII character in the site's fonts.
 * @param {{ uses: object[], faces: object[], systemFonts: string[][] }} o
 */
export async function judgeGlyphs({ uses, faces, systemFonts }) {
  const ownFamilies = new Set(faces.map((f) => f.family));
  const groups = new Map();
  const miss = (kind, u) => {
    if (!groups.has(kind)) groups.set(kind, { chars: new Set(), where: new Set() });
    const g = groups.get(kind);
    g.chars.add(drawnChar(u));
    if (g.where.size < 3) g.where.add(u.where);
  };
  for (let i = 0; i < uses.length; i++) {
    const u = uses[i];
    const designSystem = !ownFamilies.has(familyStack(u.family)[0]);
    if (designSystem && isAscii(u.ch)) continue;
    if (u.ch === ' ' || u.ch === '\u00a0') {
      // Spaces: a missing space only changes spacing, but splits every line into font runs; still checked.
    }
    const at = `${familyStack(u.family)[0]} ${u.weight}${u.style !== 'normal' ? ' ' + u.style : ''}`;
    const sys = systemFonts?.[i] ?? [];
    if (sys.length) miss(`${at}: drawn by the system font ${sys.join(', ')} (DevTools)`, u);
    const r = await resolveByCmap({ ...u, ch: drawnChar(u) }, faces);
    if (!r.ours) {
      if (!sys.length)
        miss(`${at}: in none of the site's font files (falls to ${r.family}; tofu where no system font has it)`, u);
    } else if (
      u.weight >= SEMIBOLD !== r.file.weightClass >= SEMIBOLD &&
      r.files.some((f) => f.typeface === r.file.typeface && f.weightClass >= SEMIBOLD === u.weight >= SEMIBOLD)
    ) {
      // The typeface has a file of the right weight on the page, but not with this character.
      miss(
        `${at}: drawn by the ${r.file.weightClass >= SEMIBOLD ? 'semibold' : 'regular'} file ${r.file.name}, which is the wrong weight`,
        u,
      );
    }
  }
  return [...groups].map(([kind, g]) => {
    const chars = [...g.chars].map((c) =>
      /[\p{Z}]/u.test(c) ? `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}` : c,
    );
    return `${kind}: ${chars.length} character(s) ${chars.slice(0, 40).join('')}${chars.length > 40 ? '…' : ''} — in ${[...g.where].join(' | ')}`;
  });
}

/**
 * The whole check on an open page: collect after hydration, drive the charts, probe, judge.
 * A character the DevTools protocol saw in a system font although the site's file holds it
 * is probed again after a reload (memory cache): `font-display: optional` lets a busy
 * machine paint one load in the fallback, which no subset change would fix.
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<{ characters: number, problems: string[] }>}
 */
export async function checkGlyphs(page, { driveCharts: drive = true } = {}) {
  let uses = await page.evaluate(collectGlyphUses);
  const problems = [];
  if (drive) {
    const driven = await driveCharts(page, () => page.evaluate(collectGlyphUses));
    uses.push(...driven.uses);
    problems.push(...driven.problems);
  }
  const unique = new Map(uses.map((u) => [`${u.ch}|${u.family}|${u.weight}|${u.style}|${u.mathAuto}`, u]));
  uses = [...unique.values()];
  const faces = await page.evaluate(readFontFaces);
  let systemFonts = await systemFontsPerUse(page, uses);
  for (let attempt = 0; attempt < 2; attempt++) {
    const again = [];
    for (let i = 0; i < uses.length; i++) {
      if (systemFonts[i].length && (await resolveByCmap({ ...uses[i], ch: drawnChar(uses[i]) }, faces)).ours)
        again.push(i);
    }
    if (again.length === 0) break;
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const retried = await systemFontsPerUse(
      page,
      again.map((i) => uses[i]),
    );
    again.forEach((i, k) => (systemFonts[i] = retried[k]));
  }
  problems.push(...(await judgeGlyphs({ uses, faces, systemFonts })));
  return { characters: new Set(uses.map((u) => u.ch)).size, problems };
}
