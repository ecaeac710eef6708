import { describe, expect, it } from 'vitest';
import rehypeBaseLinks, { normalizeBase, withBase } from '../../src/plugins/rehype-base-links.mjs';

describe('withBase', () => {
  it('prefixes root-relative links with the base', () => {
    expect(withBase('/notes/glossary/', '/sub')).toBe('/sub/notes/glossary/');
    expect(withBase('/notes/glossary/#역전파', '/sub/')).toBe('/sub/notes/glossary/#역전파');
  });

  it('leaves relative, external, protocol-relative and already-prefixed links alone', () => {
    for (const url of [
      'notes/x/',
      '#top',
      '?lab.depth=30',
      'https://arxiv.org/abs/1502.01852',
      '//cdn.example/x',
      '/sub/notes/',
    ]) {
      expect(withBase(url, '/sub/')).toBe(url);
    }
  });

  it('is the identity for the root base', () => {
    expect(withBase('/notes/x/', '/')).toBe('/notes/x/');
  });
});

describe('normalizeBase', () => {
  it('adds the leading and trailing slash', () => {
    expect(normalizeBase('sub')).toBe('/sub/');
    expect(normalizeBase('/a/b')).toBe('/a/b/');
    expect(normalizeBase('')).toBe('/');
  });
});

describe('rehypeBaseLinks', () => {
  it('rewrites href and src of elements in a hast tree', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'a', properties: { href: '/notes/x/' }, children: [] },
        { type: 'element', tagName: 'img', properties: { src: '/img.png' }, children: [] },
        { type: 'element', tagName: 'a', properties: { href: 'https://example.org/' }, children: [] },
      ],
    };
    (rehypeBaseLinks({ base: '/sub' }) as (t: unknown) => void)(tree);
    expect(tree.children.map((c) => c.properties.href ?? c.properties.src)).toEqual([
      '/sub/notes/x/',
      '/sub/img.png',
      'https://example.org/',
    ]);
  });
});
