import { FONTS_DIR, fontPreload, shortHash, siteBase } from './asset-names.mjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './html-files.mjs';
import { boldText, codePoints, unicodeRange, visibleText } from './html-text.mjs';

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
// (numbers, ×, ⁻, −, …). Characters Noto Sans KR lacks (the thin space, ⁰, ⁵–⁹ and ⁻) stay out of
// any subset and fall back to a system font.
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
    'ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'calt', 'clig', 'curs', 'dist', 'kern', 'liga', 'rclt',
    'ljmo', 'vjmo', 'tjmo', 'chws', 'halt',
  ]),
});

/**
 * Astro integration: after the build, gives every HTML page its own subset of
 * Noto Sans KR that holds exactly the glyphs the page shows.
 *
 * Why per page: a site-wide Hangul subset of a few hundred syllables already
 * weighs ~140 KB per weight; a page needs only its own glyphs, which keeps a
 * note page under its font budget. Identical glyph sets share one file.
 *
 * @param {{ islandText?: () => Promise<string> }} [options] text that islands
 *   may render later in the browser (their labels), added to pages with islands.
 */
export default function pageFonts(options = {}) {
  let base = '/';
  return {
    name: 'dl-notes:page-fonts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = siteBase(config);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        const out = fileURLToPath(dir);
        const { default: subsetFont } = await import('subset-font');
        const sources = {
          400: await readFile(SOURCES[400]),
          600: await readFile(SOURCES[600]),
        };
        const islandText = options.islandText ? await options.islandText() : '';
        const made = new Map();
        const pages = htmlFiles(out);
        let bytes = 0;
        for (const file of pages) {
          let html = await readFile(file, 'utf8');
          const hasIsland = html.includes('<astro-island');
          const regular = codePoints(ALWAYS + visibleText(html) + (hasIsland ? islandText : ''));
          const bold = codePoints(boldText(html));
          const key = shortHash(regular.join(',') + '|' + bold.join(','));
          if (!made.has(key)) {
            const files = {};
            for (const [weight, cps] of [[400, regular], [600, bold]]) {
              const buf = await subsetFont(sources[weight], String.fromCodePoint(...cps), SUBSET_OPTIONS);
              files[weight] = `${key}-${weight}.woff2`;
              await mkdir(join(out, FONTS_DIR), { recursive: true });
              await writeFile(join(out, FONTS_DIR, files[weight]), buf);
              bytes += buf.length;
            }
            const css = fontFaceCss(files, bold);
            await writeFile(join(out, FONTS_DIR, `${key}.css`), css);
            made.set(key, files);
          }
          const href = `${base}${FONTS_DIR}/${key}`;
          const tags = fontPreload(`${href}-400.woff2`) + (bold.length ? fontPreload(`${href}-600.woff2`) : '') + `<link rel="stylesheet" href="${href}.css">`;
          html = html.replace('</head>', `${tags}</head>`);
          await writeFile(file, html);
        }
        logger.info(
          `${pages.length} pages, ${made.size} font subsets, ${(bytes / 1024).toFixed(0)} KiB in ${FONTS_DIR}/ (${(performance.now() - t0).toFixed(0)} ms)`,
        );
      },
    },
  };
}

/** @param {Record<number, string>} files @param {number[]} bold */
function fontFaceCss(files, bold) {
  // Faces of one weight that differ only in unicode-range form one composite
  // font, and a glyph missing from all of them falls back to the *next family*
  // (tofu without a Korean system font), not to another weight. So weight 600
  // is the semibold subset for its own glyphs, declared last so it wins, over
  // the regular file (already downloaded) for every other glyph on the page.
  return (
    `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:400;font-display:${DISPLAY};src:url(./${files[400]}) format('woff2')}\n` +
    `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:500 800;font-display:${DISPLAY};src:url(./${files[400]}) format('woff2')}\n` +
    (bold.length
      ? `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:500 800;font-display:${DISPLAY};src:url(./${files[600]}) format('woff2');unicode-range:${unicodeRange(bold)}}\n`
      : '')
  );
}
