import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationIds, activations, getActivation, type Activation, type ActivationId } from '../../../src/lib';
import { expectClose } from '../../helpers/expect-close';

import { REFERENCE } from './reference-values';

const all = activationIds.map((id) => activations[id]);
/** Points where f′ jumps; finite differences skip a neighbourhood of them. */
const KINKS: Partial<Record<ActivationId, number[]>> = { relu: [0], 'leaky-relu': [0], elu: [0] };

describe('activation registry', () => {
  it('lists the nine ids in chart order, each keyed by its own id', () => {
    expect([...activationIds]).toEqual([
      'sigmoid',
      'tanh',
      'relu',
      'leaky-relu',
      'elu',
      'gelu',
      'silu',
      'softplus',
      'linear',
    ]);
    expect(Object.keys(activations).sort()).toEqual([...activationIds].sort());
    for (const id of activationIds) expect(activations[id].id).toBe(id);
  });

  it('gives every activation Korean and English labels, TeX for f and f′, and a reference', () => {
    expect(activations.sigmoid.label).toEqual({ ko: '시그모이드', en: 'Sigmoid' });
    for (const a of all) {
      expect(a.label.ko.length).toBeGreaterThan(0);
      expect(a.label.en.length).toBeGreaterThan(0);
      expect(a.tex.length).toBeGreaterThan(0);
      expect(a.dtex.length).toBeGreaterThan(0);
      expect(a.reference.length).toBeGreaterThan(0);
      expect(a.range).toHaveLength(2);
      expect(a.range[0]).toBeLessThan(a.range[1]);
    }
  });

  it('marks only sigmoid and tanh as saturating, and relu/leaky-relu as the relu family', () => {
    expect(all.filter((a) => a.saturates).map((a) => a.id)).toEqual(['sigmoid', 'tanh']);
    expect(all.filter((a) => a.family === 'relu').map((a) => a.id)).toEqual(['relu', 'leaky-relu']);
    expect(activations.linear.family).toBe('linear');
  });

  it('is deeply frozen so that one chart cannot change another chart’s activation', () => {
    for (const a of all) {
      expect(Object.isFrozen(a)).toBe(true);
      expect(Object.isFrozen(a.range)).toBe(true);
      expect(Object.isFrozen(a.label)).toBe(true);
      expect(Object.isFrozen(a.maxDerivative)).toBe(true);
    }
  });

  it('describes the parameters of leaky-relu (slope 0.01) and elu (alpha 1)', () => {
    expect(activations['leaky-relu'].paramValues).toEqual({ slope: 0.01 });
    expect(activations['leaky-relu'].params.map((p) => [p.name, p.default, p.min, p.max])).toEqual([
      ['slope', 0.01, 0, 1],
    ]);
    expect(activations.elu.paramValues).toEqual({ alpha: 1 });
    expect(activations.elu.params.map((p) => [p.name, p.default])).toEqual([['alpha', 1]]);
    expect(activations.relu.params).toEqual([]);
  });
});

describe('getActivation', () => {
  it('returns the registry entry for an id without params', () => {
    for (const id of activationIds) expect(getActivation(id)).toBe(activations[id]);
  });

  it('builds leaky-relu with a custom slope and elu with a custom alpha', () => {
    const leaky = getActivation('leaky-relu', { slope: 0.2 });
    expect(leaky.f(-10)).toBe(-2);
    expect(leaky.df(-3)).toBe(0.2);
    expect(leaky.paramValues.slope).toBe(0.2);
    const elu = getActivation('elu', { alpha: 2 });
    expectClose(elu.f(-1), 2 * Math.expm1(-1), { rel: 1e-15 });
    expect(elu.range[0]).toBe(-2);
    expect(elu.maxDerivative).toEqual({ x: 0, value: 2 });
  });

  it('throws a RangeError listing every valid id for an unknown activation', () => {
    expect(() => getActivation('foo')).toThrow(RangeError);
    expect(() => getActivation('foo')).toThrow(`Unknown activation "foo". Valid ids: ${activationIds.join(', ')}.`);
    expect(() => getActivation('ReLU')).toThrow(/Unknown activation "ReLU"/);
  });

  it('rejects a slope outside [0, 1), naming the parameter and its range', () => {
    for (const slope of [NaN, -0.1, 1, 1.5, Infinity]) {
      expect(() => getActivation('leaky-relu', { slope })).toThrow(RangeError);
      expect(() => getActivation('leaky-relu', { slope })).toThrow(/slope .*\[0, 1\)/);
    }
    expect(getActivation('leaky-relu', { slope: 0 }).f(-5)).toBe(-0);
  });

  it('rejects a negative or non-finite alpha, naming the parameter and its range', () => {
    for (const alpha of [NaN, -1, Infinity]) {
      expect(() => getActivation('elu', { alpha })).toThrow(RangeError);
      expect(() => getActivation('elu', { alpha })).toThrow(/alpha .*\[0, Infinity\)/);
    }
  });
});

