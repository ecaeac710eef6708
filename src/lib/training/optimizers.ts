import type { OptimizerId } from './types';

const MOMENTUM = 0.9;
const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-8;

/** Optimizer state: velocity / first moment m and second moment v, one entry per parameter. */
interface OptimizerState {
  readonly m: Float64Array;
  readonly v: Float64Array;
  /** Updates applied so far (Adam's bias correction needs t). */
  t: number;
}

export function createOptimizerState(size: number, optimizer: OptimizerId): OptimizerState {
  return { m: new Float64Array(size), v: new Float64Array(optimizer === 'adam' ? size : 0), t: 0 };
}

/**
 * One update p ← p − Δ from the gradient g (already scaled by `gScale`, the clipping factor):
 * - sgd: Δ = η·g;
 * - momentum (heavy ball, PyTorch's form): m ← 0.9·m + g, Δ = η·m;
 * - adam (Kingma & Ba 2015, Algorithm 1): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
 *   Δ = η·m̂/(√v̂ + ε) with the bias corrections m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
 */
export function applyUpdate(
  optimizer: OptimizerId,
  st: OptimizerState,
  p: Float64Array,
  g: Float64Array,
  gScale: number,
  lr: number,
): void {
  const n = p.length;
  st.t++;
  if (optimizer === 'sgd') {
    for (let i = 0; i < n; i++) p[i] -= lr * (gScale * g[i]);
  } else if (optimizer === 'momentum') {
    const m = st.m;
    for (let i = 0; i < n; i++) {
      m[i] = MOMENTUM * m[i] + gScale * g[i];
      p[i] -= lr * m[i];
    }
  } else {
    const { m, v, t } = st;
    const c1 = 1 / (1 - ADAM_BETA1 ** t);
    const c2 = 1 / (1 - ADAM_BETA2 ** t);
    for (let i = 0; i < n; i++) {
      const gi = gScale * g[i];
      m[i] = ADAM_BETA1 * m[i] + (1 - ADAM_BETA1) * gi;
      v[i] = ADAM_BETA2 * v[i] + (1 - ADAM_BETA2) * gi * gi;
      p[i] -= (lr * (m[i] * c1)) / (Math.sqrt(v[i] * c2) + ADAM_EPSILON);
    }
  }
}
