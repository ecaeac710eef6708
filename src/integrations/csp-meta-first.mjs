import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './html-files.mjs';

const META = /<meta http-equiv="content-security-policy" content="[^"]*"\s*\/?>/i;

/** Moves a page's CSP <meta> to the top of <head>, after `<meta charset>`. */
export function hoistCspMeta(html) {
  const meta = META.exec(html);
  if (!meta) return html;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const anchor = /<meta charset="[^"]*"\s*\/?>/i.exec(without) ?? /<head[^>]*>/i.exec(without);
  if (!anchor) return html;
  const at = anchor.index + anchor[0].length;
  return without.slice(0, at) + meta[0] + without.slice(at);
}

/**
 * Astro integration. A CSP <meta> only governs what comes after it in the
 * document, and Astro emits it after Starlight's inline theme script, which
 * would then run unchecked. This puts the policy first on every page.
 */
export default function cspMetaFirst() {
  return {
    name: 'dl-notes:csp-meta-first',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        let pages = 0;
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const moved = hoistCspMeta(html);
          if (moved !== html) await writeFile(file, moved);
          pages++;
        }
        logger.info(`CSP <meta> first on ${pages} pages (${(performance.now() - t0).toFixed(0)} ms)`);
      },
    },
  };
}
