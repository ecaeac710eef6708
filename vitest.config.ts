import { defineConfig } from 'vitest/config';

/**
 * Files that mock modules or stub globals, and the real Astro builds: each in a fresh module
 * graph. Every other test file is pure, so it shares its worker's modules (isolate: false):
 * the math library and the notes are loaded once per worker instead of once per file.
 */
const ISOLATED = [
  'tests/build/**',
  'tests/components/lab-memory.test.ts',
  'tests/components/lab-runs.test.ts',
  'tests/lib/kernels/wasm/arena.test.ts',
  'tests/lib/network/kernel-backends.test.ts',
];

export default defineConfig({
  test: {
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
