import { globSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Files that touch shared state: they mock modules, stub globals, count WebAssembly memories or
 * switch the kernel backend; and the real Astro builds. Each runs in a fresh module graph. Found
 * by what the file does, not by a list, so a renamed or new file cannot slip out. Every other test
 * file is pure, so it shares its worker's modules (isolate: false): the math library and the notes
 * are loaded once per worker instead of once per file.
 */
const SHARED_STATE = /vi\.(mock|doMock|stubGlobal|spyOn)\b|WebAssembly\.Memory|setKernelBackend|releaseWorkspace/;
const ISOLATED = [
  'tests/build/**',
  ...globSync('tests/**/*.test.{ts,tsx}').filter((file) => SHARED_STATE.test(readFileSync(file, 'utf8'))),
];

export default defineConfig({
  test: {
    // npm test runs vitest beside the production builds: a test that starts ESLint or Astro may
    // wait for a core well past vitest's 5 s default. A time limit, not a check of speed.
    testTimeout: 30_000,
    exclude: ['tests/browser/**', 'node_modules/**'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**', 'node_modules/**', ...ISOLATED],
          isolate: false,
        },
      },
    ],
  },
});
