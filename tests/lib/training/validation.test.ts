import { describe, expect, it } from 'vitest';
import {
  activationIds,
  createTrainer,
  initIds,
  lossIds,
  normIds,
  optimizerIds,
  TRAIN_LIMITS,
  type TrainerSpec,
} from '../../../src/lib';
import { smallSpec } from '../../helpers/training';

const L = TRAIN_LIMITS;

function message(overrides: Record<string, unknown>): string {
  try {
    createTrainer(smallSpec(overrides as Partial<TrainerSpec>));
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    return (error as Error).message;
  }
  throw new Error(`no RangeError for ${JSON.stringify(overrides)}`);
}

describe('createTrainer validation', () => {
  const integers = ['depth', 'width'] as const;
  for (const field of integers) {
    it(`names ${field} and its integer range`, () => {
      const { min, max } = L[field];
      const expected = `Invalid ${field} ${max + 1}: ${field} must be an integer from ${min} to ${max}.`;
      expect(message({ [field]: max + 1 })).toBe(expected);
      expect(message({ [field]: 2.5 })).toContain(`${field} must be an integer from ${min} to ${max}`);
    });
  }

  for (const field of ['initScale', 'learningRate'] as const) {
    it(`names ${field} and its range`, () => {
      const { min, max } = L[field];
      expect(message({ [field]: min / 2 })).toBe(
        `Invalid ${field} ${min / 2}: ${field} must be a number from ${min} to ${max}.`,
      );
      expect(message({ [field]: NaN })).toContain(`${field} must be a number from ${min} to ${max}`);
    });
  }

  it('names batchSize with the training-set size as its upper bound', () => {
    // smallSpec has 20 points, so 10 training points.
    expect(message({ batchSize: 11 })).toBe(
      `Invalid batchSize 11: batchSize must be an integer from ${L.batchSize.min} to 10.`,
    );
  });

  it('names clip: null or a number in range', () => {
    expect(message({ clip: 0 })).toBe(
      `Invalid clip 0: clip must be null (off) or a number from ${L.clip.min} to ${L.clip.max}.`,
    );
  });

  const enums: [string, readonly string[], string][] = [
    ['norm', normIds, 'Valid norm values'],
    ['loss', lossIds, 'Valid loss values'],
    ['optimizer', optimizerIds, 'Valid optimizer values'],
    ['activation', activationIds, 'Valid ids'],
    ['init', initIds, 'Valid inits'],
  ];
  for (const [field, ids, valid] of enums) {
    it(`names ${field} and lists its valid values`, () => {
      expect(message({ [field]: 'nope' })).toMatch(
        new RegExp(`^Unknown ${field} "nope"\\. ${valid}: ${ids.join(', ')}\\.$`),
      );
    });
  }

  it('names residual, seed and the dataset fields', () => {
    expect(message({ residual: 'yes' })).toBe('Invalid residual yes: residual must be true or false.');
    expect(message({ seed: Infinity })).toContain('Invalid seed Infinity');
    expect(message({ dataset: { kind: 'circle', size: 20, noise: 2, seed: 1 } })).toBe(
      `Invalid dataset.noise 2: dataset.noise must be a number from ${L.noise.min} to ${L.noise.max}.`,
    );
    expect(message({ slope: 2, activation: 'leaky-relu' })).toMatch(/slope/);
  });

  it('returns the validated spec and the dataset it trains on', () => {
    const t = createTrainer(smallSpec({ activation: 'relu', slope: 0.3 }));
    expect(t.spec).toEqual(smallSpec({ activation: 'relu' }));
    expect(Object.isFrozen(t.spec)).toBe(true);
    expect(t.dataset.train.y).toHaveLength(10);
  });

  it('rejects a parameter vector of the wrong length and odd-length points', () => {
    const t = createTrainer(smallSpec());
    expect(() => t.lossAt(new Float64Array(3))).toThrow(RangeError);
    expect(() => t.gradientAt(t.parameters().subarray(1))).toThrow(/parameters\(\)/);
    expect(() => t.predict(new Float64Array(3))).toThrow(/m × 2/);
    expect(() => t.step(-1)).toThrow(/n must be an integer ≥ 0/);
  });
});
