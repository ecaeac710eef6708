import { FONTS_DIR, fontPreload, shortHash } from './asset-names.mjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boldMatchers, boldTextOf } from './bold-text.mjs';
import { htmlFiles } from './html-files.mjs';
import { codePoints, unicodeRange, visibleText } from './html-text.mjs';
import { islandTextReader } from './island-text.mjs';
import { MATH_FONT_SOURCE } from './math-font.mjs';
import { fontBuildHooks, fontCharset } from './subset-pool.mjs';

/** Font family name used in CSS; distinct from any locally installed font. */
export const FONT_FAMILY = 'DL Notes Sans KR';

// `optional`, not `swap`: once the page has painted in the fallback font it
// stays in it, so the text never reflows under the reader when the web font
// arrives late (Lighthouse measured a layout shift of 0.21 on a chart page
// with `swap`). Both files are preloaded, so on a usual connection they arrive
// within the short block period and are used.
const DISPLAY = 'optional';
export const SOURCES = {
  400: new URL('../../fonts/NotoSansKR-400.source.woff2', import.meta.url),
  600: new URL('../../fonts/NotoSansKR-600.source.woff2', import.meta.url),
};
// ASCII with the space and the no-break space, and the punctuation the charts write at run time
// (numbers, ×, ⁻, −, …), in both weights.
const ALWAYS = (() => {
  let s = '\u00a0×·−–—…≤≥±′⁰¹²³⁴⁵⁶⁷⁸⁹⁻→←↑↓';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
  return s;
})();

/**
 * Options for subset-font. `keepFeatures`: only the OpenType features a browser applies to
 * horizontal Korean and Latin text by default (HarfBuzz's defaults, the Hangul jamo features,
 * and the CJK punctuation spacing behind CSS `text-spacing-trim`). The subset then leaves out
 * the glyphs only other features reach (vertical, full/half-width, stylistic and historical
 * forms). tests/integrations/page-fonts.test.ts shapes note text with both subsets and checks
 * that every glyph lands in the same place.
 */
export const SUBSET_OPTIONS = Object.freeze({
  targetFormat: 'woff2',
  keepFeatures: Object.freeze([
    'ccmp',
    'locl',
    'mark',
    'mkmk',
    'rlig',
    'calt',
    'clig',
    'curs',
    'dist',
    'kern',
    'liga',
    'rclt',
    'ljmo',
    'vjmo',
    'tjmo',
    'chws',
    'halt',
  ]),
});

/**
 * Superscripts (², ⁻, ⁵…) come from the symbols file for all digits alike: Noto Sans KR has
 * ¹²³⁴ but not ⁰⁵⁶⁷⁸⁹⁻, and "10⁻¹⁵" must not mix two designs.
 */
const isSuperscript = (cp) => cp === 0xb2 || cp === 0xb3 || cp === 0xb9 || (cp >= 0x2070 && cp <= 0x209f);
/** A character drawn by a slice shared by most pages when at least this share of pages uses it. */
export const SHARED_SHARE = 0.5;

/**
 * Astro integration: after the build, gives every HTML page the Noto Sans KR glyphs it
 * shows, at the weight it shows them, as files that pages share where they can.
 *
 * What a page can show: its text (and attribute values; over-collecting costs bytes, missing
 * a glyph costs a wrong font), the text its stylesheets make semibold (bold-text.mjs: the
 * built CSS decides, not a list of tags), and everything its islands can render after
 * hydration (island-text.mjs: the JavaScript the page ships), in both weights.
 *
 * Files per weight: a *shared* slice (the characters at least SHARED_SHARE of the pages use:
 * the sidebar, the header, common syllables), identical on every page so a reader's next page
 * takes it from the cache, and the page's *own* slice with the rest; each `@font-face` has
 * the matching `unicode-range`. Characters Noto Sans KR lacks (⁰, ⁵–⁹, ⁻, ⁿ, the thin space,
 * ▲▼) and all superscripts come from one site-wide *symbols* file cut from STIX Two Math (the
 * formulas' font), declared in the same family so no character falls to a system font.
 * Subsets are cached by content across builds and made in parallel (subset-pool.mjs).
 */
