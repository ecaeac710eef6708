import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationIds, activations, getActivation, type Activation, type ActivationId } from '../../../src/lib';
import { expectClose } from '../../helpers/expect-close';

// f and f′ from mpmath at 50 digits, at the exact binary value of each x: [x, f(x), f′(x)].
const REFERENCE: Record<string, [number, number, number][]> = {
  sigmoid: [
    [-30, 9.357622968839299e-14, 9.3576229688384233e-14],
    [-10, 4.5397868702434395e-5, 4.5395807735951671e-5],
    [-5, 0.0066928509242848556, 0.0066480566707901549],
    [-2, 0.11920292202211756, 0.10499358540350652],
    [-1, 0.26894142136999512, 0.19661193324148185],
    [-0.5, 0.37754066879814544, 0.23500371220159449],
    [-1e-8, 0.4999999975, 0.24999999999999999],
    [1e-8, 0.5000000025, 0.24999999999999999],
    [0.5, 0.62245933120185456, 0.23500371220159449],
    [1, 0.73105857863000488, 0.19661193324148185],
    [2, 0.88079707797788244, 0.10499358540350652],
    [5, 0.99330714907571514, 0.0066480566707901549],
    [10, 0.99995460213129757, 4.5395807735951671e-5],
    [30, 0.99999999999990642, 9.3576229688384233e-14],
  ],
  tanh: [
    [-30, -1.0, 3.5026043050786081e-26],
    [-10, -0.99999999587769276, 8.2446144557673974e-9],
    [-5, -0.99990920426259513, 0.00018158323094380668],
    [-2, -0.96402758007581688, 0.070650824853164466],
    [-1, -0.76159415595576489, 0.41997434161402607],
    [-0.5, -0.46211715726000976, 0.78644773296592741],
    [-1e-8, -9.9999999999999999e-9, 0.9999999999999999],
    [1e-8, 9.9999999999999999e-9, 0.9999999999999999],
    [0.5, 0.46211715726000976, 0.78644773296592741],
    [1, 0.76159415595576489, 0.41997434161402607],
    [2, 0.96402758007581688, 0.070650824853164466],
    [5, 0.99990920426259513, 0.00018158323094380668],
    [10, 0.99999999587769276, 8.2446144557673974e-9],
    [30, 1.0, 3.5026043050786081e-26],
  ],
  gelu: [
    [-30, -1.4720141781444561e-196, -4.4160316907084944e-195],
    [-10, -7.6198530241605261e-23, -7.6184000964648141e-22],
    [-5, -1.4332578593959696e-6, -7.1469460017922946e-6],
    [-2, -0.045500263896358414, -0.085231801078196897],
    [-1, -0.15865525393145705, -0.083315470587686298],
    [-0.5, -0.15426876936299345, 0.13250487534383716],
    [-1e-8, -4.9999999601057721e-9, 0.49999999202115439],
    [1e-8, 5.0000000398942281e-9, 0.50000000797884561],
    [0.5, 0.34573123063700655, 0.86749512465616284],
    [1, 0.84134474606854295, 1.0833154705876863],
    [2, 1.9544997361036416, 1.0852318010781969],
    [5, 4.9999985667421406, 1.0000071469460018],
    [10, 10.0, 1.0],
    [30, 30.0, 1.0],
  ],
  silu: [
    [-30, -2.8072868906517897e-12, -2.713710660963134e-12],
    [-10, -0.00045397868702434395, -0.00040856020865708232],
    [-5, -0.033464254621424278, -0.026547432429665919],
    [-2, -0.23840584404423511, -0.090784248784895479],
    [-1, -0.26894142136999512, 0.072329488128513268],
    [-0.5, -0.18877033439907272, 0.26003881269734819],
    [-1e-8, -4.9999999750000001e-9, 0.499999995],
    [1e-8, 5.0000000250000001e-9, 0.500000005],
    [0.5, 0.31122966560092728, 0.73996118730265181],
    [1, 0.73105857863000488, 0.92767051187148673],
    [2, 1.7615941559557649, 1.0907842487848955],
    [5, 4.9665357453785757, 1.0265474324296659],
    [10, 9.9995460213129757, 1.0004085602086571],
    [30, 29.999999999997193, 1.0000000000027137],
  ],
  softplus: [
    [-30, 9.3576229688397368e-14, 9.357622968839299e-14],
    [-10, 4.5398899216864647e-5, 4.5397868702434395e-5],
    [-5, 0.0067153484891180686, 0.0066928509242848556],
    [-2, 0.1269280110429725, 0.11920292202211756],
    [-1, 0.31326168751822283, 0.26894142136999512],
    [-0.5, 0.47407698418010668, 0.37754066879814544],
    [-1e-8, 0.69314717555994532, 0.4999999975],
    [1e-8, 0.69314718555994532, 0.5000000025],
    [0.5, 0.97407698418010668, 0.62245933120185456],
    [1, 1.3132616875182228, 0.73105857863000488],
    [2, 2.1269280110429725, 0.88079707797788244],
    [5, 5.0067153484891181, 0.99330714907571514],
    [10, 10.000045398899217, 0.99995460213129757],
    [30, 30.000000000000094, 0.99999999999990642],
  ],
  elu: [
    [-30, -0.99999999999990642, 9.3576229688401746e-14],
    [-10, -0.99995460007023752, 4.5399929762484852e-5],
    [-5, -0.99326205300091453, 0.0067379469990854671],
    [-2, -0.86466471676338731, 0.13533528323661269],
    [-1, -0.63212055882855768, 0.36787944117144232],
    [-0.5, -0.39346934028736658, 0.60653065971263342],
    [-1e-8, -9.9999999500000004e-9, 0.99999999000000005],
    [1e-8, 1.0e-8, 1],
    [0.5, 0.5, 1],
    [1, 1.0, 1],
    [2, 2.0, 1],
    [5, 5.0, 1],
    [10, 10.0, 1],
    [30, 30.0, 1],
  ],
};

const all = activationIds.map((id) => activations[id]);
const MONOTONE: ActivationId[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'softplus', 'linear'];
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
    expect(activations['leaky-relu'].params.map((p) => [p.name, p.default, p.min, p.max])).toEqual([['slope', 0.01, 0, 1]]);
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
