import { expect } from 'vitest';

export interface CloseOptions {
  /** Relative tolerance: |actual − expected| ≤ rel·|expected| passes. Default 1e-12. */
  readonly rel?: number;
  /** Absolute tolerance: |actual − expected| ≤ abs passes. Default 0. */
  readonly abs?: number;
  /** Prefix for the failure message (e.g. which point or layer). */
  readonly label?: string;
}

/**
 * Asserts that `actual` is within max(abs, rel·|expected|) of `expected`.
 * NaN matches only NaN, and ±Infinity only itself.
 */
export function expectClose(actual: number, expected: number, options: CloseOptions = {}): void {
  const { rel = 1e-12, abs = 0, label = '' } = options;
  const where = label ? `${label}: ` : '';
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    expect(Number.isNaN(actual), `${where}expected ${expected}, got ${actual}`).toBe(Number.isNaN(expected));
    return;
  }
  if (actual === expected) return;
  const tolerance = Math.max(abs, rel * Math.abs(expected));
  const error = Math.abs(actual - expected);
  expect(
    error <= tolerance,
    `${where}expected ${expected}, got ${actual} (error ${error.toExponential(3)} > tolerance ${tolerance.toExponential(3)})`,
  ).toBe(true);
}

/** Element-wise `expectClose` for two sequences of the same length. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  options: CloseOptions = {},
): void {
  expect(actual.length, `${options.label ?? ''} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expectClose(actual[i], expected[i], { ...options, label: `${options.label ?? ''}[${i}]` });
  }
}