describe('activation values', () => {
  it('match 50-digit reference values of f and f′', () => {
    for (const [id, rows] of Object.entries(REFERENCE)) {
      const a = getActivation(id);
      for (const [x, f, df] of rows) {
        expectClose(a.f(x), f, { rel: 4e-15, label: `${id}(${x})` });
        expectClose(a.df(x), df, { rel: 4e-15, label: `${id}'(${x})` });
      }
    }
  });

  it('sigmoid saturates to exactly 0 at -1000 and exactly 1 at 1000, without NaN', () => {
    const s = activations.sigmoid;
    expect(s.f(-1000)).toBe(0);
    expect(s.f(1000)).toBe(1);
    expect(s.df(-1000)).toBe(0);
    expect(s.df(1000)).toBe(0);
    expect(s.f(0)).toBe(0.5);
    expect(s.df(0)).toBe(0.25);
  });

  it('tanh saturates to ±1 with a zero derivative at ±1000', () => {
    expect(activations.tanh.f(1000)).toBe(1);
    expect(activations.tanh.f(-1000)).toBe(-1);
    expect(activations.tanh.df(1000)).toBe(0);
    expect(activations.tanh.df(-1000)).toBe(0);
    expect(activations.tanh.df(0)).toBe(1);
  });

  it('tanh from one exponential stays within a few ulps of Math.tanh, across both branches and at their edges', () => {
    const t = activations.tanh.f;
    const edges = [2 ** -28, 0.55].flatMap((b) => [b * (1 - 2 ** -52), b, b * (1 + 2 ** -52), -b]);
    for (const x of edges) expectClose(t(x), Math.tanh(x), { rel: 1e-15, label: `tanh(${x})` });
    fc.assert(
      fc.property(fc.double({ min: -25, max: 25, noNaN: true }), (x) => {
        expectClose(t(x), Math.tanh(x), { rel: 1e-15, abs: 1e-300 });
        // sech² x = 1 − tanh² x where the subtraction is safe.
        if (Math.abs(x) < 0.5) expectClose(activations.tanh.df(x), 1 - Math.tanh(x) ** 2, { rel: 2e-15 });
      }),
    );
    expect(Object.is(t(-0), -0)).toBe(true);
  });

  it('tanh′ keeps relative precision where 1 − tanh² would round to 0', () => {
    // 4e^{-40}/(1 + e^{-40})² at x = 20
    expectClose(activations.tanh.df(20), 1.6993417021166355e-17, { rel: 1e-14 });
  });

  it('softplus is stable at ±1000: softplus(1000) = 1000 and softplus(−1000) = 0', () => {
    expect(activations.softplus.f(1000)).toBe(1000);
    expect(activations.softplus.f(-1000)).toBe(0);
    expect(activations.softplus.df(1000)).toBe(1);
    expect(activations.softplus.df(-1000)).toBe(0);
    expectClose(activations.softplus.f(0), Math.LN2, { rel: 1e-16 });
    expectClose(activations.softplus.f(-40), Math.exp(-40), { rel: 1e-15 });
  });

  it('gelu and silu tend to x on the right and to 0 on the left at ±1000', () => {
    for (const id of ['gelu', 'silu'] as const) {
      const a = activations[id];
      expect(a.f(1000)).toBe(1000);
      expect(a.df(1000)).toBe(1);
      expect(Math.abs(a.f(-1000))).toBe(0);
      expect(Math.abs(a.df(-1000))).toBe(0);
      expect(a.f(0)).toBe(0);
      expect(a.df(0)).toBe(0.5);
    }
  });

  it('elu tends to −α on the left and uses f′(0) = α (PyTorch)', () => {
    expect(activations.elu.f(-1000)).toBe(-1);
    expect(activations.elu.df(-1000)).toBe(0);
    expect(activations.elu.f(1000)).toBe(1000);
    expect(activations.elu.df(0)).toBe(1);
    expect(getActivation('elu', { alpha: 0.5 }).df(0)).toBe(0.5);
    expect(getActivation('elu', { alpha: 0.5 }).df(1e-300)).toBe(1);
  });

  it('follows the frameworks at the kink: relu′(0) = 0 and leaky-relu′(0) = slope', () => {
    expect(activations.relu.df(0)).toBe(0);
    expect(activations.relu.df(-0)).toBe(0);
    expect(activations.relu.df(5e-324)).toBe(1);
    expect(activations['leaky-relu'].df(0)).toBe(0.01);
    expect(getActivation('leaky-relu', { slope: 0.3 }).df(0)).toBe(0.3);
    expect(activations.relu.f(-1000)).toBe(0);
    expect(Object.is(activations.relu.f(-0), 0)).toBe(true);
    expect(activations['leaky-relu'].f(-1000)).toBe(-10);
  });

  it('behaves linearly at ±tiny inputs', () => {
    const tiny = 1e-300;
    for (const x of [tiny, -tiny]) {
      expect(activations.sigmoid.f(x)).toBe(0.5);
      expect(activations.tanh.f(x)).toBe(x);
      expect(activations.linear.f(x)).toBe(x);
      expect(activations.elu.f(x)).toBe(x);
      expectClose(activations.gelu.f(x), x / 2, { rel: 1e-15 });
      expectClose(activations.silu.f(x), x / 2, { rel: 1e-15 });
      expectClose(activations.softplus.f(x), Math.LN2, { rel: 1e-15 });
    }
    expect(activations.relu.f(tiny)).toBe(tiny);
    expect(activations.relu.f(-tiny)).toBe(0);
    expect(activations['leaky-relu'].f(-tiny)).toBe(-tiny * 0.01);
  });

  it('maps NaN to NaN in f, df and evaluate', () => {
    for (const a of all) {
      expect(a.f(NaN), a.id).toBeNaN();
      expect(a.df(NaN), a.id).toBeNaN();
      const h = new Float64Array(1);
      const d = new Float64Array(1);
      a.evaluate(new Float64Array([NaN]), h, d, 1);
      expect(h[0], a.id).toBeNaN();
      expect(d[0], a.id).toBeNaN();
    }
  });
});