export default function pageFonts() {
  return {
    name: 'dl-notes:page-fonts',
    hooks: fontBuildHooks(async ({ out, base, pool, logger, t0 }) => {
      const plan = await planFonts(out, base, pool);
      if (plan.missing.length) {
        logger.warn(
          `no font of the site has ${plan.missing.map((cp) => `U+${cp.toString(16).toUpperCase()}`).join(', ')}; these characters fall to a system font`,
        );
      }
      const t1 = performance.now();
      const made = await makeFiles(out, pool, plan);
      const t2 = performance.now();
      const stats = await writePages(out, base, plan, made);
      const { hits, misses } = pool.stats();
      logger.info(
        `${plan.pages.length} pages, ${made.size} font files (${hits} from the cache, ${misses} made), ${(stats.bytes / 1024).toFixed(0)} KiB in ${FONTS_DIR}/; ` +
          `largest page ${(stats.maxPage / 1024).toFixed(0)} KiB of fonts; text ${(t1 - t0).toFixed(0)} ms, subsets ${(t2 - t1).toFixed(0)} ms (${(performance.now() - t0).toFixed(0)} ms)`,
      );
    }),
  };
}

/**
 * What every page needs, per weight, split into the shared slice, its own slice and the
 * symbols file.
 * @param {string} out the build folder
 * @param {string} base the deploy base
 * @param {ReturnType<typeof import('./subset-pool.mjs').createSubsetPool> | null} pool reads the pages in its threads (from `threadsFrom` pages on)
 */
export async function planFonts(out, base, pool = null, { threadsFrom = 64 } = {}) {
  const has = {
    400: await fontCharset(fileURLToPath(SOURCES[400])),
    600: await fontCharset(fileURLToPath(SOURCES[600])),
  };
  const symbolsHas = await fontCharset(MATH_FONT_SOURCE);
  const islands = islandTextReader(out, base);
  const matchersByCss = new Map();
  const matchersFor = (html) =>
    [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].flatMap(([, href]) => {
      if (!matchersByCss.has(href)) {
        const path = join(out, href.replace(base, '/'));
        matchersByCss.set(href, existsSync(path) ? boldMatchers(readFileSync(path, 'utf8')) : []);
      }
      return matchersByCss.get(href);
    });
  const symbols = new Set();
  const missing = new Set();
  const pages = [];
  const always = codePoints(ALWAYS);
  const merge = (...lists) => [...new Set(lists.flat())].sort((a, b) => a - b);
  // The head of each page (its stylesheets) here; its text in the worker threads, all pages at once.
  const files = htmlFiles(out);
  // Starting the threads costs about a second: worth it only for many pages.
  if (files.length < threadsFrom) pool = null;
  const texts = files.map(async (file) => {
    const html = await readFile(file, 'utf8');
    const island = codePoints(islands(html));
    const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    const matchers = [...matchersFor(html), ...(inline ? boldMatchers(inline) : [])];
    const text = pool
      ? await pool.pageText(file, matchers)
      : { regular: codePoints(visibleText(html)), bold: codePoints(boldTextOf(html, matchers)) };
    return { file, island, text };
  });
  for (const { file, island, text } of await Promise.all(texts)) {
    const boldUsed = text.bold.some((cp) => cp !== 0x20 && cp !== 0xa0);
    const want = {
      400: merge(always, text.regular, island),
      600: boldUsed || island.length ? merge(always, text.bold, island) : [],
    };
    const pageChars = new Set(text.regular);
    /** @type {Record<number, number[]>} */
    const sets = {};
    for (const w of [400, 600]) {
      sets[w] = [];
      for (const cp of want[w]) {
        if (!isSuperscript(cp) && has[w].has(cp)) sets[w].push(cp);
        else if (symbolsHas.has(cp)) symbols.add(cp);
        // Island code holds characters it only compares against (a Hangul jamo bound, say); only the page's own text is reported.
        else if (pageChars.has(cp)) missing.add(cp);
      }
    }
    /** @type {Record<number, number[]>} */
    const own = {};
    /** @type {Record<number, boolean>} */
    const usesShared = {};
    pages.push({ file, sets, own, usesShared, usesSymbols: want[400].some((cp) => symbols.has(cp)) });
  }
  /** @type {Record<number, number[]>} */
  const shared = {};
  for (const w of [400, 600]) {
    const count = new Map();
    for (const p of pages) for (const cp of p.sets[w]) count.set(cp, (count.get(cp) ?? 0) + 1);
    const min = Math.max(2, Math.ceil(pages.length * SHARED_SHARE));
    shared[w] = [...count]
      .filter(([, n]) => n >= min)
      .map(([cp]) => cp)
      .sort((a, b) => a - b);
    const inShared = new Set(shared[w]);
    for (const p of pages) {
      p.own[w] = p.sets[w].filter((cp) => !inShared.has(cp));
      p.usesShared[w] = p.sets[w].length > p.own[w].length;
    }
  }
  return { pages, shared, symbols: [...symbols].sort((a, b) => a - b), missing: [...missing].sort((a, b) => a - b) };
}

