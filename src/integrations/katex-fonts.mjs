import { fontPreload, shortHash, siteBase } from './asset-names.mjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './html-files.mjs';
import { decodeEntities, unicodeRange } from './html-text.mjs';

const FONTS_DIR = '_fonts';
// The faces almost every formula draws with. KaTeX's faces use
// `font-display: block`, and without a preload the browser asks for them only
// after its first layout, so the formulas are laid out twice and the text
// after each inline formula moves (Lighthouse: layout shift 0.21 on a chart
// page). The rarer faces (sizes, AMS, bold) still load on demand.
const PRELOAD = ['Main-Regular', 'Math-Italic'];
const require = createRequire(import.meta.url);

/**
 * Astro integration: after the build, gives every page with formulas its own
 * subsets of the KaTeX fonts, holding exactly the glyphs its formulas show.
 *
 * Why: KaTeX's full fonts weigh 5–28 KB each and a note with formulas fetches
 * four to nine of them (~130 KB), which alone breaks the 150 KB per-page font
 * budget (audit.config.json). A page uses a few dozen math glyphs.
 *
 * How: in a production build, the @font-face rules are cut out of KaTeX's
 * stylesheet (a Vite transform of katex.min.css; `astro dev` keeps them), and
 * every page with formulas links `_fonts/katex-<hash>.css`, which declares the
 * KaTeX families it uses with subsets of exactly the characters its formulas
 * draw (a family keeps KaTeX's own style, weight and font-display). Left in
 * place, the full faces would still be fetched for characters such as the
 * zero-width spaces KaTeX writes, which no KaTeX font contains.
 * Identical glyph sets share files.
 */
export default function katexFonts() {
  let base = '/';
  return {
    name: 'dl-notes:katex-fonts',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'dl-notes:katex-css-without-fonts',
                apply: 'build',
                enforce: 'pre',
                transform(code, id) {
                  if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id.split('?')[0])) return null;
                  return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        base = siteBase(config);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        const out = fileURLToPath(dir);
        const { default: subsetFont } = await import('subset-font');
        const faces = await katexFaces();
        const metrics = (await import('katex/src/fontMetricsData.js')).default;
        const made = new Set();
        let pages = 0;
        let bytes = 0;
        for (const file of htmlFiles(out)) {
          let html = await readFile(file, 'utf8');
          if (!html.includes('class="katex-html"')) continue;
          pages++;
          const chars = new Set([...katexHtmlText(html)].map((c) => c.codePointAt(0)));
          const plan = faces
            .map((f) => ({ ...f, cps: Object.keys(metrics[f.name] ?? {}).map(Number).filter((cp) => chars.has(cp)) }))
            .filter((f) => f.cps.length > 0);
          const key = shortHash(plan.map((f) => `${f.name}:${f.cps.join(',')}`).join('|'));
          if (!made.has(key)) {
            await mkdir(join(out, FONTS_DIR), { recursive: true });
            const rules = [];
            for (const f of plan) {
              const source = await readFile(require.resolve(`katex/dist/fonts/KaTeX_${f.name}.woff2`));
              const buf = await subsetFont(source, String.fromCodePoint(...f.cps), { targetFormat: 'woff2' });
              const name = `katex-${key}-${f.name}.woff2`;
              await writeFile(join(out, FONTS_DIR, name), buf);
              bytes += buf.length;
              rules.push(
                `@font-face{font-family:${f.family};font-style:${f.style};font-weight:${f.weight};font-display:${f.display};` +
                  `src:url(./${name}) format('woff2');unicode-range:${unicodeRange(f.cps)}}`,
              );
            }
            await writeFile(join(out, FONTS_DIR, `katex-${key}.css`), rules.join('\n') + '\n');
            made.add(key);
          }
          // Math-Italic draws variables (class mathnormal); letters only in \text{} never use it.
          const preload = PRELOAD.filter((name) => name !== 'Math-Italic' || html.includes('mathnormal'));
          const preloads = plan
            .filter((f) => preload.includes(f.name))
            .map((f) => fontPreload(`${base}${FONTS_DIR}/katex-${key}-${f.name}.woff2`));
          html = html.replace('</head>', `${preloads.join('')}<link rel="stylesheet" href="${base}${FONTS_DIR}/katex-${key}.css"></head>`);
          await writeFile(file, html);
        }
        logger.info(`${pages} pages with formulas, ${made.size} KaTeX subsets, ${(bytes / 1024).toFixed(0)} KiB (${(performance.now() - t0).toFixed(0)} ms)`);
      },
    },
  };
}

/**
 * The @font-face rules of katex.min.css: family, style, weight, display and
 * the font's name in KaTeX's metrics (= its file name), e.g. `Main-Regular`.
 */
export async function katexFaces() {
  const css = await readFile(require.resolve('katex/dist/katex.min.css'), 'utf8');
  return [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => {
    const get = (prop) => new RegExp(`${prop}:([^;]+)`).exec(m[1])?.[1].trim();
    return {
      family: get('font-family'),
      style: get('font-style') ?? 'normal',
      weight: get('font-weight') ?? '400',
      display: get('font-display') ?? 'block',
      name: /KaTeX_([\w-]+)\.woff2/.exec(m[1])?.[1],
    };
  }).filter((f) => f.family && f.name);
}

/**
 * The text KaTeX draws with its fonts: the contents of every
 * `<span class="katex-html">` (not the visually hidden MathML copy).
 */
export function katexHtmlText(html) {
  const parts = [];
  const start = /<span class="katex-html"[^>]*>/g;
  for (let m; (m = start.exec(html)); ) {
    const tag = /<(\/?)span\b[^>]*>/g;
    tag.lastIndex = m.index + m[0].length;
    let depth = 1;
    let end = html.length;
    for (let t; depth > 0 && (t = tag.exec(html)); ) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) end = t.index;
    }
    parts.push(html.slice(m.index + m[0].length, end));
    start.lastIndex = end;
  }
  return decodeEntities(parts.join(' ').replace(/<svg\b[\s\S]*?<\/svg>/gi, ' ').replace(/<[^>]*>/g, ' '));
}
