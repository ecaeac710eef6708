import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src/lib');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Source text without comments (JSDoc may mention what the code must not do). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('src/lib purity', () => {
  const files = sources(root);

  it('has TypeScript sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('never uses Math.random: all randomness is seeded and injected', () => {
    for (const file of files) expect(code(file), file).not.toMatch(/Math\.random/);
  });

  it('imports only relative modules (no preact, astro, d3-selection, DOM or Node built-ins)', () => {
    for (const file of files) {
      const text = code(file);
      for (const [, spec] of text.matchAll(/from\s+'([^']+)'/g)) expect(spec, file).toMatch(/^\.\.?\//);
      expect(text, file).not.toMatch(/\b(document|window|globalThis)\./);
    }
  });

  it('keeps every source file under about 300 lines', () => {
    for (const file of files) {
      expect(readFileSync(file, 'utf8').split('\n').length, file).toBeLessThanOrEqual(300);
    }
  });

  it('has an index that only re-exports', () => {
    const index = readFileSync(join(root, 'index.ts'), 'utf8');
    for (const line of index.split('\n').filter((l) => l.trim() !== '')) {
      expect(line, 'index.ts').toMatch(/^(export |\s|\})/);
    }
  });
});
