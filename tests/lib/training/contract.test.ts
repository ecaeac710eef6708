import { describe, expect, it } from 'vitest';
import { createTrainer, datasetIds, lossIds, normIds, optimizerIds, TRAIN_LIMITS } from '../../../src/lib';
import { smallSpec } from '../../helpers/training';

describe('training contract (issue #12)', () => {
  it('exports the id lists in the contract order', () => {
    expect(datasetIds).toEqual(['circle', 'xor', 'spiral', 'gauss']);
    expect(lossIds).toEqual(['bce', 'mse']);
    expect(optimizerIds).toEqual(['sgd', 'momentum', 'adam']);
    expect(normIds).toEqual(['none', 'batch']);
  });

  it('TRAIN_LIMITS holds the contract bounds and a {min, max} pair for every field, frozen', () => {
    expect(TRAIN_LIMITS.depth).toEqual({ min: 1, max: 30 });
    expect(TRAIN_LIMITS.width).toEqual({ min: 4, max: 64 });
    expect(TRAIN_LIMITS.initScale).toEqual({ min: 0.25, max: 4 });
    expect(Object.keys(TRAIN_LIMITS).sort()).toEqual(
      ['batchSize', 'clip', 'depth', 'initScale', 'learningRate', 'noise', 'size', 'width'].sort(),
    );
    for (const { min, max } of Object.values(TRAIN_LIMITS)) expect(min).toBeLessThan(max);
    expect(Object.isFrozen(TRAIN_LIMITS)).toBe(true);
    expect(Object.isFrozen(TRAIN_LIMITS.depth)).toBe(true);
  });

  it('snapshot has exactly the contract fields (plus divergedAt) and gradNorm of length depth + 1', () => {
    const snap = createTrainer(smallSpec()).snapshot();
    expect(Object.keys(snap).sort()).toEqual(
      ['step', 'trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy', 'gradNorm', 'diverged', 'divergedAt'].sort(),
    );
    expect(snap.gradNorm).toBeInstanceOf(Float64Array);
    expect(snap.gradNorm).toHaveLength(smallSpec().depth + 1);
  });

  it('hands out copies: changing parameters() or a snapshot’s gradNorm changes nothing inside', () => {
    const t = createTrainer(smallSpec());
    const p = t.parameters();
    const before = t.lossAt(p);
    t.parameters().fill(0);
    t.snapshot().gradNorm.fill(0);
    expect(t.parameters()).toEqual(p);
    expect(t.snapshot().gradNorm.some((v) => v > 0)).toBe(true);
    // lossAt and gradientAt leave the trainer's own parameters alone.
    t.gradientAt(new Float64Array(p.length));
    expect(t.lossAt(t.parameters())).toBe(before);
  });
});
