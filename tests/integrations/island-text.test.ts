import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { islandTextReader } from '../../src/integrations/island-text.mjs';

const out = mkdtempSync(join(tmpdir(), 'island-text-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
mkdirSync(join(out, '_astro'));
const file = (name: string, src: string) => writeFileSync(join(out, '_astro', name), src);
file(
  'Lab.abc.js',
  'import{f}from"./format.def.js";new Worker(new URL("lab.worker-ghi.js",import.meta.url));const t=`활성화 함수`;',
);
file('format.def.js', 'export const f={"-":"\\u207b","0":"\\u2070"};export const m="\\u2212";');
file('lab.worker-ghi.js', 'postMessage("기울기 소실")');
file('Other.xyz.js', 'const t="다른 차트";');
file('client.js', 'export default 1');

describe('islandTextReader', () => {
  const read = islandTextReader(out, '/sub/');
  it("reads the text of a page's islands through their imports and workers, decoding \\u escapes", () => {
    const html =
      '<astro-island component-url="/sub/_astro/Lab.abc.js" renderer-url="/sub/_astro/client.js"></astro-island>';
    const text = read(html);
    for (const ch of '활성화함수기울소실⁻⁰−') expect(text).toContain(ch);
    expect(text).not.toContain('다');
    expect(text).not.toMatch(/[a-z]/);
  });

  it('gives nothing for a page without islands', () => {
    expect(read('<p>다른 차트</p>')).toBe('');
  });
});
