/**
 * Crawls a served site from `startUrl`, following every same-origin link,
 * stylesheet, script, image and font, and checks `#fragment` targets exist.
 * Node's fetch only: it needs no browser.
 *
 * @param {string} startUrl the site root, e.g. http://127.0.0.1:1234/sub/
 */
export async function crawlSite(startUrl) {
  const start = new URL(startUrl);
  const base = start.pathname;
  const queue = [start.href];
  const seen = new Set();
  const ids = new Map(); // page path -> Set of element ids
  const fragments = []; // { from, path, id }
  const broken = [];
  const outsideBase = [];
  const pages = [];

  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(url, { redirect: 'follow' });
    if (!res.ok) {
      broken.push(`${new URL(url).pathname} (${res.status})`);
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('text/html') || type.includes('text/css') ? await res.text() : '';
    if (!type.includes('text/html')) {
      if (type.includes('text/css')) {
        for (const m of body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) enqueue(m[1], url);
      }
      continue;
    }
    const path = new URL(url).pathname;
    pages.push(path);
    ids.set(path, new Set([...body.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeHtml(m[1]))));
    for (const m of body.matchAll(/<(a|link|script|img|source)\b[^>]*?\s(href|src)="([^"]+)"/g)) {
      if (m[1] === 'link' && /rel="(canonical|alternate)"/.test(m[0])) continue;
      enqueue(decodeHtml(m[3]), url);
    }
  }

  for (const f of fragments) {
    const set = ids.get(f.path);
    if (set && !set.has(f.id)) broken.push(`${f.from} → ${f.path}#${f.id} (no such id)`);
  }
  return { pages, broken, outsideBase };

  function enqueue(ref, from) {
    if (/^(mailto:|tel:|data:|javascript:)/.test(ref) || ref.startsWith('?')) return;
    const target = new URL(ref, from);
    if (target.origin !== start.origin) return;
    if (!target.pathname.startsWith(base)) {
      outsideBase.push(`${new URL(from).pathname} → ${target.pathname}`);
      return;
    }
    if (target.hash.length > 1 && target.pathname.endsWith('/')) {
      fragments.push({ from: new URL(from).pathname, path: target.pathname, id: decodeURIComponent(target.hash.slice(1)) });
    }
    target.hash = '';
    target.search = '';
    if (!seen.has(target.href)) queue.push(target.href);
  }
}

function decodeHtml(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
