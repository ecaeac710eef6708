import { describe, expect, it } from 'vitest';
import {
  activationIds,
  chainRuleBound,
  createNetwork,
  gradientFlow,
  initIds,
  meanFieldPrediction,
  predictedGradientNorms,
  standardNormalInput,
  theoreticalVarianceFactor,
  type ActivationId,
  type InitId,
  type Readout,
  withActivation,
} from '../../../src/lib';
import { expectAllClose, expectClose } from '../../helpers/expect-close';

/**
 * Geometric mean over layers and seeds of ‖∂L/∂out_{l−1}‖² / ‖∂L/∂out_l‖², simulated at
 * width 256 (three seeds × eleven layer pairs).
 */
function simulatedFactor(activation: ActivationId, init: InitId, readout: Readout): number {
  const width = 256;
  const depth = 12;
  const batch = 32;
  let sumLog = 0;
  let count = 0;
  for (let seed = 1; seed <= 3; seed++) {
    const net = createNetwork({ depth, width, activation, init, seed });
    const r = gradientFlow(net, standardNormalInput(width, batch, 100 + seed), batch, { readout });
    for (let l = 0; l + 1 < depth; l++) {
      sumLog += 2 * Math.log(r.activationGradNorm[l] / r.activationGradNorm[l + 1]);
      count++;
    }
  }
  return Math.exp(sumLog / count);
}

describe('theoreticalVarianceFactor', () => {
  it('gives the He et al. (2015) values for the ReLU family: n·Var[W]·(1 + a²)/2', () => {
    expect(theoreticalVarianceFactor('relu', 'he', 64).factor).toBeCloseTo(1, 15);
    expect(theoreticalVarianceFactor('relu', 'xavier', 64).factor).toBeCloseTo(0.5, 15);
    expect(theoreticalVarianceFactor('relu', 'standard', 64).factor).toBeCloseTo(1 / 6, 15);
    expectClose(theoreticalVarianceFactor('leaky-relu', 'he', 64).factor, 1 + 0.01 ** 2, { rel: 1e-15 });
    expectClose(theoreticalVarianceFactor('leaky-relu', 'he', 64, { slope: 0.5 }).factor, 1.25, { rel: 1e-15 });
    expect(theoreticalVarianceFactor('relu', 'he', 64)).toMatchObject({
      basis: 'relu',
      approximate: false,
      weightGain: 2,
    });
  });

  it('gives n·Var[W] for linear and the linear-regime bound n·Var[W]·f′(0)² for tanh and sigmoid', () => {
    expectClose(theoreticalVarianceFactor('linear', 'xavier', 100).factor, 1, { rel: 1e-15 });
    expectClose(theoreticalVarianceFactor('linear', 'small', 100).factor, 0.01, { rel: 1e-12 });
    expectClose(theoreticalVarianceFactor('tanh', 'xavier', 100).factor, 1, { rel: 1e-15 });
    expectClose(theoreticalVarianceFactor('sigmoid', 'xavier', 100).factor, 1 / 16, { rel: 1e-15 });
    expect(theoreticalVarianceFactor('sigmoid', 'xavier', 100)).toMatchObject({
      basis: 'linear-regime',
      approximate: true,
    });
    expect(theoreticalVarianceFactor('linear', 'he', 100)).toMatchObject({ basis: 'linear', approximate: false });
  });

  it('uses E[f′(z)²] for z ~ N(0, 1) for ELU, GELU, SiLU and softplus (values from mpmath)', () => {
    const expected: Record<string, number> = {
      elu: 0.6681020012231706,
      gelu: 0.4558508656492871,
      silu: 0.3794823516328293,
      softplus: 0.29337903585809294,
    };
    for (const [id, value] of Object.entries(expected)) {
      const v = theoreticalVarianceFactor(id as ActivationId, 'he', 128);
      expect(v).toMatchObject({ basis: 'unit-gaussian', approximate: true });
      expectClose(v.derivativeGain, value, { rel: 1e-12, label: id });
      expectClose(v.factor, 2 * value, { rel: 1e-12, label: id });
    }
    // ELU in closed form: ½ + α²·e²·Φ(−2).
    expectClose(theoreticalVarianceFactor('elu', 'he', 8, { alpha: 2 }).derivativeGain, 0.5 + 4 * 0.16810200122317062, {
      rel: 1e-12,
    });
  });

  it('rejects unknown activations and inits and bad widths with RangeErrors naming them', () => {
    expect(() => theoreticalVarianceFactor('foo' as ActivationId, 'he', 8)).toThrow(
      /Unknown activation "foo". Valid ids:/,
    );
    expect(() => theoreticalVarianceFactor('relu', 'bar' as InitId, 8)).toThrow(
      `Unknown init "bar". Valid inits: ${initIds.join(', ')}`,
    );
    expect(() => theoreticalVarianceFactor('relu', 'he', 0)).toThrow(
      /Invalid width 0: width must be an integer from 1 to 512/,
    );
    expect(() => theoreticalVarianceFactor('leaky-relu', 'he', 8, { slope: 2 })).toThrow(/Invalid slope 2/);
  });
});

