import { createHash } from 'node:crypto';
import { normalizeBase } from '../plugins/rehype-base-links.mjs';

/** 12 hex digits of SHA-256: a content-addressed file name that changes with the content. */
export function shortHash(s) {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

/** The deploy base of a resolved Astro config, with a trailing slash ('/sub/'). */
export function siteBase(config) {
  return normalizeBase(config.base);
}
