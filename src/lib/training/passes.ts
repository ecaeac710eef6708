import { transpose } from '../kernels';
import { batchNormBackward, batchNormEval, batchNormTrain } from './batch-norm';
import type { Engine, LayerViews } from './engine';

/**
 * Forward pass on the first `rows` samples of e.x with parameters `p` (views of e.params or
 * e.probe): for hidden layer l (0-based, in = e.x for l = 0 else h_{l−1})
 *   u_l = W_l·in (+ b_l without batch norm),
 *   z_l = u_l, or γ_l·x̂_l + β_l with batch norm (batch statistics when `training`,
 *         running averages otherwise),
 *   h_l = f(z_l) (+ h_{l−1} with residual connections, for l ≥ 1: He et al. 2016),
 * and the logit s = w_out·h_{depth−1} + b_out into e.logit. Keeps f′(z_l) and x̂_l for the
 * backward pass. Every product goes through e.kernels (the library's dense kernels, which
 * take any m × k by n × k shape: the 2-wide first layer and the 1-wide output layer included).
 */
export function forward(e: Engine, p: LayerViews, rows: number, training: boolean): void {
  const { layout, kernels, z } = e;
  const { depth, width, batchNorm } = layout;
  const n = rows * width;
  for (let l = 0; l < depth; l++) {
    const input = l === 0 ? e.x : e.h[l - 1];
    kernels.mulABt(input, p.W[l], z, rows, width, layout.fanIn[l], batchNorm ? null : p.b[l]);
    if (batchNorm) {
      if (training) batchNormTrain(z, e.xhat[l], rows, width, p.gamma[l], p.beta[l], e.bn[l]);
      else batchNormEval(z, rows, width, p.gamma[l], p.beta[l], e.bn[l], e.bnScale);
    }
    const h = e.h[l];
    e.act.evaluate(z, h, e.der[l], n);
    if (e.residual && l > 0) {
      const prev = e.h[l - 1];
      for (let i = 0; i < n; i++) h[i] += prev[i];
    }
  }
  kernels.mulABt(e.h[depth - 1], p.W[depth], e.logit, rows, 1, width, p.b[depth]);
}

/** Σ_b a_bj over rows into col (the bias gradient Σ_b ∂L/∂u_b). */
function columnSums(a: Float64Array, rows: number, width: number, col: Float64Array): void {
  col.fill(0);
  for (let b = 0, o = 0; b < rows; b++, o += width) for (let j = 0; j < width; j++) col[j] += a[o + j];
}

/**
 * Backward pass after a training-mode `forward` with the same p and rows, from e.dlogit =
 * ∂L/∂s; writes ∂L/∂p into `grad` (views of e.grad):
 *   ∂L/∂w_out = Σ_b ∂L/∂s_b·h_b, ∂L/∂b_out = Σ_b ∂L/∂s_b, ∂L/∂h_{depth−1} = ∂L/∂s·w_outᵀ;
 *   per hidden layer, last to first: ∂L/∂z_l = ∂L/∂h_l ⊙ f′(z_l);
 *     with batch norm ∂L/∂γ, ∂L/∂β and ∂L/∂u_l through the batch statistics (batch-norm.ts),
 *     else ∂L/∂b_l = Σ_b ∂L/∂z_l and ∂L/∂u_l = ∂L/∂z_l;
 *     ∂L/∂W_l = (∂L/∂u_l)ᵀ·in_l;
 *     ∂L/∂h_{l−1} = ∂L/∂u_l·W_l (+ ∂L/∂h_l through the residual sum h_l = f(z_l) + h_{l−1}).
 */
export function backward(e: Engine, p: LayerViews, grad: LayerViews, rows: number): void {
  const { layout, kernels, dz, dzT } = e;
  const { depth, width, batchNorm } = layout;
  const n = rows * width;
  const ds = e.dlogit;
  kernels.mulAB(ds, e.h[depth - 1], grad.W[depth], 1, width, rows);
  let sb = 0;
  for (let b = 0; b < rows; b++) sb += ds[b];
  grad.b[depth][0] = sb;
  let g = e.g;
  let gNext = e.gNext;
  kernels.mulAB(ds, p.W[depth], g, rows, width, 1);
  for (let l = depth - 1; l >= 0; l--) {
    const der = e.der[l];
    for (let i = 0; i < n; i++) dz[i] = g[i] * der[i];
    if (batchNorm) batchNormBackward(dz, e.xhat[l], rows, width, p.gamma[l], e.bn[l], grad.gamma[l], grad.beta[l]);
    else columnSums(dz, rows, width, grad.b[l]);
    const input = l === 0 ? e.x : e.h[l - 1];
    // ∂L/∂W_l = dzᵀ·in: the kernels multiply A·B with A row-major, so dz is transposed once
    // (rows × width values, cheap next to the width × width × rows product).
    transpose(dz, dzT, rows, width);
    kernels.mulAB(dzT, input, grad.W[l], width, layout.fanIn[l], rows);
    if (l > 0) {
      kernels.mulAB(dz, p.W[l], gNext, rows, width, width);
      if (e.residual) for (let i = 0; i < n; i++) gNext[i] += g[i];
      const t = g;
      g = gNext;
      gNext = t;
    }
  }
}
