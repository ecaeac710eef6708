import { describe, expect, it } from 'vitest';
import { createRng, randomNormal, randomUniform, seedToUint32 } from '../../../src/lib';
import { expectClose } from '../../helpers/expect-close';

const M = 2n ** 32n;

/** mulberry32 written independently with unsigned BigInt arithmetic modulo 2³². */
function referenceMulberry32(seed: number, count: number): number[] {
  let a = ((BigInt(Math.trunc(seed)) % M) + M) % M;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5n) % M;
    let t = a;
    t = ((t ^ (t >> 15n)) * (t | 1n)) % M;
    t = t ^ ((t + (t ^ (t >> 7n)) * (t | 61n)) % M);
    out.push(Number(t ^ (t >> 14n)) / 2 ** 32);
  }
  return out;
}

function draw(rng: () => number, count: number): number[] {
  return Array.from({ length: count }, () => rng());
}

describe('createRng', () => {
  it('is mulberry32: matches an independent BigInt implementation for several seeds', () => {
    for (const seed of [0, 1, 42, 123456789, 4294967295]) {
      expect(draw(createRng(seed), 2000)).toEqual(referenceMulberry32(seed, 2000));
    }
  });

  it('reproduces the identical sequence for the same seed, and a different one for another seed', () => {
    expect(draw(createRng(7), 100)).toEqual(draw(createRng(7), 100));
    expect(draw(createRng(7), 100)).not.toEqual(draw(createRng(8), 100));
  });

  it('maps seeds with ToUint32: truncation toward zero, then modulo 2^32', () => {
    expect(seedToUint32(7.9)).toBe(7);
    expect(seedToUint32(-1)).toBe(4294967295);
    expect(seedToUint32(-1.5)).toBe(4294967295);
    expect(seedToUint32(2 ** 32 + 5)).toBe(5);
    expect(seedToUint32(-0)).toBe(0);
    expect(draw(createRng(7.9), 10)).toEqual(draw(createRng(7), 10));
    expect(draw(createRng(-1), 10)).toEqual(draw(createRng(4294967295), 10));
    expect(draw(createRng(2 ** 32 + 5), 10)).toEqual(draw(createRng(5), 10));
  });

  it('rejects non-finite seeds with a RangeError naming the seed', () => {
    for (const seed of [NaN, Infinity, -Infinity, '1' as unknown as number]) {
      expect(() => createRng(seed)).toThrow(RangeError);
      expect(() => createRng(seed)).toThrow(/seed must be a finite number/);
    }
  });

  it('returns values in [0, 1) with mean 1/2 and variance 1/12', () => {
    const xs = draw(createRng(99), 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expectClose(mean, 0.5, { abs: 0.005 });
    expectClose(variance, 1 / 12, { rel: 0.02 });
  });
});

describe('randomNormal', () => {
  it('is the Marsaglia polar method on the injected source, spare value included', () => {
    // Independent transcription of the polar method on the reference stream.
    const u = referenceMulberry32(5, 10_000);
    let k = 0;
    const expected: number[] = [];
    while (expected.length < 2000) {
      let a: number;
      let b: number;
      let s: number;
      do {
        a = u[k++] * 2 - 1;
        b = u[k++] * 2 - 1;
        s = a * a + b * b;
      } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      expected.push(a * m, b * m);
    }
    expect(draw(randomNormal(createRng(5)), 2000)).toEqual(expected);
  });

  it('has mean 0, variance 1 and 68.3 % of its mass within one standard deviation', () => {
    const xs = draw(randomNormal(createRng(2024)), 200_000);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expectClose(mean, 0, { abs: 0.012 });
    expectClose(variance, 1, { abs: 0.016 });
    const within = xs.filter((x) => Math.abs(x) < 1).length / xs.length;
    expectClose(within, 0.6826894921370859, { abs: 0.005 });
  });

  it('shifts and scales by mean and std, and a std of 0 gives the mean exactly', () => {
    const base = draw(randomNormal(createRng(3)), 50);
    const shifted = draw(randomNormal(createRng(3), 10, 2), 50);
    shifted.forEach((x, i) => expect(x).toBe(10 + 2 * base[i]));
    expect(draw(randomNormal(createRng(3), 4, 0), 5)).toEqual([4, 4, 4, 4, 4]);
  });

  it('rejects a negative or non-finite std and a non-finite mean, naming the argument', () => {
    expect(() => randomNormal(createRng(1), 0, -1)).toThrow(/Invalid std -1: std must be a finite number ≥ 0/);
    expect(() => randomNormal(createRng(1), 0, NaN)).toThrow(RangeError);
    expect(() => randomNormal(createRng(1), NaN, 1)).toThrow(/Invalid mean NaN/);
  });
});

describe('randomUniform', () => {
  it('draws lo + (hi − lo)·u from the injected source', () => {
    const u = referenceMulberry32(11, 20);
    expect(draw(randomUniform(createRng(11), -2, 6), 20)).toEqual(u.map((x) => -2 + 8 * x));
  });

  it('rejects reversed or non-finite bounds', () => {
    expect(() => randomUniform(createRng(1), 1, 0)).toThrow(RangeError);
    expect(() => randomUniform(createRng(1), 0, Infinity)).toThrow(/lo and hi must be finite/);
  });
});
