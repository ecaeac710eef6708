import { describe, expect, it } from 'vitest';
import {
  activationIds,
  createNetwork,
  createRng,
  forward,
  gradientFlow,
  randomNormal,
  standardNormalInput,
  type GradientFlowResult,
  type Network,
  type NetworkSpec,
  type Readout,
} from '../../../src/lib';
import { expectAllClose, expectClose } from '../../helpers/expect-close';

import { naiveGradientFlow } from '../../helpers/naive-gradient-flow';

function scaledInput(width: number, batch: number, seed: number, scale: number): Float64Array {
  return standardNormalInput(width, batch, seed).map((v) => v * scale);
}

function expectMatchesNaive(
  result: GradientFlowResult,
  net: Network,
  input: Float64Array,
  batch: number,
  label: string,
  readout: Readout = 'sum',
) {
  const ref = naiveGradientFlow(net, input, batch, readout);
  expectClose(result.loss, ref.loss, { rel: 1e-12, abs: 1e-14, label: `${label} loss` });
  for (const key of ['weightGradNorm', 'biasGradNorm', 'activationGradNorm'] as const) {
    expectAllClose(result[key], ref[key], { rel: 1e-9, abs: 1e-300, label: `${label} ${key}` });
  }
  for (const key of ['mean', 'std', 'preActMean', 'preActStd', 'meanAbsDerivative'] as const) {
    expectAllClose(result[key], ref[key], { rel: 1e-11, abs: 1e-14, label: `${label} ${key}` });
  }
  expect(Array.from(result.saturatedFraction), `${label} saturatedFraction`).toEqual(ref.saturatedFraction);
  expect(Array.from(result.deadFraction), `${label} deadFraction`).toEqual(ref.deadFraction);
}

/** (depth, width, batch): batch ≤ width uses the Gram path, batch > width forms ∂L/∂W. */
const SHAPES: [number, number, number][] = [
  [4, 6, 3],
  [3, 5, 9],
  [5, 7, 5],
  [2, 1, 4],
  [3, 4, 1],
];

describe('gradientFlow against a naive implementation', () => {
  for (const activation of activationIds) {
    it(`${activation}: every norm and statistic matches on small random networks`, () => {
      let seed = 1;
      for (const [depth, width, batch] of SHAPES) {
        for (const init of ['xavier', 'he', 'standard'] as const) {
          const net = createNetwork({ depth, width, activation, init, seed: seed++ });
          // A large input scale drives sigmoid/tanh into saturation and kills ReLU units.
          for (const scale of [1, 8]) {
            const input = scaledInput(width, batch, seed++, scale);
            const result = gradientFlow(net, input, batch);
            expect(result).toMatchObject({ depth, width, batch, activation, readout: 'sum' });
            expectMatchesNaive(result, net, input, batch, `${activation}/${init} ${depth}×${width}×${batch}×${scale}`);
            const alternating = gradientFlow(net, input, batch, { readout: 'alternating' });
            expect(alternating.readout).toBe('alternating');
            expectMatchesNaive(alternating, net, input, batch, `${activation}/${init} alternating`, 'alternating');
          }
        }
      }
    }, 30_000);
  }

  it('includes cases with saturated and dead units, so those statistics are really compared', () => {
    const sat = gradientFlow(
      createNetwork({ depth: 3, width: 8, activation: 'sigmoid', init: 'standard', seed: 2 }),
      scaledInput(8, 4, 3, 30),
      4,
    );
    expect(Math.max(...sat.saturatedFraction)).toBeGreaterThan(0);
    const dead = gradientFlow(
      createNetwork({ depth: 3, width: 8, activation: 'relu', init: 'he', seed: 2 }),
      scaledInput(8, 2, 3, 1),
      2,
    );
    expect(Math.max(...dead.deadFraction)).toBeGreaterThan(0);
  });

  it('matches with non-default slope and alpha and with non-zero biases', () => {
    for (const spec of [
      { activation: 'leaky-relu', slope: 0.25 },
      { activation: 'elu', alpha: 0.4 },
    ] as const) {
      const net = createNetwork({ depth: 3, width: 5, init: 'he', seed: 9, ...spec });
      const rng = randomNormal(createRng(10));
      for (const layer of net.layers) for (let j = 0; j < layer.bias.length; j++) layer.bias[j] = rng();
      const input = standardNormalInput(5, 4, 11);
      expectMatchesNaive(gradientFlow(net, input, 4), net, input, 4, spec.activation);
    }
  });
});

