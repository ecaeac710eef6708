import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  createNetwork,
  createRng,
  gradientFlow,
  randomNormal,
  standardNormalInput,
  type Network,
  type Readout,
} from '../../../src/lib';

describe('standardNormalInput', () => {
  it('fills batch × width values from randomNormal(createRng(seed)), row-major', () => {
    const input = standardNormalInput(5, 3, 12);
    const next = randomNormal(createRng(12));
    expect(input).toHaveLength(15);
    for (const v of input) expect(v).toBe(next());
  });

  it('rejects bad width, batch and seed, naming the argument', () => {
    expect(() => standardNormalInput(0, 3, 1)).toThrow(
      `Invalid width 0: width must be an integer from 1 to ${LIMITS.maxWidth}`,
    );
    expect(() => standardNormalInput(4, 1.5, 1)).toThrow(
      `Invalid batch 1.5: batch must be an integer from 1 to ${LIMITS.maxBatch}`,
    );
    expect(() => standardNormalInput(4, 2, NaN)).toThrow(/Invalid seed NaN/);
  });
});

describe('gradientFlow validation', () => {
  const net = createNetwork({ depth: 2, width: 3, activation: 'relu', init: 'he', seed: 1 });

  it('rejects an input whose length is not batch × width', () => {
    expect(() => gradientFlow(net, new Float64Array(5), 2)).toThrow(RangeError);
    expect(() => gradientFlow(net, new Float64Array(5), 2)).toThrow(
      'Invalid input length 5: input must hold batch × width = 2 × 3 = 6 values (row-major).',
    );
  });

  it('rejects an input that is not a Float64Array', () => {
    expect(() => gradientFlow(net, [1, 2, 3] as unknown as Float64Array, 1)).toThrow(
      /Invalid input: expected a Float64Array/,
    );
  });

  it('rejects a batch that is not an integer from 1 to 1024', () => {
    for (const batch of [0, -1, 1.5, NaN, 1025, Infinity]) {
      expect(() => gradientFlow(net, new Float64Array(6), batch)).toThrow(RangeError);
      expect(() => gradientFlow(net, new Float64Array(6), batch)).toThrow(
        `batch must be an integer from 1 to ${LIMITS.maxBatch}`,
      );
    }
  });

  it('rejects depth × width × batch above LIMITS.maxCells, suggesting a smaller batch', () => {
    const deep = createNetwork({ depth: 200, width: 128, activation: 'relu', init: 'he', seed: 1 });
    expect(() => gradientFlow(deep, new Float64Array(128 * 200), 200)).toThrow(/LIMITS.maxCells.*use a batch ≤ 163/);
  }, 30_000);

  it('rejects an unknown readout, listing the valid ones', () => {
    expect(() => gradientFlow(net, new Float64Array(6), 2, { readout: 'mean' as Readout })).toThrow(
      'Invalid readout "mean". Valid readouts: sum, alternating.',
    );
  });

  it('rejects something that is not a network built by createNetwork', () => {
    expect(() => gradientFlow({} as Network, new Float64Array(6), 2)).toThrow(/Invalid network/);
    const broken = { spec: net.spec, layers: net.layers.slice(1) };
    expect(() => gradientFlow(broken, new Float64Array(6), 2)).toThrow(/it has 1 layers but spec.depth is 2/);
    const badSpec = { spec: { ...net.spec, activation: 'nope' }, layers: net.layers } as unknown as Network;
    expect(() => gradientFlow(badSpec, new Float64Array(6), 2)).toThrow(/Unknown activation "nope"/);
  });
});