describe('predictedGradientNorms', () => {
  it('is anchored at √(width/batch) at the output and scales by √factor per layer toward the input', () => {
    const spec = { depth: 5, width: 64, activation: 'relu', init: 'xavier' } as const;
    const p = predictedGradientNorms(spec, 16);
    expect(p).toHaveLength(5);
    expect(p[4]).toBe(2);
    for (let l = 0; l < 4; l++) expectClose(p[l] / p[l + 1], Math.sqrt(0.5), { rel: 1e-15 });
  });

  it('passes slope and alpha through and validates depth and batch', () => {
    const p = predictedGradientNorms({ depth: 2, width: 4, activation: 'leaky-relu', init: 'he', slope: 0.5 }, 1);
    expectClose(p[0] / p[1], Math.sqrt(1.25), { rel: 1e-15 });
    expect(() => predictedGradientNorms({ depth: 0, width: 4, activation: 'relu', init: 'he' }, 1)).toThrow(
      /Invalid depth 0/,
    );
    expect(() => predictedGradientNorms({ depth: 3, width: 4, activation: 'relu', init: 'he' }, 0)).toThrow(
      /Invalid batch 0/,
    );
  });
});

describe('chainRuleBound', () => {
  it('is (max f′)^depth: 0.25^n for sigmoid, 1 for tanh, ReLU and linear', () => {
    expect(chainRuleBound('sigmoid', 10)).toBe(0.25 ** 10);
    expect(chainRuleBound('sigmoid', 0)).toBe(1);
    expect(chainRuleBound('tanh', 50)).toBe(1);
    expect(chainRuleBound('relu', 50)).toBe(1);
    expect(chainRuleBound('linear', 7)).toBe(1);
    expectClose(chainRuleBound('gelu', 3), 1.1289041451851547 ** 3, { rel: 1e-15 });
    expect(chainRuleBound('elu', 4, { alpha: 2 })).toBe(16);
  });

  it('bounds the product of mean |f′| that gradientFlow reports along depth', () => {
    const r = gradientFlow(
      createNetwork({ depth: 20, width: 32, activation: 'sigmoid', init: 'xavier', seed: 1 }),
      standardNormalInput(32, 8, 2),
      8,
    );
    const product = r.meanAbsDerivative.reduce((p, v) => p * v, 1);
    expect(product).toBeLessThanOrEqual(chainRuleBound('sigmoid', 20));
    expect(product).toBeGreaterThan(chainRuleBound('sigmoid', 20) * 0.1);
  });

  it('rejects a negative or fractional depth', () => {
    expect(() => chainRuleBound('relu', -1)).toThrow(/Invalid depth -1: depth must be an integer from 0 to 200/);
    expect(() => chainRuleBound('relu', 1.5)).toThrow(RangeError);
  });
});

describe('simulation against theory at width 256', () => {
  // With a zero-mean backward signal (alternating readout) the assumptions of Glorot &
  // Bengio and He et al. hold, and the exact cases agree to about 1 %.
  const exactCases: [ActivationId, InitId, number][] = [
    ['relu', 'he', 1],
    ['relu', 'xavier', 0.5],
    ['leaky-relu', 'he', 1.0001],
    ['linear', 'xavier', 1],
    ['linear', 'he', 2],
    ['linear', 'standard', 1 / 3],
  ];
  for (const [activation, init, factor] of exactCases) {
    it(`${activation} + ${init}: adjacent-layer ratio of ‖∂L/∂out‖² ≈ ${factor.toFixed(3)}`, () => {
      expectClose(theoreticalVarianceFactor(activation, init, 256).factor, factor, { rel: 1e-12 });
      expectClose(simulatedFactor(activation, init, 'alternating'), factor, { rel: 0.05 });
    }, 60_000);
  }

  it('stays below the linear-regime bound for tanh and sigmoid (saturation only lowers it)', () => {
    for (const activation of ['tanh', 'sigmoid'] as const) {
      const bound = theoreticalVarianceFactor(activation, 'xavier', 256).factor;
      const sim = simulatedFactor(activation, 'xavier', 'alternating');
      expect(sim).toBeLessThanOrEqual(bound * 1.02);
      expect(sim).toBeGreaterThan(bound * 0.7);
    }
  }, 60_000);

  it('shows the coherent-gradient excess of the default sum readout in ReLU nets (≈ 1.2 instead of 1)', () => {
    const sim = simulatedFactor('relu', 'he', 'sum');
    expect(sim).toBeGreaterThan(1.1);
    expect(sim).toBeLessThan(1.35);
    expectClose(simulatedFactor('linear', 'xavier', 'sum'), 1, { rel: 0.05 });
  }, 60_000);
});

