import { describe, expect, it, vi } from 'vitest';
import type { LabParams } from '../../../src/components/charts/lab/data';

// A computation that throws for depth 7 until `healed` (Node has no Worker: the main-thread path runs).
const state = vi.hoisted(() => ({ healed: false }));
vi.mock('../../../src/components/charts/lab/compute', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/components/charts/lab/compute')>();
  return {
    ...real,
    computeLabView: (p: LabParams) => {
      if (p.depth === 7 && !state.healed) throw new RangeError('injected');
      return real.computeLabView(p);
    },
  };
});

const { cachedLab, markUsed, onLabEvent, requestLab } = await import('../../../src/components/charts/lab/runs');
const { labKey } = await import('../../../src/components/charts/lab/pack');

const params = (depth: number): LabParams => ({ activation: 'tanh', init: 'xavier', depth, width: 16, seed: 2 });
/** The next event for `key`. */
const next = (key: string) =>
  new Promise<{ key: string; view?: unknown; error?: string }>((resolve) => {
    const stop = onLabEvent((e) => {
      if (e.key !== key) return;
      stop();
      resolve(e);
    });
  });

describe('lab/runs.ts with a computation that throws', () => {
  it('reports the failure of that setting, caches nothing for it, and computes it on a retry', async () => {
    const failing = next(labKey(params(7)));
    requestLab(params(7));
    const event = await failing;
    expect(event.error).toMatch(/RangeError: injected/);
    expect(cachedLab(params(7))).toBeUndefined();

    // Another setting is unaffected.
    const other = next(labKey(params(8)));
    requestLab(params(8));
    expect((await other).view).toBeDefined();

    state.healed = true;
    const retried = next(labKey(params(7)));
    requestLab(params(7));
    expect((await retried).view).toEqual(cachedLab(params(7)));
    expect(cachedLab(params(7))?.depth).toBe(7);
  });

  it('keeps at most 300 views and drops the least recently used first, not the oldest', async () => {
    const many = Array.from({ length: 302 }, (_, i) => ({ ...params(1 + (i % 50)), seed: 1000 + Math.floor(i / 50) }));
    const compute = async (p: LabParams) => {
      const done = next(labKey(p));
      requestLab(p);
      await done;
    };
    for (const p of many.slice(0, 300)) await compute(p);
    markUsed(many[0]); // the reader went back to the first setting
    await compute(many[300]);
    await compute(many[301]);
    expect(cachedLab(many[0])).toBeDefined();
    expect(cachedLab(many[1])).toBeUndefined();
    expect(cachedLab(many[2])).toBeUndefined();
    expect(cachedLab(many[3])).toBeDefined();
    expect(cachedLab(many[301])).toBeDefined();
  }, 60_000);
});
