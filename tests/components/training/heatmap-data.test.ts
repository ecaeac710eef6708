import { describe, expect, test } from 'vitest';
import {
  bucketOf,
  heatColumns,
  heatPaths,
  heatScale,
  MAX_DECADES,
  PALETTE,
} from '../../../src/components/charts/training/heatmap-data';
import type { TrainRecord } from '../../../src/components/charts/training/history';

const rec = (step: number, grad: number[]): TrainRecord => ({
  step,
  trainLoss: 0.7,
  testLoss: 0.7,
  trainAccuracy: 0.5,
  testAccuracy: 0.5,
  grad,
});

describe('gradient heatmap layout', () => {
  test('the colour scale spans whole decades around the values, at least 2 and at most MAX_DECADES wide', () => {
    expect(heatScale([rec(1, [3e-7, 0.02, 0])])).toMatchObject({ lo: -7, hi: -1 });
    expect(heatScale([rec(1, [0.5, 0.6])])).toMatchObject({ lo: -2, hi: 0 });
    expect(heatScale([rec(1, [1e-200, 10])])).toMatchObject({ lo: 1 - MAX_DECADES, hi: 1 });
    // Nothing plottable: a default scale rather than NaN bounds.
    const empty = heatScale([rec(1, [0, NaN, Infinity])]);
    expect(Number.isFinite(empty.lo) && Number.isFinite(empty.hi)).toBe(true);
    for (const s of [heatScale([rec(1, [1e-9, 1])]), empty]) for (const c of s.colors) expect(PALETTE).toContain(c);
  });

  test('buckets split the log range evenly; 0 is "under", ∞ and NaN are "over"', () => {
    const scale = heatScale([rec(1, [1e-4, 1])]); // decades −4 … 0
    const n = scale.colors.length;
    expect(bucketOf(1e-4, scale)).toBe(0);
    expect(bucketOf(1e-9, scale)).toBe(0);
    expect(bucketOf(1, scale)).toBe(n - 1);
    expect(bucketOf(1e-2, scale)).toBe(n / 2);
    expect(bucketOf(0, scale)).toBe('under');
    expect(bucketOf(Infinity, scale)).toBe('over');
    expect(bucketOf(NaN, scale)).toBe('over');
  });

  test('columns are thinned to the budget, keep the last record and skip step 0 (no step taken yet)', () => {
    const rs = Array.from({ length: 101 }, (_, s) => rec(s, [1]));
    const cols = heatColumns(rs, 10);
    expect(cols.length).toBeLessThanOrEqual(11);
    expect(cols[0].step).toBeGreaterThan(0);
    expect(cols[cols.length - 1].step).toBe(100);
  });

  test('the input layer is the bottom row; equal neighbours merge into one rectangle', () => {
    const scale = heatScale([rec(1, [1e-4, 1])]);
    const cols = [rec(10, [1e-4, 1]), rec(20, [1e-4, 1])];
    const p = heatPaths(cols, 2, (s) => s, { y0: 100, y1: 0 }, scale);
    // Layer 1 (index 0, smallest value → bucket 0) spans the lower half y 50…100, both columns in one run.
    expect(p.buckets[0]).toBe('M0,50h20v50h-20z');
    expect(p.buckets[scale.colors.length - 1]).toBe('M0,0h20v50h-20z');
    expect(p.under + p.over).toBe('');
  });

  test('zero and non-finite gradients get their own paths, never a NaN coordinate', () => {
    const scale = heatScale([rec(1, [1])]);
    const p = heatPaths([rec(5, [0, NaN]), rec(6, [Infinity, 1])], 2, (s) => s * 10, { y0: 20, y1: 0 }, scale);
    expect(p.under).toBe('M0,10h50v10h-50z');
    expect(p.over).toContain('M50,10h10v10h-10z');
    expect(p.over).toContain('M0,0h50v10h-50z');
    expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
  });
});