const SOURCE_PATH = { 400: fileURLToPath(SOURCES[400]), 600: fileURLToPath(SOURCES[600]) };

/** Makes (or takes from the cache) every distinct file of the plan and writes it to _fonts/. */
async function makeFiles(out, pool, plan) {
  await mkdir(join(out, FONTS_DIR), { recursive: true });
  /** @type {Map<string, Promise<{ name: string, bytes: number }>>} by weight and code points */
  const made = new Map();
  const file = (source, cps, id) => {
    if (!made.has(id)) {
      made.set(
        id,
        pool.subset(source, cps, SUBSET_OPTIONS).then(async ({ key, bytes }) => {
          await writeFile(join(out, FONTS_DIR, `${key}.woff2`), bytes);
          return { name: `${key}.woff2`, bytes: bytes.length };
        }),
      );
    }
    return made.get(id);
  };
  const idOf = (w, cps) => `${w}:${cps.join(',')}`;
  for (const w of [400, 600]) if (plan.shared[w].length) file(SOURCE_PATH[w], plan.shared[w], idOf(w, plan.shared[w]));
  if (plan.symbols.length) file(MATH_FONT_SOURCE, plan.symbols, 'symbols');
  for (const p of plan.pages)
    for (const w of [400, 600]) if (p.own[w].length) file(SOURCE_PATH[w], p.own[w], idOf(w, p.own[w]));
  const done = new Map();
  for (const [id, promise] of made) done.set(id, await promise);
  return done;
}

/** Writes each page's stylesheet and adds its preloads and link to the page. */
async function writePages(out, base, plan, made) {
  const idOf = (w, cps) => `${w}:${cps.join(',')}`;
  const cssDone = new Set();
  let maxPage = 0;
  for (const p of plan.pages) {
    const faces = [];
    const slices = (w) =>
      [
        p.usesShared[w] && { file: made.get(idOf(w, plan.shared[w])), cps: plan.shared[w] },
        p.own[w].length && { file: made.get(idOf(w, p.own[w])), cps: p.own[w] },
      ].filter(Boolean);
    // Chromium makes one composite font of the faces with identical descriptors and uses the
    // composite of the nearest weight only, so the symbols file is declared in each composite.
    const symbols = plan.symbols.length
      ? [{ file: made.get('symbols'), cps: plan.symbols, preload: p.usesSymbols }]
      : [];
    for (const s of [...slices(400), ...symbols]) faces.push({ ...s, weight: '400' });
    // Semibold text falls back to the regular files (already loaded), declared first, so a
    // glyph missing from the semibold slices is drawn in the right family, never as tofu.
    for (const s of slices(400)) faces.push({ ...s, weight: '500 800' });
    for (const s of slices(600)) faces.push({ ...s, weight: '500 800', preload: true });
    for (const s of symbols) faces.push({ ...s, weight: '500 800' });
    const css = faces.map((f) => fontFaceRule(f.file.name, f.weight, f.cps)).join('');
    const name = `${shortHash(css)}.css`;
    if (!cssDone.has(name)) {
      await writeFile(join(out, FONTS_DIR, name), css);
      cssDone.add(name);
    }
    const preload = [
      ...new Set(faces.filter((f) => (f.weight === '400' && f.preload !== false) || f.preload).map((f) => f.file)),
    ];
    maxPage = Math.max(
      maxPage,
      preload.reduce((s, f) => s + f.bytes, 0),
    );
    const tags =
      preload.map((f) => fontPreload(`${base}${FONTS_DIR}/${f.name}`)).join('') +
      `<link rel="stylesheet" href="${base}${FONTS_DIR}/${name}">`;
    const html = await readFile(p.file, 'utf8');
    await writeFile(p.file, html.replace('</head>', `${tags}</head>`));
  }
  let bytes = 0;
  for (const f of made.values()) bytes += f.bytes;
  return { bytes, maxPage };
}

/** One @font-face of the family: a file, its weight range and the characters it serves. */
function fontFaceRule(file, weight, cps) {
  return `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${weight};font-display:${DISPLAY};src:url(./${file}) format('woff2');unicode-range:${unicodeRange(cps)}}\n`;
}
