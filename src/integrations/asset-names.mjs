import { createHash } from 'node:crypto';
import { normalizeBase } from '../plugins/rehype-base-links.mjs';

/** Folder of the built site that holds the per-page font subsets and their CSS. */
export const FONTS_DIR = '_fonts';

/** 12 hex digits of SHA-256: a content-addressed file name that changes with the content. */
export function shortHash(s) {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

/** The deploy base of a resolved Astro config, with a trailing slash ('/sub/'). */
export function siteBase(config) {
  return normalizeBase(config.base);
}

/** `<link rel="preload">` for a self-hosted woff2 file (fonts are always fetched in CORS mode). */
export function fontPreload(href) {
  return `<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`;
}
