/**
 * A run's history as the charts see it: one record per message from the
 * trainer (the snapshot after each batch of steps), thinned to at most
 * HISTORY_CAP records by doubling the step stride, so a long run keeps a
 * bounded memory and a bounded number of drawn cells. Pure, no DOM.
 */

export interface TrainRecord {
  step: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** ‖∂L/∂W_l‖ of the last step; index 0 = first layer, last = output layer. */
  grad: number[];
}

export interface History {
  records: TrainRecord[];
  /** Kept records are at least this many steps apart (the last one always stays). */
  stride: number;
}

const HISTORY_CAP = 400;

export const emptyHistory = (): History => ({ records: [], stride: 1 });

/** The record of a snapshot (typed arrays become plain arrays, for messages and props). */
export function toRecord(s: Omit<TrainRecord, 'grad'> & { gradNorm: ArrayLike<number> }): TrainRecord {
  // Field by field: a snapshot carries more than a record keeps.
  const { step, trainLoss, testLoss, trainAccuracy, testAccuracy } = s;
  return { step, trainLoss, testLoss, trainAccuracy, testAccuracy, grad: Array.from(s.gradNorm) };
}

/**
 * Appends records in place (and returns `h`). Kept records are `stride` steps
 * apart or more, except the newest, which is always shown and is replaced by
 * the next record while it is closer than that; past HISTORY_CAP every other record is dropped and the stride doubles.
 */
export function appendRecords(h: History, records: readonly TrainRecord[], cap = HISTORY_CAP): History {
  for (const r of records) {
    const n = h.records.length;
    if (n > 0 && r.step <= h.records[n - 1].step) continue;
    // The last record is provisional while it is closer than the stride to the one before: the next replaces it.
    if (n >= 2 && h.records[n - 1].step - h.records[n - 2].step < h.stride) h.records[n - 1] = r;
    else h.records.push(r);
    if (h.records.length > cap) {
      const last = h.records[h.records.length - 1];
      h.records = h.records.filter((_, i) => i % 2 === 0);
      if (h.records[h.records.length - 1] !== last) h.records.push(last);
      h.stride *= 2;
    }
  }
  return h;
}

export const lastRecord = (h: History): TrainRecord | undefined => h.records[h.records.length - 1];
