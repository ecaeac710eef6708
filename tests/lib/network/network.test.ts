import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  activationIds,
  createNetwork,
  createRng,
  initIds,
  initVariance,
  inits,
  randomNormal,
  validateNetworkSpec,
  withActivation,
  type NetworkSpec,
} from '../../../src/lib';
import { expectClose } from '../../helpers/expect-close';

const base: NetworkSpec = { depth: 3, width: 8, activation: 'relu', init: 'he', seed: 1 };

function bytes(net: ReturnType<typeof createNetwork>): Uint8Array[] {
  return net.layers.flatMap((l) => [new Uint8Array(l.weights.buffer.slice(0)), new Uint8Array(l.bias.buffer.slice(0))]);
}

function sampleMoments(xs: Float64Array[]): { mean: number; variance: number; n: number } {
  let n = 0;
  let s = 0;
  for (const a of xs) {
    for (const v of a) s += v;
    n += a.length;
  }
  const mean = s / n;
  let q = 0;
  for (const a of xs) for (const v of a) q += (v - mean) ** 2;
  return { mean, variance: q / n, n };
}

describe('createNetwork', () => {
  it('builds depth layers of width × width row-major weights and zero biases', () => {
    const net = createNetwork({ ...base, depth: 5, width: 7 });
    expect(net.layers).toHaveLength(5);
    for (const layer of net.layers) {
      expect(layer.weights).toBeInstanceOf(Float64Array);
      expect(layer.weights).toHaveLength(49);
      expect(layer.bias).toEqual(new Float64Array(7));
    }
    expect(net.spec).toEqual({ ...base, depth: 5, width: 7 });
  });

  it('draws layer 0 first, row-major, from randomNormal(createRng(seed)) scaled by the init std', () => {
    // Odd layer sizes (3 × 3 = 9) make the polar method's spare value cross layer boundaries.
    for (const init of ['he', 'xavier', 'small'] as const) {
      const net = createNetwork({ ...base, depth: 4, width: 3, init, seed: 77 });
      const next = randomNormal(createRng(77));
      const std = Math.sqrt(inits[init].variance(3, 3));
      for (const layer of net.layers) for (let i = 0; i < 9; i++) expect(layer.weights[i]).toBe(std * next());
    }
  });

  it('draws the standard init as (2u − 1)/√n from createRng(seed)', () => {
    const net = createNetwork({ ...base, depth: 1, width: 4, init: 'standard', seed: 5 });
    const u = createRng(5);
    for (let i = 0; i < 16; i++) expect(net.layers[0].weights[i]).toBe(0.5 * (2 * u() - 1));
  });

  it('is byte-for-byte reproducible for a seed and differs for another seed', () => {
    expect(bytes(createNetwork(base))).toEqual(bytes(createNetwork(base)));
    expect(bytes(createNetwork(base))).not.toEqual(bytes(createNetwork({ ...base, seed: 2 })));
  });

  it('shares the underlying normal draws between small, xavier and he for one seed', () => {
    const he = createNetwork({ ...base, init: 'he' }).layers[0].weights;
    const xavier = createNetwork({ ...base, init: 'xavier' }).layers[0].weights;
    const small = createNetwork({ ...base, init: 'small' }).layers[0].weights;
    for (let i = 0; i < he.length; i++) {
      expectClose(he[i], Math.SQRT2 * xavier[i], { rel: 1e-15 });
      expectClose(small[i], 0.01 * Math.sqrt(8) * xavier[i], { rel: 1e-15 });
    }
  });

  it('makes the first d layers of a deeper network equal createNetwork with depth d (one stream)', () => {
    for (const init of ['he', 'standard'] as const) {
      const deep = createNetwork({ ...base, depth: 9, width: 5, init });
      for (const depth of [1, 2, 4, 8]) {
        const shallow = createNetwork({ ...base, depth, width: 5, init });
        for (let l = 0; l < depth; l++) expect(shallow.layers[l].weights).toEqual(deep.layers[l].weights);
      }
    }
  });

  it('keeps the weights stable across the activation (only init and seed matter)', () => {
    expect(bytes(createNetwork({ ...base, activation: 'tanh' }))).toEqual(bytes(createNetwork(base)));
  });

  describe('sample variance of each init matches its specified variance', () => {
    const width = 256;
    const expected: Record<string, number> = {
      small: 1e-4,
      standard: 1 / (3 * width),
      xavier: 2 / (width + width),
      he: 2 / width,
    };
    for (const init of initIds) {
      it(`${init}: Var[W] = ${expected[init].toPrecision(4)}`, { timeout: 30_000 }, () => {
        const net = createNetwork({ depth: 4, width, activation: 'linear', init, seed: 11 });
        const { mean, variance, n } = sampleMoments(net.layers.map((l) => l.weights));
        // n = 262 144 draws: the standard error of the variance is about √(2/n) ≈ 0.3 %.
        expectClose(variance, expected[init], { rel: 0.02 });
        expectClose(mean, 0, { abs: 5 * Math.sqrt(expected[init] / n) });
        expectClose(initVariance(init, width, width), expected[init], { rel: 1e-15 });
      });
    }

    it('standard stays within ±1/√n', () => {
      const net = createNetwork({ depth: 2, width, activation: 'linear', init: 'standard', seed: 3 });
      const largest = Math.max(...net.layers.map((l) => Math.max(...l.weights.map(Math.abs))));
      expect(largest).toBeLessThanOrEqual(1 / Math.sqrt(width));
    });
  });

  it('exposes the init registry with labels, TeX and variance formulas', () => {
    expect([...initIds]).toEqual(['small', 'standard', 'xavier', 'he']);
    expect(inits.he.variance(50, 10)).toBe(2 / 50);
    expect(inits.xavier.variance(50, 10)).toBe(2 / 60);
    expect(inits.standard.distribution).toBe('uniform');
    for (const id of initIds) {
      expect(inits[id].label.ko.length).toBeGreaterThan(0);
      expect(inits[id].tex.length).toBeGreaterThan(0);
    }
  });

  it('documents its limits as exported constants', () => {
    expect(LIMITS).toEqual({ maxDepth: 200, maxWidth: 512, maxBatch: 1024, maxParameters: 2 ** 24, maxCells: 2 ** 22 });
    expect(Object.isFrozen(LIMITS)).toBe(true);
    expect(() => validateNetworkSpec({ ...base, depth: 200, width: 256 })).not.toThrow();
    expect(() => validateNetworkSpec({ ...base, depth: 64, width: 512 })).not.toThrow();
  });
});

