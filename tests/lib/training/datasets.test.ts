import { describe, expect, it } from 'vitest';
import { datasetIds, makeDataset, TRAIN_LIMITS } from '../../../src/lib';

const { size, noise } = TRAIN_LIMITS;

describe('makeDataset', () => {
  for (const kind of datasetIds) {
    it(`${kind}: the same seed gives the same points, another seed other points`, () => {
      const a = makeDataset({ kind, size: 100, noise: 0.1, seed: 4 });
      expect(makeDataset({ kind, size: 100, noise: 0.1, seed: 4 })).toEqual(a);
      expect(makeDataset({ kind, size: 100, noise: 0.1, seed: 5 }).train.x).not.toEqual(a.train.x);
    });

    it(`${kind}: half train, half test, each balanced with labels 0 and 1`, () => {
      const d = makeDataset({ kind, size: 101, noise: 0.2, seed: 1 });
      expect(d.train.y).toHaveLength(50);
      expect(d.test.y).toHaveLength(51);
      expect(d.train.x).toHaveLength(100);
      expect(d.test.x).toHaveLength(102);
      for (const [set, ones] of [
        [d.train, 25],
        [d.test, 25],
      ] as const) {
        expect(set.y.every((v) => v === 0 || v === 1)).toBe(true);
        expect(set.y.reduce((s, v) => s + v, 0)).toBe(ones);
      }
    });

    it(`${kind}: every coordinate lies within [−1 − noise, 1 + noise] at the largest noise`, () => {
      const d = makeDataset({ kind, size: size.max, noise: noise.max, seed: 2 });
      for (const v of [...d.train.x, ...d.test.x]) expect(Math.abs(v)).toBeLessThanOrEqual(1 + noise.max);
    });
  }

  const noiseless = (kind: (typeof datasetIds)[number]) => makeDataset({ kind, size: 400, noise: 0, seed: 3 }).train;

  it('circle without noise: class 1 inside radius 0.5, class 0 in the ring 0.7 to 1', () => {
    const { x, y } = noiseless('circle');
    for (let b = 0; b < y.length; b++) {
      const r = Math.hypot(x[2 * b], x[2 * b + 1]);
      if (y[b] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else expect(r >= 0.7 && r <= 1).toBe(true);
    }
  });

  it('xor without noise: class 1 exactly where x·y > 0, no point within 0.05 of an axis', () => {
    const { x, y } = noiseless('xor');
    for (let b = 0; b < y.length; b++) {
      expect(x[2 * b] * x[2 * b + 1] > 0).toBe(y[b] === 1);
      expect(Math.min(Math.abs(x[2 * b]), Math.abs(x[2 * b + 1]))).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('spiral without noise: each point lies on its arm θ = 3.5π·r + π·label', () => {
    const { x, y } = noiseless('spiral');
    for (let b = 0; b < y.length; b++) {
      const r = Math.hypot(x[2 * b], x[2 * b + 1]);
      const t = 3.5 * Math.PI * r + Math.PI * y[b];
      expect(Math.abs(x[2 * b] - r * Math.cos(t)) + Math.abs(x[2 * b + 1] - r * Math.sin(t))).toBeLessThan(1e-12);
    }
  });

  it('gauss without noise: the two clusters are centred near ±(0.45, 0.45)', () => {
    const { x, y } = noiseless('gauss');
    for (const label of [0, 1]) {
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (let b = 0; b < y.length; b++) {
        if (y[b] !== label) continue;
        sx += x[2 * b];
        sy += x[2 * b + 1];
        n++;
      }
      const c = label === 1 ? 0.45 : -0.45;
      // Standard error of a mean of 200 draws with σ = 0.2: 0.014; 0.05 is over 3.5 of them.
      expect(Math.abs(sx / n - c)).toBeLessThan(0.05);
      expect(Math.abs(sy / n - c)).toBeLessThan(0.05);
    }
  });

  it('names the field and its valid values for a bad spec', () => {
    expect(() => makeDataset({ kind: 'moons' as never, size: 100, noise: 0, seed: 1 })).toThrow(
      new RangeError('Unknown dataset.kind "moons". Valid dataset.kind values: circle, xor, spiral, gauss.'),
    );
    expect(() => makeDataset({ kind: 'xor', size: 3, noise: 0, seed: 1 })).toThrow(
      `dataset.size must be an integer from ${size.min} to ${size.max}`,
    );
    expect(() => makeDataset({ kind: 'xor', size: 100, noise: -1, seed: 1 })).toThrow(
      `dataset.noise must be a number from ${noise.min} to ${noise.max}`,
    );
    expect(() => makeDataset({ kind: 'xor', size: 100, noise: 0, seed: NaN })).toThrow(/dataset\.seed/);
  });
});
