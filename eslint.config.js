// ESLint flat config. Style is Prettier's job (eslint-config-prettier turns the
// overlapping rules off); ESLint keeps correctness and the project's import boundaries.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The islands' one door into the math library (see docs/components.md). */
const LIB_ADAPTERS = ['src/components/charts/**/lib-adapter.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'reports/',
      '.astro/',
      'node_modules/',
      'bench/node_modules/',
      'test-results/',
      'playwright-report/',
      'tests/fixtures/**/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-prefixed names are deliberate placeholders (unused tuple slots, callback arity).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // "Files stay under ~300 lines" (CONTRIBUTING): code lines; comments that say why never count against a file.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The math library is pure: no DOM, no framework, no hidden randomness. It runs the same in
    // Node (tests, notes' numbers, the build), in the page and in workers.
    files: ['src/lib/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/)',
              message: 'src/lib imports only its own relative modules: no DOM, Preact, Astro, d3 or Node built-ins.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'globalThis', 'self', 'navigator', 'localStorage', 'performance'].map((name) => ({
          name,
          message: 'src/lib is pure: pass what it needs in as an argument.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness is seeded and injected: use createRng(seed).' },
      ],
    },
  },
  {
    // Index files only re-export, so a module's public surface is readable in one place.
    files: ['src/lib/**/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program > :not(ExportNamedDeclaration[declaration=null], ExportAllDeclaration, ImportDeclaration)',
          message: 'An index only re-exports; put code in its own file.',
        },
      ],
    },
  },
  {
    // Islands and Astro components reach the library through the adapter only, which keeps the
    // client bundle's lib surface in one file and lets the lib move without touching charts.
    files: ['src/components/**/*.{ts,tsx,astro}'],
    ignores: LIB_ADAPTERS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '(^|/)lib(/|$)', message: 'Import the math library through the charts lib-adapter.' }],
        },
      ],
    },
  },
  {
    // CommonJS is what Lighthouse CI loads its config as.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Reference values are 50-digit mpmath results written in full; the literal rounding to the
    // nearest double is the point (the test compares against that double).
    files: ['tests/lib/activations/reference-values.ts', 'tests/lib/**/erf*.test.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  prettier,
);
