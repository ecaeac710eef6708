import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Text that a page's islands can render after hydration, read from the JavaScript the page
 * actually ships: the files its `<astro-island>`s load (component and renderer), everything
 * they import, and the workers they start (`new URL("…/x.js", import.meta.url)`), followed
 * through the built `_astro/` folder.
 *
 * Why the built files and not the sources: an island's labels come from anywhere it imports
 * (src/components, src/lib's Korean labels, d3-format's minus sign), and its numbers from
 * tables in code (superscript digits). The bundle holds exactly that, without comments.
 * String escapes (\uXXXX, \u{…}) are decoded, since a bundler may write non-ASCII that way.
 * ASCII is left out: every subset holds all of ASCII anyway.
 *
 * @param {string} outDir the build's output folder
 * @param {string} base the deploy base ('/' or '/sub/')
 * @returns {(html: string) => string} the islands' characters for one page ('' without islands)
 */
export function islandTextReader(outDir, base) {
  const astroDir = join(outDir, '_astro');
  /** @type {Map<string, { text: string, refs: string[] }>} */
  const files = new Map();
  const read = (name) => {
    if (!files.has(name)) {
      const path = join(astroDir, name);
      const src = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const decoded = src.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_, a, b) =>
        String.fromCodePoint(parseInt(a ?? b, 16)),
      );
      const refs = [...new Set([...src.matchAll(/([\w.-]+\.m?js)\b/g)].map((m) => m[1]))].filter(
        (f) => f !== name && existsSync(join(astroDir, f)),
      );
      files.set(name, { text: [...new Set(decoded.replace(/[\p{ASCII}]/gu, ''))].join(''), refs });
    }
    return files.get(name);
  };
  const byPage = new Map();
  return (html) => {
    if (!html.includes('<astro-island')) return '';
    const roots = [...html.matchAll(/\s(?:component|renderer)-url="([^"]+)"/g)]
      .map((m) => m[1].replace(base, '/'))
      .filter((u) => u.startsWith('/_astro/'))
      .map((u) => u.slice('/_astro/'.length))
      .sort();
    const key = roots.join('|');
    if (!byPage.has(key)) {
      const seen = new Set();
      const queue = [...roots];
      let text = '';
      while (queue.length) {
        const name = queue.pop();
        if (seen.has(name)) continue;
        seen.add(name);
        const f = read(name);
        text += f.text;
        queue.push(...f.refs);
      }
      byPage.set(key, [...new Set(text)].join(''));
    }
    return byPage.get(key);
  };
}
