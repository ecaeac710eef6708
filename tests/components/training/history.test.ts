import { describe, expect, test } from 'vitest';
import {
  appendRecords,
  emptyHistory,
  lastRecord,
  toRecord,
  type TrainRecord,
} from '../../../src/components/charts/training/history';

const rec = (step: number): TrainRecord => ({
  step,
  trainLoss: 1 / (step + 1),
  testLoss: 1,
  trainAccuracy: 0.5,
  testAccuracy: 0.5,
  grad: [step],
});

describe('training history', () => {
  test('keeps every record until the cap, then halves them and doubles the stride; the newest always stays', () => {
    const h = emptyHistory();
    appendRecords(
      h,
      Array.from({ length: 8 }, (_, i) => rec(i)),
      8,
    );
    expect(h.records.map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    appendRecords(h, [rec(8)], 8);
    expect(h.stride).toBe(2);
    expect(h.records.map((r) => r.step)).toEqual([0, 2, 4, 6, 8]);
    // The newest record is provisional while it is closer than the stride to the one before it.
    appendRecords(h, [rec(9)], 8);
    expect(h.records.map((r) => r.step)).toEqual([0, 2, 4, 6, 8, 9]);
    appendRecords(h, [rec(10)], 8);
    expect(h.records.map((r) => r.step)).toEqual([0, 2, 4, 6, 8, 10]);
    appendRecords(h, [rec(11)], 8);
    expect(h.records.map((r) => r.step)).toEqual([0, 2, 4, 6, 8, 10, 11]);
    expect(lastRecord(h)?.step).toBe(11);
  });

  test('ignores records that do not move forward (a pause re-sends the current step)', () => {
    const h = appendRecords(emptyHistory(), [rec(0), rec(5)]);
    appendRecords(h, [rec(5), rec(3)]);
    expect(h.records.map((r) => r.step)).toEqual([0, 5]);
  });

  test('a long run stays within the cap and spans it from step 0 to the newest step', () => {
    const h = emptyHistory();
    for (let s = 0; s <= 10_000; s += 7) appendRecords(h, [rec(s)], 100);
    expect(h.records.length).toBeLessThanOrEqual(100);
    expect(h.records[0].step).toBe(0);
    expect(lastRecord(h)?.step).toBe(9996);
    for (let i = 1; i < h.records.length; i++) expect(h.records[i].step).toBeGreaterThan(h.records[i - 1].step);
  });

  test('a snapshot becomes a plain record (the typed array copied)', () => {
    const gradNorm = new Float64Array([1, 2]);
    const r = toRecord({ step: 3, trainLoss: 0.5, testLoss: 0.6, trainAccuracy: 0.7, testAccuracy: 0.8, gradNorm });
    gradNorm[0] = 9;
    expect(r).toEqual({ step: 3, trainLoss: 0.5, testLoss: 0.6, trainAccuracy: 0.7, testAccuracy: 0.8, grad: [1, 2] });
  });
});
