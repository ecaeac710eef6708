import { describe, expect, test } from 'vitest';
import { TRAIN_LIMITS } from '../../../src/lib/index';
import { validNumber } from '../../../src/components/charts/shared/fields';
import {
  DATASET_SIZE,
  parseTrainState,
  runKey,
  TRAIN_DEFAULTS,
  trainerSpec,
  trainSpec,
  type TrainState,
} from '../../../src/components/charts/training/spec';
import { hrefWithState } from '../../../src/components/charts/shared/url-state';
import { createTrainer, validateTrainerSpec } from '../../../src/lib/index';

describe('training lab spec', () => {
  test('bounds come from TRAIN_LIMITS (batch size also capped by the training half of the data)', () => {
    for (const key of ['depth', 'width', 'initScale', 'learningRate', 'noise'] as const) {
      expect([trainSpec[key].min, trainSpec[key].max], key).toEqual([TRAIN_LIMITS[key].min, TRAIN_LIMITS[key].max]);
    }
    expect(trainSpec.clip.max).toBe(TRAIN_LIMITS.clip.max);
    expect(trainSpec.batchSize.max).toBe(Math.min(TRAIN_LIMITS.batchSize.max, DATASET_SIZE / 2));
  });

  test('the defaults and both ends of every numeric range are specs the trainer accepts', () => {
    expect(() => validateTrainerSpec(trainerSpec(TRAIN_DEFAULTS))).not.toThrow();
    for (const [key, field] of Object.entries(trainSpec)) {
      if (field.kind !== 'int' && field.kind !== 'number') continue;
      for (const v of [field.min, field.max]) {
        const s = { ...TRAIN_DEFAULTS, [key]: v };
        expect(() => validateTrainerSpec(trainerSpec(s)), `${key}=${v}`).not.toThrow();
      }
    }
  });

  test('clip 0 means off (null); other values are the global-norm limit', () => {
    expect(trainerSpec(TRAIN_DEFAULTS).clip).toBeNull();
    expect(trainerSpec({ ...TRAIN_DEFAULTS, clip: 2 }).clip).toBe(2);
    expect(validNumber(trainSpec.clip, 0)).toBe(true);
    expect(validNumber(trainSpec.clip, TRAIN_LIMITS.clip.min / 2)).toBe(false);
    expect(validNumber(trainSpec.clip, TRAIN_LIMITS.clip.min)).toBe(true);
  });

  test('URL garbage falls back to the default key by key', () => {
    const cases: [string, keyof typeof TRAIN_DEFAULTS][] = [
      ['t.depth=abc', 'depth'],
      [`t.depth=${TRAIN_LIMITS.depth.max + 1}`, 'depth'],
      ['t.depth=2.5', 'depth'],
      [`t.width=${TRAIN_LIMITS.width.min - 1}`, 'width'],
      ['t.initScale=Infinity', 'initScale'],
      ['t.learningRate=1e400', 'learningRate'],
      ['t.learningRate=-0.1', 'learningRate'],
      [`t.clip=${TRAIN_LIMITS.clip.min / 2}`, 'clip'],
      ['t.dataset=%3Cscript%3E', 'dataset'],
      ['t.optimizer=ADAM', 'optimizer'],
      ['t.residual=yes', 'residual'],
      ['t.norm=layer', 'norm'],
      ['t.batchSize=201', 'batchSize'],
      ['t.steps=-1', 'steps'],
    ];
    for (const [q, key] of cases) {
      const s = parseTrainState(`?${q}&t.seed=7`, 't', TRAIN_DEFAULTS);
      expect(s[key], q).toEqual(TRAIN_DEFAULTS[key]);
      expect(s.seed, q).toBe(7);
    }
  });

  test('every setting survives a URL round trip', () => {
    const s: TrainState = {
      ...TRAIN_DEFAULTS,
      dataset: 'spiral',
      activation: 'relu',
      init: 'he',
      initScale: 2.5,
      depth: 20,
      width: 8,
      residual: true,
      norm: 'batch',
      clip: 1.5,
      loss: 'mse',
      optimizer: 'momentum',
      learningRate: 0.003,
      batchSize: 17,
      seed: 42,
      noise: 0.25,
      steps: 50,
    };
    const href = hrefWithState('http://x/notes/training-lab/#a', 't', trainSpec, s, TRAIN_DEFAULTS);
    expect(parseTrainState(new URL(href, 'http://x').search, 't', TRAIN_DEFAULTS)).toEqual(s);
    expect(hrefWithState('http://x/p/', 't', trainSpec, TRAIN_DEFAULTS, TRAIN_DEFAULTS)).toBe('/p/');
  });

  test('the run key changes with every setting but steps', () => {
    const base = runKey(TRAIN_DEFAULTS);
    expect(runKey({ ...TRAIN_DEFAULTS, steps: 1 })).toBe(base);
    expect(runKey({ ...TRAIN_DEFAULTS, residual: true })).not.toBe(base);
    expect(runKey({ ...TRAIN_DEFAULTS, learningRate: 0.2 })).not.toBe(base);
  });

  test('the trainer of the default setting trains on DATASET_SIZE points, half of them for training', () => {
    const t = createTrainer(trainerSpec(TRAIN_DEFAULTS));
    expect(t.dataset.train.y.length + t.dataset.test.y.length).toBe(DATASET_SIZE);
    expect(t.dataset.train.y.length).toBe(DATASET_SIZE / 2);
  });
});