describe('meanFieldPrediction', () => {
  it('reduces to the constant factors for ReLU and linear nets', () => {
    const relu = meanFieldPrediction({ depth: 6, width: 64, activation: 'relu', init: 'he' }, 16);
    expectAllClose(relu.factor, new Float64Array(6).fill(1), { rel: 1e-9 });
    expectAllClose(relu.preActVariance, new Float64Array(6).fill(2), { rel: 1e-9 });
    expectAllClose(
      relu.gradientNorms,
      predictedGradientNorms({ depth: 6, width: 64, activation: 'relu', init: 'he' }, 16),
      { rel: 1e-9 },
    );
    const linear = meanFieldPrediction({ depth: 4, width: 10, activation: 'linear', init: 'he' }, 2);
    expectAllClose(linear.preActVariance, [2, 4, 8, 16], { rel: 1e-9 });
    expectAllClose(linear.factor, [2, 2, 2, 2], { rel: 1e-9 });
  });

  it('tracks saturation: tanh + xavier has χ below 1, rising as the variance shrinks with depth', () => {
    const p = meanFieldPrediction({ depth: 30, width: 256, activation: 'tanh', init: 'xavier' }, 16);
    for (let l = 0; l < 30; l++) expect(p.factor[l]).toBeLessThan(1);
    for (let l = 1; l < 30; l++) {
      expect(p.preActVariance[l]).toBeLessThan(p.preActVariance[l - 1]);
      expect(p.factor[l]).toBeGreaterThan(p.factor[l - 1]);
    }
  });

  it('matches the simulated per-layer ratio within 10 % for every activation × init (and Var[z] of the first layers)', () => {
    const width = 256;
    const depth = 10;
    const batch = 24;
    const pairs = (depth - 1) * 2;
    for (const init of initIds) {
      // Weights do not depend on the activation: draw each net once and swap activations.
      const nets = [1, 2].map((seed) => createNetwork({ depth, width, activation: 'linear', init, seed }));
      const inputs = [1, 2].map((seed) => standardNormalInput(width, batch, 50 + seed));
      for (const activation of activationIds) {
        const mf = meanFieldPrediction({ depth, width, activation, init }, batch);
        let simLog = 0;
        let mfLog = 0;
        nets.forEach((net, k) => {
          const r = gradientFlow(withActivation(net, activation), inputs[k], batch, { readout: 'alternating' });
          for (let l = 0; l + 1 < depth; l++) {
            simLog += 2 * Math.log(r.activationGradNorm[l] / r.activationGradNorm[l + 1]);
            mfLog += Math.log(mf.factor[l + 1]);
          }
          // Var[z_l] pooled over units and samples. Only the first layers are compared: the
          // forward variance of one finite net drifts like a random walk with depth (its log
          // has variance ∝ depth/width, Hanin & Rolnick 2018), while ratios of adjacent
          // layers stay sharp. Tiny weights make all samples share nearly the same z, so only
          // `width` values are independent (≈ 9 % standard error): a 25 % band.
          for (let l = 0; l < 2; l++) {
            expectClose(r.preActStd[l] ** 2, mf.preActVariance[l], {
              rel: 0.25,
              label: `${activation}/${init} q_${l}`,
            });
          }
        });
        // One net's ratios scatter by ≈ 4 % at this width; two nets are averaged.
        expectClose(Math.exp(simLog / pairs), Math.exp(mfLog / pairs), { rel: 0.1, label: `${activation}/${init}` });
      }
    }
  }, 120_000);

  it('validates its arguments', () => {
    const spec = { depth: 3, width: 8, activation: 'relu', init: 'he' } as const;
    expect(() => meanFieldPrediction({ ...spec, depth: 0 }, 4)).toThrow(/Invalid depth 0/);
    expect(() => meanFieldPrediction({ ...spec, width: 1000 }, 4)).toThrow(/Invalid width 1000/);
    expect(() => meanFieldPrediction(spec, 0)).toThrow(/Invalid batch 0/);
    expect(() => meanFieldPrediction(spec, 4, -1)).toThrow(/Invalid inputSecondMoment -1/);
    expect(() => meanFieldPrediction({ ...spec, activation: 'x' as ActivationId }, 4)).toThrow(
      /Unknown activation "x"/,
    );
  });
});
