import { describe, expect, it } from 'vitest';
import { activationIds, activations, createTrainer, lossIds } from '../../../src/lib';
import { setKernelBackend } from '../../../src/lib/network/workspace';
import { createEngine } from '../../../src/lib/training/engine';
import { parameterLayout } from '../../../src/lib/training/layout';
import { centralDifference, randomVector, smallSpec } from '../../helpers/training';

/**
 * Largest per-parameter relative error of gradientAt against central differences of lossAt.
 * The step is h = 1e-5·max(1, |p_i|): rounding then costs ~1e-16·L/h ≈ 1e-11 absolute and the
 * truncation ~h²·L‴ ≈ 1e-10 relative. For ReLU and leaky ReLU a pre-activation crossing 0
 * within ±h would make the difference straddle a kink; that can only make this test fail
 * (an O(1) error), never pass wrongly, and with these seeds none does. The error is relative to |g_i|, floored at 1e-4·max|g|
 * so that a component that is 0 up to rounding is not divided by its own rounding.
 */
function worstRelativeError(spec: ReturnType<typeof smallSpec>): number {
  const t = createTrainer(spec);
  // Move away from the initial point (γ = 1, β = 0, b = 0) so every parameter matters.
  const p = t.parameters();
  const jitter = randomVector(p.length, 11, 0.1);
  for (let i = 0; i < p.length; i++) p[i] += jitter[i];
  const g = t.gradientAt(p);
  const loss = (q: Float64Array) => t.lossAt(q);
  let gMax = 0;
  for (const v of g) gMax = Math.max(gMax, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < p.length; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(p[i]));
    const fd = centralDifference(loss, p, i, h);
    worst = Math.max(worst, Math.abs(fd - g[i]) / Math.max(Math.abs(g[i]), 1e-4 * gMax));
  }
  return worst;
}

describe('gradientAt', () => {
  for (const activation of activationIds) {
    for (const loss of lossIds) {
      for (const residual of [false, true]) {
        for (const norm of ['none', 'batch'] as const) {
          it(`matches central differences of lossAt within 1e-6: ${activation}, ${loss}, residual ${residual}, norm ${norm}`, () => {
            expect(worstRelativeError(smallSpec({ activation, loss, residual, norm }))).toBeLessThanOrEqual(1e-6);
          });
        }
      }
    }
  }

  it('is the same with the JavaScript kernels as with the WebAssembly ones', () => {
    expect(createEngine(parameterLayout(3, 5, true), activations.gelu, true, 'bce', 10).kernels.backend).toBe('wasm'); // so this compares two backends
    const spec = smallSpec({ activation: 'gelu', residual: true, norm: 'batch' });
    const p = createTrainer(spec).parameters();
    setKernelBackend('js');
    try {
      const js = createTrainer(spec).gradientAt(p);
      setKernelBackend('wasm');
      expect(createTrainer(spec).gradientAt(p)).toEqual(js);
    } finally {
      setKernelBackend('wasm');
    }
  });
});
