import { describe, expect, it } from 'vitest';
import { bce, binaryLossIds, binaryLosses, mse, sigmoid, sigmoidDerivative } from '../../../src/lib';
import { expectClose } from '../../helpers/expect-close';

/** Central difference of a loss in z. */
function numericDz(f: (z: number, y: number) => number, z: number, y: number, h = 1e-5): number {
  return (f(z + h, y) - f(z - h, y)) / (2 * h);
}

/** The textbook forms on ŷ = σ(z), only trusted where σ(z) is not rounded to 0 or 1. */
const naiveBce = (z: number, y: number) => -(y * Math.log(sigmoid(z)) + (1 - y) * Math.log(1 - sigmoid(z)));
const naiveMse = (z: number, y: number) => 0.5 * (sigmoid(z) - y) ** 2;

const zs = Array.from({ length: 81 }, (_, i) => -10 + i * 0.25);
const ys = [0, 1, 0.3];

describe('binary losses on the logit', () => {
  it('registers bce and mse under their ids', () => {
    expect([...binaryLossIds]).toEqual(['bce', 'mse']);
    for (const id of binaryLossIds) expect(binaryLosses[id].id).toBe(id);
  });

  it('bce equals −[y log ŷ + (1 − y) log(1 − ŷ)] and mse equals ½(ŷ − y)² where ŷ is not rounded', () => {
    for (const z of zs) {
      for (const y of ys) {
        expectClose(bce.value(z, y), naiveBce(z, y), { rel: 1e-9, abs: 1e-12, label: `bce z=${z} y=${y}` });
        expectClose(mse.value(z, y), naiveMse(z, y), { rel: 1e-12, abs: 1e-15, label: `mse z=${z} y=${y}` });
      }
    }
  });

  it('dz matches a central difference of value', () => {
    for (const loss of [bce, mse]) {
      for (const z of zs) {
        for (const y of ys) {
          expectClose(loss.dz(z, y), numericDz(loss.value, z, y), { abs: 1e-8, label: `${loss.id} z=${z} y=${y}` });
        }
      }
    }
  });

  it('bce: ∂L/∂z = ŷ − y; mse: ∂L/∂z = (ŷ − y)·σ′(z)', () => {
    for (const z of zs) {
      for (const y of ys) {
        expectClose(bce.dz(z, y), sigmoid(z) - y, { abs: 1e-16 });
        expectClose(mse.dz(z, y), (sigmoid(z) - y) * sigmoidDerivative(z), { rel: 1e-14, abs: 1e-300 });
      }
    }
  });

  it('confidently wrong: bce keeps a gradient near −1, mse loses it (ratio 1/σ′(z))', () => {
    for (const z of [-6, -10, -20]) {
      expect(bce.dz(z, 1)).toBeLessThan(-0.99);
      expect(Math.abs(mse.dz(z, 1))).toBeLessThan(0.0025);
      expectClose(bce.dz(z, 1) / mse.dz(z, 1), 1 / sigmoidDerivative(z), { rel: 1e-12 });
    }
    // Mirror image for y = 0.
    expectClose(bce.dz(6, 0), -bce.dz(-6, 1), { rel: 1e-15 });
    expectClose(mse.dz(6, 0), -mse.dz(-6, 1), { rel: 1e-15 });
  });

  it('mse: |∂L/∂z| for y = 1 peaks at ŷ = 1/3 (z = −ln 2) with 4/27, and is smaller when more wrong', () => {
    let best = { z: 0, g: 0 };
    for (let z = -8; z <= 4; z += 1e-4) {
      const g = Math.abs(mse.dz(z, 1));
      if (g > best.g) best = { z, g };
    }
    expectClose(best.z, -Math.LN2, { abs: 2e-4 });
    expectClose(best.g, 4 / 27, { rel: 1e-7 });
    expectClose(Math.abs(mse.dz(-Math.LN2, 1)), 4 / 27, { rel: 1e-14 });
    expect(Math.abs(mse.dz(-3, 1))).toBeLessThan(Math.abs(mse.dz(-Math.LN2, 1)));
  });

  it('stays finite where σ(z) rounds to 0 or 1 (the naive log would give ∞)', () => {
    expect(sigmoid(40)).toBe(1);
    expect(naiveBce(40, 0)).toBe(Infinity);
    expectClose(bce.value(40, 0), 40, { rel: 1e-15 });
    expectClose(bce.value(-800, 1), 800, { rel: 1e-15 });
    expect(bce.value(800, 1)).toBe(0);
    for (const z of [-1000, -40, 0, 40, 1000]) {
      for (const y of [0, 1]) {
        for (const loss of [bce, mse]) {
          expect(Number.isFinite(loss.value(z, y)), `${loss.id}.value(${z}, ${y})`).toBe(true);
          expect(Number.isFinite(loss.dz(z, y)), `${loss.id}.dz(${z}, ${y})`).toBe(true);
        }
      }
    }
  });

  it('is 0 at a perfect output and never negative for y ∈ {0, 1}', () => {
    expect(bce.value(1000, 1)).toBe(0);
    expect(mse.value(1000, 1)).toBe(0);
    for (const z of zs)
      for (const y of [0, 1]) for (const loss of [bce, mse]) expect(loss.value(z, y)).toBeGreaterThanOrEqual(0);
  });
});
