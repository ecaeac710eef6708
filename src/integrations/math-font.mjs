import { FONTS_DIR, fontPreload } from './asset-names.mjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { htmlFiles } from './html-files.mjs';
import { codePoints, decodeEntities } from './html-text.mjs';
import { mathAlphanumeric } from '../plugins/math-alphanumeric.mjs';
import { fontBuildHooks } from './subset-pool.mjs';

/** Font family the formulas use (src/styles/math.css); distinct from any installed font. */
export const MATH_FAMILY = 'DL Notes Math';
const require = createRequire(import.meta.url);
/** STIX Two Math (SIL OFL 1.1): the file holds the whole font, OpenType MATH table included. */
export const MATH_FONT_SOURCE = require.resolve('@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2');
const STYLESHEET = /[\\/]src[\\/]styles[\\/]math\.css$/;

/**
 * Astro integration: after the build, gives every page with formulas its own
 * subset of STIX Two Math holding exactly the characters its formulas show.
 *
 * Why: the browser draws the MathML itself, and it needs a font with an
 * OpenType MATH table (stretchy brackets, fraction and script metrics) to do
 * it well; system fonts differ from phone to phone. The whole font is 400 KB;
 * a page's subset is 5–22 KB. HarfBuzz keeps the MATH table and the glyph
 * variants and parts it points at, so stretched brackets still stretch.
 *
 * How: in a production build the @font-face rule is cut out of
 * src/styles/math.css (a Vite transform; `astro dev` keeps the whole font),
 * and every page with formulas preloads its subset and links
 * `_fonts/math-<hash>.css`, which declares the family. Identical character
 * sets share files.
 */
export default function mathFont() {
  return {
    name: 'dl-notes:math-font',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'dl-notes:math-css-without-font',
                apply: 'build',
                enforce: 'pre',
                transform(code, id) {
                  if (!STYLESHEET.test(id.split('?')[0])) return null;
                  return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
                },
              },
            ],
          },
        });
      },
      ...fontBuildHooks(async ({ out, base, pool, logger, t0 }) => {
        await mkdir(join(out, FONTS_DIR), { recursive: true });
        // Cached by content and made in parallel (subset-pool.mjs); identical sets share a file.
        const made = new Map();
        const pages = [];
        for (const file of htmlFiles(out)) {
          const text = mathText(await readFile(file, 'utf8'));
          if (text === null) continue;
          const cps = codePoints(text);
          const id = cps.join(',');
          if (!made.has(id)) {
            made.set(
              id,
              pool.subset(MATH_FONT_SOURCE, cps, { targetFormat: 'woff2' }).then(async ({ key, bytes }) => {
                const name = `math-${key}`;
                await writeFile(join(out, FONTS_DIR, `${name}.woff2`), bytes);
                await writeFile(join(out, FONTS_DIR, `${name}.css`), mathFontFaceCss(`./${name}.woff2`));
                return { name, bytes: bytes.length };
              }),
            );
          }
          pages.push({ file, id });
        }
        let bytes = 0;
        for (const [id, p] of made) {
          made.set(id, await p);
          bytes += made.get(id).bytes;
        }
        for (const { file, id } of pages) {
          const href = `${base}${FONTS_DIR}/${made.get(id).name}`;
          const html = await readFile(file, 'utf8');
          await writeFile(
            file,
            html.replace('</head>', `${fontPreload(`${href}.woff2`)}<link rel="stylesheet" href="${href}.css"></head>`),
          );
        }
        logger.info(
          `${pages.length} pages with formulas, ${made.size} math font subsets, ${(bytes / 1024).toFixed(0)} KiB (${(performance.now() - t0).toFixed(0)} ms)`,
        );
      }),
    },
  };
}

/**
 * The @font-face rule for a subset. No unicode-range: a character the subset
 * lacks (none should) falls back to the next family instead of fetching more.
 * `block`, as the file is preloaded: formulas are laid out once, in their own
 * font, and the text after an inline formula does not move.
 * @param {string} url
 */
export function mathFontFaceCss(url) {
  return `@font-face{font-family:'${MATH_FAMILY}';font-style:normal;font-weight:400;font-display:block;src:url(${url}) format('woff2')}\n`;
}

/**
 * The characters a page's formulas draw, or null when the page has none: the
 * text of every `<math>` element without its TeX `<annotation>`, plus what the
 * browser draws without it being in the text — the italic letter it shows for
 * a one-letter `<mi>x</mi>` (𝑥, U+1D465, by `text-transform: math-auto`) and
 * the radical sign of `<msqrt>`/`<mroot>`.
 * @param {string} html
 * @returns {string | null}
 */
export function mathText(html) {
  const formulas = html.match(/<math\b[\s\S]*?<\/math>/g);
  if (!formulas) return null;
  const source = formulas.join(' ').replace(/<annotation(-xml)?\b[\s\S]*?<\/annotation(-xml)?>/g, ' ');
  let text = decodeEntities(source.replace(/<[^>]*>/g, ' '));
  for (const [, inner] of source.matchAll(/<mi>([^<]*)<\/mi>/g)) {
    const ch = decodeEntities(inner);
    if ([...ch].length === 1) text += mathAlphanumeric(ch, 'italic') ?? '';
  }
  if (/<m(sqrt|root)\b/.test(source)) text += '\u221a';
  return text;
}
