import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationIds, activations, getActivation, type ActivationId } from '../../../src/lib';
import { expectClose } from '../../helpers/expect-close';

const all = activationIds.map((id) => activations[id]);
const MONOTONE: ActivationId[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'softplus', 'linear'];

describe('activation properties (fast-check)', () => {
  const wide = fc.double({ min: -1000, max: 1000, noNaN: true });

  it('f and f′ are finite for every |x| ≤ 1000', () => {
    for (const a of all) {
      fc.assert(
        fc.property(wide, (x) => {
          expect(Number.isFinite(a.f(x)), `${a.id}(${x})`).toBe(true);
          expect(Number.isFinite(a.df(x)), `${a.id}'(${x})`).toBe(true);
        }),
        { numRuns: 300 },
      );
      for (const x of [-1000, -745, -710, -40, 40, 710, 745, 1000]) {
        expect(Number.isFinite(a.f(x)) && Number.isFinite(a.df(x)), `${a.id} at ${x}`).toBe(true);
      }
    }
  }, 30_000);

  it('sigmoid(x) + sigmoid(−x) = 1', () => {
    const s = activations.sigmoid.f;
    fc.assert(fc.property(wide, (x) => expectClose(s(x) + s(-x), 1, { abs: 2.3e-16 })));
  });

  it('tanh is odd and tanh = 2σ(2x) − 1', () => {
    const t = activations.tanh.f;
    const s = activations.sigmoid.f;
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => {
        expect(t(-x)).toBe(-t(x));
        expectClose(t(x), 2 * s(2 * x) - 1, { abs: 5e-16 });
      }),
    );
  });

  it('monotone activations never decrease and have f′ ≥ 0', () => {
    for (const id of MONOTONE) {
      const a = activations[id];
      fc.assert(
        fc.property(wide, wide, (x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(a.f(lo), `${id}(${lo}) ≤ ${id}(${hi})`).toBeLessThanOrEqual(a.f(hi));
          expect(a.df(x)).toBeGreaterThanOrEqual(0);
        }),
        { numRuns: 300 },
      );
    }
  }, 30_000);

  it('f stays inside the declared range', () => {
    for (const a of all) {
      fc.assert(
        fc.property(wide, (x) => {
          const y = a.f(x);
          expect(y, `${a.id}(${x})`).toBeGreaterThanOrEqual(a.range[0]);
          expect(y, `${a.id}(${x})`).toBeLessThanOrEqual(a.range[1]);
        }),
        { numRuns: 300 },
      );
    }
    expectClose(activations.gelu.f(-0.7517915246935645), activations.gelu.range[0], { rel: 1e-15 });
    expectClose(activations.silu.f(-1.2784645427610737), activations.silu.range[0], { rel: 1e-15 });
  }, 30_000);

  it('evaluate gives bit-identical results to f and df', () => {
    for (const a of [...all, getActivation('leaky-relu', { slope: 0.1 }), getActivation('elu', { alpha: 0.3 })]) {
      fc.assert(
        fc.property(fc.array(fc.double({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 64 }), (xs) => {
          const z = Float64Array.from(xs);
          const h = new Float64Array(z.length);
          const d = new Float64Array(z.length);
          a.evaluate(z, h, d, z.length);
          for (let i = 0; i < z.length; i++) {
            expect(Object.is(h[i], a.f(z[i])), `${a.id}(${z[i]})`).toBe(true);
            expect(Object.is(d[i], a.df(z[i])), `${a.id}'(${z[i]})`).toBe(true);
          }
        }),
        { numRuns: 50 },
      );
    }
  }, 30_000);
});
