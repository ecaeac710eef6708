// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeMathmlCore from './src/plugins/rehype-mathml-core.mjs';
import rehypeBaseLinks, { normalizeBase } from './src/plugins/rehype-base-links.mjs';
import pageFonts from './src/integrations/page-fonts.mjs';
import mathFont from './src/integrations/math-font.mjs';
import cspMetaFirst from './src/integrations/csp-meta-first.mjs';

// Deploy target: SITE_URL is the absolute origin (+ path) used for canonical
// links and the sitemap; BASE_PATH is the sub-path the site is served under.
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = normalizeBase(process.env.BASE_PATH || '/');

/**
 * Tables (Starlight's CSS) scroll sideways on narrow screens; `tabindex="0"`
 * lets keyboard users scroll them too (axe-core: scrollable-region-focusable),
 * as Expressive Code does for code blocks. Display formulas get theirs from
 * rehype-mathml-core.
 */
function rehypeFocusableScrollers() {
  /** @param {any} node */
  const walk = (node) => {
    if (node.type === 'element' && node.tagName === 'table') {
      node.properties.tabIndex = 0;
    }
    for (const child of node.children ?? []) walk(child);
  };
  return walk;
}

/** Hashes of Starlight's inline scripts, kept by `npm run csp:hashes`. */
/**
 * Embed mode (`?embed=1#<chart-id>`, src/styles/embed.css): marks <html> before
 * the first paint, so the page never flashes its chrome inside an iframe. Its
 * hash is in src/csp-hashes.json like Starlight's inline scripts.
 */
const embedScript =
  "if(new URLSearchParams(location.search).get('embed')==='1')document.documentElement.classList.add('dl-embed')";

const inlineScriptHashes = JSON.parse(readFileSync(new URL('./src/csp-hashes.json', import.meta.url), 'utf8')).scripts;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Every stylesheet and font is a file served from the site: nothing inline
  // for the CSP to special-case, and no data: fonts.
  build: { inlineStylesheets: 'never' },
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Known upstream noise (withastro/astro#18087): the directive is Astro's own marker.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  markdown: {
    // Code blocks are highlighted by Starlight's Expressive Code; Shiki's inline styles would need CSP exceptions.
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        [rehypeKatex, { strict: 'error', throwOnError: true, output: 'mathml' }],
        rehypeMathmlCore,
        rehypeFocusableScrollers,
        [rehypeBaseLinks, { base }],
      ],
    }),
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search index runs as WebAssembly.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inlineScriptHashes },
      // Formula tables (rehype-mathml-core) and Starlight set styles in attributes; <style> elements stay hash-checked.
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
  integrations: [
    starlight({
      title: '딥러닝 노트',
      description: '슬라이더를 움직이며 배우는 딥러닝 기초: 활성화 함수와 기울기 소실',
      defaultLocale: 'root',
      locales: { root: { label: '한국어', lang: 'ko' } },
      sidebar: [
        { label: '시작하기', items: [{ label: '홈', link: '/' }] },
        { label: '노트', items: [{ autogenerate: { directory: 'notes' } }] },
      ],
      customCss: [
        './src/styles/math.css',
        './src/styles/global.css',
        './src/styles/embed.css',
        './src/styles/print.css',
      ],
      head: [{ tag: 'script', content: embedScript }],
      components: {
        MarkdownContent: './src/components/starlight/MarkdownContent.astro',
        Search: './src/components/starlight/Search.astro',
        TableOfContents: './src/components/starlight/TableOfContents.astro',
        MobileTableOfContents: './src/components/starlight/MobileTableOfContents.astro',
      },
      lastUpdated: false,
      pagefind: true,
      disable404Route: true,
    }),
    mdx(),
    preact(),
    cspMetaFirst(),
    pageFonts(),
    mathFont(),
  ],
});