describe('createNetwork validation', () => {
  // Messages derived from the limits and id lists, so each value is written once (in src/lib).
  const esc = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const { maxDepth, maxWidth, maxParameters } = LIMITS;
  const cases: [Partial<Record<keyof NetworkSpec, unknown>>, RegExp][] = [
    [{ depth: 0 }, esc(`Invalid depth 0: depth must be an integer from 1 to ${maxDepth}`)],
    [{ depth: 2.5 }, esc(`Invalid depth 2.5: depth must be an integer from 1 to ${maxDepth}`)],
    [{ depth: NaN }, /Invalid depth NaN/],
    [{ depth: maxDepth + 1 }, esc(`Invalid depth ${maxDepth + 1}`)],
    [{ depth: '3' }, /Invalid depth 3/],
    [{ width: 0 }, esc(`Invalid width 0: width must be an integer from 1 to ${maxWidth}`)],
    [{ width: maxWidth + 1 }, esc(`Invalid width ${maxWidth + 1}`)],
    [{ width: -4 }, /Invalid width -4/],
    [{ width: Infinity }, /Invalid width Infinity/],
    [{ depth: 100, width: maxWidth }, new RegExp(`depth × width² .* must be at most ${maxParameters}`)],
    [{ activation: 'swish' }, esc(`Unknown activation "swish". Valid ids: ${activationIds.join(', ')}`)],
    [{ init: 'kaiming' }, esc(`Unknown init "kaiming". Valid inits: ${initIds.join(', ')}`)],
    [{ seed: NaN }, /Invalid seed NaN: seed must be a finite number/],
    [{ activation: 'leaky-relu', slope: 1 }, /Invalid slope 1: slope must be a finite number in \[0, 1\)/],
    [{ activation: 'elu', alpha: -1 }, /Invalid alpha -1: alpha must be a finite number in \[0, Infinity\)/],
  ];
  for (const [patch, message] of cases) {
    it(`rejects ${JSON.stringify(patch)} with a RangeError naming the argument`, () => {
      const spec = { ...base, ...patch } as NetworkSpec;
      expect(() => createNetwork(spec)).toThrow(RangeError);
      expect(() => createNetwork(spec)).toThrow(message);
    });
  }

  it('keeps slope and alpha only where they apply', () => {
    expect(createNetwork({ ...base, activation: 'leaky-relu', slope: 0.2 }).spec.slope).toBe(0.2);
    expect(createNetwork({ ...base, activation: 'relu', slope: 0.2 }).spec).not.toHaveProperty('slope');
    expect(createNetwork({ ...base, activation: 'elu', alpha: 0.5 }).spec.alpha).toBe(0.5);
  });
});

describe('withActivation', () => {
  it('reuses the same weight arrays under another activation', () => {
    const net = createNetwork(base);
    const tanh = withActivation(net, 'tanh');
    expect(tanh.spec.activation).toBe('tanh');
    expect(tanh.layers).toBe(net.layers);
    const leaky = withActivation(net, 'leaky-relu', { slope: 0.3 });
    expect(leaky.spec.slope).toBe(0.3);
    expect(() => withActivation(net, 'nope' as 'relu')).toThrow(/Unknown activation "nope"/);
  });
});
