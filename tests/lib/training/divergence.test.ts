import { describe, expect, it } from 'vitest';
import { createTrainer, DIVERGENCE_LIMIT, type TrainerSpec, type TrainSnapshot } from '../../../src/lib';

/** ReLU + He at init scale ×3, 10 layers: one sgd step with η = 0.1 takes the loss from ~9e4 to ~1e33. */
const exploding: TrainerSpec = {
  dataset: { kind: 'circle', size: 400, noise: 0.1, seed: 1 },
  depth: 10,
  width: 16,
  activation: 'relu',
  init: 'he',
  initScale: 3,
  residual: false,
  norm: 'none',
  loss: 'bce',
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 32,
  clip: null,
  seed: 1,
};

function expectFinite(snap: TrainSnapshot): void {
  for (const v of [snap.trainLoss, snap.testLoss, snap.trainAccuracy, snap.testAccuracy, ...snap.gradNorm]) {
    expect(Number.isFinite(v), `${v} in ${JSON.stringify(snap)}`).toBe(true);
  }
}

describe('divergence', () => {
  it('refuses a step whose gradient norm exceeds 1e6: nothing changes but diverged and divergedAt', () => {
    // At init scale ×3.5 the first minibatch gradient already has a norm above 1e6.
    const t = createTrainer({ ...exploding, initScale: 3.5 });
    const start = t.snapshot();
    const kept = t.parameters();
    expect(start.diverged).toBe(false);
    const snap = t.step(50);
    expect(snap).toEqual({ ...start, diverged: true, divergedAt: 0 });
    expect(t.parameters()).toEqual(kept);
    expectFinite(snap);
  });

  it('a step whose result has a loss above 1e6 marks that step and stops there, however steps are grouped', () => {
    const one = createTrainer(exploding);
    const snap = one.step(50);
    const t = createTrainer(exploding);
    expect(t.step()).toEqual(snap);
    expect(snap.step).toBe(1);
    expect(snap.diverged).toBe(true);
    expect(snap.divergedAt).toBe(1);
    expect(snap.trainLoss).toBeGreaterThan(DIVERGENCE_LIMIT);
    expectFinite(snap);
    // Further steps do nothing.
    const kept = t.parameters();
    expect(t.step(10)).toEqual(snap);
    expect(t.parameters()).toEqual(kept);
  });

  it('gradient clipping keeps the same preset training', () => {
    const t = createTrainer({ ...exploding, clip: 1 });
    const snap = t.step(200);
    expect(snap.diverged).toBe(false);
    expect(snap.divergedAt).toBeNull();
    expectFinite(snap);
    expect(snap.trainLoss).toBeLessThan(t.snapshot().trainLoss + 1); // a number, and the run went on
    expect(snap.step).toBe(200);
  });

  it('a network whose initial loss already exceeds the limit is diverged at step 0, with finite readouts', () => {
    const t = createTrainer({
      ...exploding,
      activation: 'linear',
      depth: 30,
      width: 64,
      initScale: 4,
      learningRate: 10,
    });
    const snap = t.snapshot();
    expect(snap.diverged).toBe(true);
    expect(snap.divergedAt).toBe(0);
    expect(snap.trainLoss).toBeGreaterThan(DIVERGENCE_LIMIT);
    expectFinite(snap);
    expect(t.step(5).step).toBe(0);
  });

  it('never reports NaN, whatever the learning rate does to a deep net', () => {
    for (const activation of ['relu', 'tanh', 'linear', 'elu'] as const) {
      for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
        const t = createTrainer({ ...exploding, activation, optimizer, learningRate: 10, initScale: 4 });
        for (let i = 0; i < 5; i++) expectFinite(t.step(20));
      }
    }
  });
});
