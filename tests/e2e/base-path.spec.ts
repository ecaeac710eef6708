/** The BASE_PATH=/sub build (dist-sub/), served under /sub/ as on a project site. */
import { expect, test } from './fixtures';
import { SUB_URL } from './servers';

const BASE = new URL(SUB_URL).pathname;

test('a BASE_PATH=/sub build has zero broken internal links, assets or #fragments', async ({ request }) => {
  const origin = new URL(SUB_URL).origin;
  const queue = [SUB_URL];
  const seen = new Set<string>();
  const ids = new Map<string, Set<string>>();
  const fragments: { from: string; path: string; id: string }[] = [];
  const broken: string[] = [];
  const outsideBase: string[] = [];
  const decode = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  const enqueue = (ref: string, from: string) => {
    if (/^(mailto:|tel:|data:|javascript:|\?)/.test(ref)) return;
    const target = new URL(ref, from);
    if (target.origin !== origin) return;
    if (!target.pathname.startsWith(BASE))
      return void outsideBase.push(`${new URL(from).pathname} → ${target.pathname}`);
    if (target.hash.length > 1 && target.pathname.endsWith('/'))
      fragments.push({
        from: new URL(from).pathname,
        path: target.pathname,
        id: decodeURIComponent(target.hash.slice(1)),
      });
    target.hash = target.search = '';
    queue.push(target.href);
  };
  for (let url; (url = queue.shift());) {
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await request.get(url);
    if (!res.ok()) {
      broken.push(`${new URL(url).pathname} (${res.status()})`);
      continue;
    }
    const type = res.headers()['content-type'] ?? '';
    if (type.includes('text/css'))
      for (const m of (await res.text()).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) enqueue(m[1], url);
    if (!type.includes('text/html')) continue;
    const body = await res.text();
    ids.set(new URL(url).pathname, new Set([...body.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]))));
    for (const m of body.matchAll(/<(a|link|script|img|source)\b[^>]*?\s(href|src)="([^"]+)"/g)) {
      if (m[1] !== 'link' || !/rel="(canonical|alternate)"/.test(m[0])) enqueue(decode(m[3]), url);
    }
  }
  for (const f of fragments)
    if (ids.has(f.path) && !ids.get(f.path)!.has(f.id)) broken.push(`${f.from} → ${f.path}#${f.id} (no such id)`);
  expect(ids.size, 'crawled pages').toBeGreaterThanOrEqual(3);
  expect(broken, 'broken links').toEqual([]);
  expect(outsideBase, 'links that escape the base path').toEqual([]);
});

test('search and islands work under the sub-path', async ({ page, errors }) => {
  await page.goto(SUB_URL);
  await page.click('button[data-open-modal]');
  await page.locator('dialog[open] .pagefind-ui__search-input').first().fill('함수');
  const link = page.locator('.pagefind-ui__result-link').first();
  await expect(link).toHaveAttribute('href', new RegExp(`^${BASE}`));
  expect(errors).toEqual([]);
});