describe('gradientFlow against finite differences', () => {
  for (const activation of ['tanh', 'sigmoid', 'gelu', 'silu', 'softplus', 'elu', 'relu', 'linear'] as const) {
    for (const readout of ['sum', 'alternating'] as const)
      it(`${activation}, ${readout} readout: ‖∂L/∂W_l‖ and ‖∂L/∂b_l‖ equal the norms of central differences of L`, () => {
        const depth = 3;
        const width = 3;
        const batch = 2;
        const net = createNetwork({ depth, width, activation, init: 'he', seed: 21 });
        const input = standardNormalInput(width, batch, 22);
        const result = gradientFlow(net, input, batch, { readout });
        const loss = () => forward(net, input, batch, { readout }).loss;
        const h = 1e-6;
        const fdNorm = (values: Float64Array) => {
          let sum = 0;
          for (let i = 0; i < values.length; i++) {
            const keep = values[i];
            values[i] = keep + h;
            const up = loss();
            values[i] = keep - h;
            const down = loss();
            values[i] = keep;
            sum += ((up - down) / (2 * h)) ** 2;
          }
          return Math.sqrt(sum);
        };
        for (let l = 0; l < depth; l++) {
          expectClose(result.weightGradNorm[l], fdNorm(net.layers[l].weights), {
            rel: 1e-6,
            abs: 1e-9,
            label: `W_${l}`,
          });
          expectClose(result.biasGradNorm[l], fdNorm(net.layers[l].bias), { rel: 1e-6, abs: 1e-9, label: `b_${l}` });
        }
      }, 30_000);
  }
});

describe('gradientFlow conventions', () => {
  const spec: NetworkSpec = { depth: 6, width: 16, activation: 'tanh', init: 'xavier', seed: 4 };

  it('starts the backward pass at ∂L/∂out = ±1/batch, so the last activation-gradient norm is √(width/batch)', () => {
    for (const readout of ['sum', 'alternating'] as const) {
      const result = gradientFlow(createNetwork(spec), standardNormalInput(16, 4, 1), 4, { readout });
      expectClose(result.activationGradNorm[5], Math.sqrt(16 / 4), { rel: 1e-15 });
    }
  });

  it('uses the alternating readout L = (1/batch)·Σ (−1)^j·out[b][j]', () => {
    const net = createNetwork(spec);
    const input = standardNormalInput(16, 4, 1);
    const { output, loss } = forward(net, input, 4, { readout: 'alternating' });
    expectClose(loss, output.reduce((s, v, i) => s + (i % 2 === 0 ? v : -v), 0) / 4, { rel: 1e-13 });
    expect(gradientFlow(net, input, 4, { readout: 'alternating' }).loss).toBe(loss);
  });

  it('reports the same loss as forward', () => {
    const net = createNetwork(spec);
    const input = standardNormalInput(16, 4, 1);
    const { output, loss } = forward(net, input, 4);
    expect(output).toHaveLength(64);
    expect(gradientFlow(net, input, 4).loss).toBe(loss);
    expectClose(loss, output.reduce((s, v) => s + v, 0) / 4, { rel: 1e-15 });
  });

  it('returns identical results when called again, also after a call with another shape', () => {
    const net = createNetwork(spec);
    const input = standardNormalInput(16, 4, 1);
    const first = gradientFlow(net, input, 4);
    gradientFlow(createNetwork({ ...spec, width: 9 }), standardNormalInput(9, 3, 2), 3);
    expect(gradientFlow(net, input, 4)).toEqual(first);
    expect(gradientFlow(net, input, 4)).toEqual(first);
  });

  it('returns fresh arrays that later calls do not overwrite', () => {
    const net = createNetwork(spec);
    const a = gradientFlow(net, standardNormalInput(16, 4, 1), 4);
    const copy = Float64Array.from(a.weightGradNorm);
    gradientFlow(net, standardNormalInput(16, 4, 2), 4);
    expect(a.weightGradNorm).toEqual(copy);
  });

  it('gives NaN (and no exception) when the input holds NaN', () => {
    const input = standardNormalInput(16, 4, 1);
    input[5] = NaN;
    const result = gradientFlow(createNetwork(spec), input, 4);
    expect(result.loss).toBeNaN();
    for (const v of result.weightGradNorm) expect(v).toBeNaN();
  });
});

