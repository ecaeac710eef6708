import { describe, expect, test } from 'vitest';
import { PATH_TOLERANCE, simplifyIndices } from '../../../src/components/charts/shared/simplify';
import { polylinePath } from '../../../src/components/charts/shared/scales';

/** Distance from a point to the polyline through (xs[k], ys[k]) for the kept indices. */
function distanceToKept(px: number, py: number, xs: number[], ys: number[], kept: number[]): number {
  let best = Infinity;
  for (let j = 1; j < kept.length; j++) {
    const [a, b] = [kept[j - 1], kept[j]];
    const dx = xs[b] - xs[a];
    const dy = ys[b] - ys[a];
    const t = Math.max(0, Math.min(1, ((px - xs[a]) * dx + (py - ys[a]) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(px - xs[a] - t * dx, py - ys[a] - t * dy));
  }
  return best;
}

/** Screen samples of f every 2 px over a 600 × 300 plot, as the activation charts take them. */
function samples(f: (x: number) => number, lo: number, hi: number): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= 300; i++) {
    const x = lo + ((hi - lo) * i) / 300;
    xs.push(2 * i);
    ys.push(300 - 300 * f(x));
  }
  return { xs, ys };
}

describe('simplifyIndices', () => {
  test('keeps short runs whole and always keeps both ends', () => {
    expect(simplifyIndices([], [], 0.1)).toEqual([]);
    expect(simplifyIndices([1], [2], 0.1)).toEqual([0]);
    expect(simplifyIndices([0, 1], [0, 5], 0.1)).toEqual([0, 1]);
    const { xs, ys } = samples((x) => 1 / (1 + Math.exp(-x)), -6, 6);
    const kept = simplifyIndices(xs, ys, PATH_TOLERANCE);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(xs.length - 1);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
  });

  test('reduces a straight run to its two ends', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i * 2);
    const ys = xs.map((x) => 3 * x + 1);
    expect(simplifyIndices(xs, ys, PATH_TOLERANCE)).toEqual([0, 99]);
  });

  test.each([
    ['sigmoid', (x: number) => 1 / (1 + Math.exp(-x)), -6, 6],
    ['tanh', (x: number) => (Math.tanh(x) + 1) / 2, -6, 6],
    ['GELU', (x: number) => (x * (1 + Math.tanh(0.7978845608 * (x + 0.044715 * x ** 3)))) / 2 / 5 + 0.2, -5, 5],
    ['sin', (x: number) => (Math.sin(x) + 1) / 2, -3, 3],
  ] as const)('keeps every dropped %s sample within the tolerance, with far fewer points', (_, f, lo, hi) => {
    const { xs, ys } = samples(f, lo, hi);
    const kept = simplifyIndices(xs, ys, PATH_TOLERANCE);
    let worst = 0;
    for (let i = 0; i < xs.length; i++) worst = Math.max(worst, distanceToKept(xs[i], ys[i], xs, ys, kept));
    expect(worst).toBeLessThanOrEqual(PATH_TOLERANCE);
    expect(kept.length).toBeLessThan(xs.length / 2);
  });

  test('keeps a kink exactly (ReLU at 0)', () => {
    const { xs, ys } = samples((x) => Math.max(0, x) / 4, -4, 4);
    const kept = simplifyIndices(xs, ys, PATH_TOLERANCE);
    expect(kept).toEqual([0, 150, 300]);
  });

  test('with tolerance 0 drops only points exactly on the line between their neighbours', () => {
    expect(simplifyIndices([0, 1, 2, 3], [0, 0, 1, 1], 0)).toEqual([0, 1, 2, 3]);
    expect(simplifyIndices([0, 1, 2, 3], [0, 1, 2, 5], 0)).toEqual([0, 2, 3]);
  });
});

describe('polylinePath with a tolerance', () => {
  test('simplifies each defined run on its own and keeps gaps and lone points', () => {
    const ys = [0, 1, 2, 3, NaN, 7, NaN, 1, 1, 1];
    const d = polylinePath(
      ys.length,
      (i) => i,
      (i) => ys[i],
      (i) => Number.isFinite(ys[i]),
      PATH_TOLERANCE,
    );
    expect(d).toBe('M0,0L3,3M5,7ZM7,1L9,1');
    // Without a tolerance every point stays.
    expect(
      polylinePath(
        4,
        (i) => i,
        (i) => i,
        () => true,
      ),
    ).toBe('M0,0L1,1L2,2L3,3');
  });
});
