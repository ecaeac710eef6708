import { afterEach, describe, expect, it } from 'vitest';
import { computeLabView } from '../../../src/components/charts/lab/compute';
import { labSpec } from '../../../src/components/charts/lab/spec';
import { releaseWorkspace } from '../../../src/lib/index';
import { workspaceFor } from '../../../src/lib/network/workspace';

/** Counts `new WebAssembly.Memory(…)` while `run` runs. */
function countMemories(run: () => void): number {
  const Original = WebAssembly.Memory;
  let made = 0;
  WebAssembly.Memory = new Proxy(Original, {
    construct(target, args) {
      made++;
      return Reflect.construct(target, args);
    },
  });
  try {
    run();
  } finally {
    WebAssembly.Memory = Original;
  }
  return made;
}

afterEach(() => releaseWorkspace());

describe('the lab reuses one wasm memory', () => {
  it('moving the depth slider 200 times (both ends included) allocates no new WebAssembly.Memory after the first setting', () => {
    const base = { activation: 'tanh', init: 'xavier', width: 64, seed: 1 } as const;
    const first = countMemories(() => computeLabView({ ...base, depth: 20 }));
    expect(first).toBe(1);
    // A held arrow key and jumps to both ends: every depth of the slider, in an order that grows and shrinks.
    const { min, max } = labSpec.depth;
    const span = max - min + 1;
    const depths = Array.from({ length: 200 }, (_, i) =>
      Math.floor(i / span) % 2 ? min + (i % span) : max - (i % span),
    );
    expect(Math.max(...depths)).toBe(max);
    expect(Math.min(...depths)).toBe(min);
    const views: number[] = [];
    const more = countMemories(() => {
      for (const depth of depths) views.push(computeLabView({ ...base, depth }).depth);
    });
    expect(more).toBe(0);
    expect(views).toEqual(depths);
  });

  it('the width slider at both ends reuses it too, and the wasm kernels stay in use', () => {
    const base = { activation: 'relu', init: 'he', depth: labSpec.depth.max, seed: 3 } as const;
    computeLabView({ ...base, width: 32 });
    const more = countMemories(() => {
      for (const width of [labSpec.width.max, labSpec.width.min, labSpec.width.max, 17])
        computeLabView({ ...base, width });
    });
    expect(more).toBe(0);
    expect(workspaceFor(labSpec.depth.max, 17, 16).kernels.backend).toBe('wasm');
  });

  it('a prefix of the reserved memory gives the same numbers as a memory of its own', () => {
    const p = { activation: 'sigmoid', init: 'xavier', width: 40, seed: 5, depth: 7 } as const;
    computeLabView({ ...p, depth: labSpec.depth.max });
    const reused = computeLabView(p);
    releaseWorkspace();
    expect(computeLabView(p)).toEqual(reused);
  });
});