/** Central difference (f(x+h) − f(x−h))/2h. */
function centralDifference(a: Activation, x: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (a.f(x + h) - a.f(x - h)) / (2 * h);
}

describe('activation derivatives', () => {
  it('agree with a central finite difference of f for every activation, away from kinks', () => {
    const variants = [...all, getActivation('leaky-relu', { slope: 0.2 }), getActivation('elu', { alpha: 1.7 })];
    for (const a of variants) {
      for (let x = -20; x <= 20; x += 0.173) {
        if ((KINKS[a.id] ?? []).some((k) => Math.abs(x - k) < 1e-3)) continue;
        expectClose(a.df(x), centralDifference(a, x), { rel: 1e-7, abs: 1e-9, label: `${a.id}'(${x})` });
      }
    }
  }, 30_000);

  it('equal the derivative of the closed form at random points (fast-check)', () => {
    for (const a of all) {
      fc.assert(
        fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
          fc.pre(Math.abs(x) > 1e-3);
          expectClose(a.df(x), centralDifference(a, x), { rel: 1e-6, abs: 1e-9, label: `${a.id}'(${x})` });
        }),
        { numRuns: 200 },
      );
    }
  }, 30_000);

  it('are never above maxDerivative.value, which is attained at maxDerivative.x', () => {
    for (const a of [...all, getActivation('elu', { alpha: 2 }), getActivation('leaky-relu', { slope: 0.5 })]) {
      const { x, value } = a.maxDerivative;
      expectClose(Math.abs(a.df(x)), value, { rel: 1e-15, label: a.id });
      let largest = 0;
      for (let t = -30; t <= 30; t += 0.01) largest = Math.max(largest, Math.abs(a.df(t)));
      expect(largest, a.id).toBeLessThanOrEqual(value * (1 + 1e-15));
    }
    expect(activations.sigmoid.maxDerivative).toEqual({ x: 0, value: 0.25 });
    expect(activations.tanh.maxDerivative).toEqual({ x: 0, value: 1 });
    expect(activations.relu.maxDerivative.value).toBe(1);
    expect(activations.gelu.maxDerivative.x).toBe(Math.SQRT2);
  }, 30_000);
});
