/**
 * The import boundaries live in eslint.config.js; this proves each rule fires on a file that
 * breaks it (and stays quiet on one that does not), so a config edit cannot silently drop one.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function rules(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

// Loading typescript-eslint and the Astro parser takes seconds on a busy 2-core machine.
describe('lint boundaries', { timeout: 60_000 }, () => {
  it('keeps src/lib free of frameworks, the DOM, Node built-ins and unseeded randomness', async () => {
    const found = await rules(
      [
        "import { h } from 'preact';",
        "import { readFileSync } from 'node:fs';",
        'export const x = Math.random() + document.body.clientWidth + (h ? 1 : 0) + (readFileSync ? 1 : 0);',
      ].join('\n'),
      'src/lib/network/bad.ts',
    );
    expect(found.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
    expect(found).toContain('no-restricted-properties');
    expect(found).toContain('no-restricted-globals');
  });

  it('lets src/lib import its own relative modules', async () => {
    expect(
      await rules("import { createRng } from '../rng';\nexport const r = createRng(1);", 'src/lib/network/good.ts'),
    ).toEqual([]);
  });

  it('lets an index only re-export', async () => {
    expect(await rules("export { a } from './a';\nexport const b = 1;", 'src/lib/network/index.ts')).toEqual([
      'no-restricted-syntax',
    ]);
  });

  it('sends components to the library through the adapter only', async () => {
    const code = "import { createRng } from '../../lib';\nexport const r = createRng(1);";
    expect(await rules(code, 'src/components/charts/x.ts')).toEqual(['no-restricted-imports']);
    expect(await rules(code, 'src/components/charts/lib-adapter.ts')).toEqual([]);
  });

  it('keeps files under 300 lines', async () => {
    const code = Array.from({ length: 301 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect(await rules(code, 'src/lib/network/long.ts')).toEqual(['max-lines']);
  });
});
