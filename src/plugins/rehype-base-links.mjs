/**
 * Prefixes the deploy base path to root-relative links written in Markdown.
 *
 * Why: Astro rewrites links it generates itself, but a Markdown link such as
 * `[…](/notes/glossary/)` is emitted verbatim, which breaks under a sub-path
 * deploy (GitHub Pages project sites). Protocol-relative (`//host`) links and
 * links that already carry the base are left alone.
 *
 * @param {{ base?: string }} [options]
 */
export default function rehypeBaseLinks(options = {}) {
  const base = normalizeBase(options.base ?? '/');
  return (tree) => {
    if (base === '/') return;
    visit(tree, (node) => {
      if (node.type !== 'element') return;
      for (const attr of ['href', 'src']) {
        const value = node.properties?.[attr];
        if (typeof value === 'string') node.properties[attr] = withBase(value, base);
      }
    });
  };
}

/** @param {string} url @param {string} base */
export function withBase(url, base) {
  const b = normalizeBase(base);
  if (b === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url === b.slice(0, -1) || url.startsWith(b)) return url;
  return b + url.slice(1);
}

/** '/sub' → '/sub/', '' → '/' */
export function normalizeBase(base) {
  let b = base.trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b;
}

function visit(node, fn) {
  fn(node);
  if (node.children) for (const child of node.children) visit(child, fn);
}
