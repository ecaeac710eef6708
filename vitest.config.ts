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