describe('gradientFlow numerics at the ends of the double range', () => {
  it('computes mean and std two-pass, so a large common offset does not cancel the spread', () => {
    const net = createNetwork({ depth: 1, width: 3, activation: 'linear', init: 'he', seed: 1 });
    net.layers[0].weights.set([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    net.layers[0].bias.fill(1e9);
    const r = gradientFlow(net, Float64Array.of(1, 2, 3), 1);
    expect(r.mean[0]).toBe(1e9 + 2);
    expectClose(r.std[0], Math.sqrt(2 / 3), { rel: 1e-9 });
  });

  it('a 200-layer sigmoid net with small init underflows to exactly 0, never NaN', () => {
    const net = createNetwork({ depth: 200, width: 16, activation: 'sigmoid', init: 'small', seed: 1 });
    const result = gradientFlow(net, standardNormalInput(16, 8, 2), 8);
    for (const key of ['weightGradNorm', 'biasGradNorm', 'activationGradNorm', 'mean', 'std'] as const) {
      for (const v of result[key]) expect(Number.isNaN(v), key).toBe(false);
    }
    expect(result.activationGradNorm[0]).toBe(0);
    expect(result.weightGradNorm[0]).toBe(0);
    expect(result.activationGradNorm[199]).toBeGreaterThan(0);
  }, 30_000);

  it('keeps norms exact below 1e-154, where plain sums of squares would underflow', () => {
    // Linear nets are homogeneous: scaling every weight by 2^4 scales ‖∂L/∂out_l‖ by
    // 2^{4(depth−1−l)} and ‖∂L/∂W_l‖ by 2^{4(depth−1)}, exactly (powers of two).
    const depth = 200;
    const tiny = createNetwork({ depth, width: 64, activation: 'linear', init: 'small', seed: 3 });
    const big: Network = {
      spec: tiny.spec,
      layers: tiny.layers.map((l) => ({ weights: l.weights.map((w) => w * 16), bias: l.bias })),
    };
    const input = standardNormalInput(64, 8, 4);
    const a = gradientFlow(tiny, input, 8);
    const b = gradientFlow(big, input, 8);
    expect(a.activationGradNorm[0]).toBeLessThan(1e-200);
    expect(a.activationGradNorm[0]).toBeGreaterThan(0);
    for (let l = 0; l < depth; l++) {
      expectClose(a.activationGradNorm[l], b.activationGradNorm[l] * 2 ** (-4 * (depth - 1 - l)), {
        rel: 1e-13,
        label: `g_${l}`,
      });
      expectClose(a.weightGradNorm[l], b.weightGradNorm[l] * 2 ** (-4 * (depth - 1)), { rel: 1e-13, label: `W_${l}` });
      expectClose(a.std[l], b.std[l] * 2 ** (-4 * (l + 1)), { rel: 1e-13, label: `std_${l}` });
    }
  }, 30_000);

  it('stays finite and scales exactly when inputs are near the top or bottom of the double range', () => {
    const net = createNetwork({ depth: 5, width: 8, activation: 'linear', init: 'he', seed: 8 });
    const input = standardNormalInput(8, 4, 9);
    const ref = gradientFlow(net, input, 4);
    for (const e of [-1000, 900]) {
      const result = gradientFlow(
        net,
        input.map((v) => v * 2 ** e),
        4,
      );
      for (let l = 0; l < 5; l++) {
        expectClose(result.weightGradNorm[l], ref.weightGradNorm[l] * 2 ** e, { rel: 1e-14 });
        expectClose(result.std[l], ref.std[l] * 2 ** e, { rel: 1e-14 });
        expectClose(result.mean[l], ref.mean[l] * 2 ** e, { rel: 1e-12 });
        expect(result.activationGradNorm[l]).toBe(ref.activationGradNorm[l]);
      }
    }
  });
});

describe('gradientFlow with ReLU at non-finite pre-activations', () => {
  it('maps z = −∞ to out = 0 and f′ = 0, as max(0, z) does', () => {
    const width = 10;
    const batch = 3;
    const net = createNetwork({ depth: 2, width, activation: 'relu', init: 'he', seed: 9 });
    const input = standardNormalInput(width, batch, 10);
    input[4] = -Infinity;
    const W = net.layers[0].weights;
    const outs: number[] = [];
    const ders: number[] = [];
    for (let b = 0; b < batch; b++) {
      for (let o = 0; o < width; o++) {
        let z = 0;
        for (let i = 0; i < width; i++) z += W[o * width + i] * input[b * width + i];
        outs.push(Math.max(0, z));
        ders.push(z > 0 ? 1 : z <= 0 ? 0 : NaN);
      }
    }
    expect(outs.some((v) => v === 0) && outs.some((v) => v === Infinity)).toBe(true);
    const result = gradientFlow(net, input, batch);
    expect(result.mean[0]).toBe(outs.reduce((s, v) => s + v, 0) / outs.length);
    expect(result.meanAbsDerivative[0]).toBe(ders.reduce((s, v) => s + v, 0) / ders.length);
  });
});
