import { reluActivation } from './activations/relu';
import type { DenseKernels } from './kernel-backend';
import { deadShare, fillLayerStats, finishMoments, type LayerStats } from './layer-stats';
import { compactRows, type SparseRows } from './sparse-kernels';

/**
 * The ReLU layer in one pass over z_l (batch × width): out = max(0, z) and der = f′(z)
 * (bit-identical to `reluActivation.evaluate`), the first-pass statistics of
 * `fillLayerStats`, and out_l row-compacted into `rows` (its non-zeros) as the next layer's
 * sparse input. Returns max |out_l|.
 *
 * Written without data-dependent branches: the sign of z is a coin flip for every unit, so
 * `Math.max(0, x)`, `x > 0 ? … : …` or `if (h !== 0)` mispredict about half the time, which
 * cost more than everything else in the loop. Comparisons go through `+(…)` (0 or 1), which
 * V8 compiles to a flag-to-register move. x·d + 0 is ReLU except for x = NaN (f′ must be
 * NaN, not 0) and x = −∞ (−∞·0 is NaN, not 0); both leave a NaN in the sum of out, and then
 * the layer is redone by the plain `reluActivation.evaluate` and `fillLayerStats`.
 */
export function reluLayer(
  z: Float64Array,
  out: Float64Array,
  der: Float64Array,
  batch: number,
  width: number,
  dead: Uint8Array,
  rows: SparseRows,
  stats: LayerStats,
  l: number,
  kernels?: DenseKernels,
): number {
  const { idx, val, end } = rows;
  let sumOut = 0;
  let sumZ = 0;
  let maxOut = 0;
  let maxZ = 0;
  let sumDer = 0;
  dead.fill(1);
  for (let b = 0; b < batch; b++) {
    const o = b * width;
    let t = o;
    for (let j = 0; j < width; j++) {
      const i = o + j;
      const x = z[i];
      const d = +(x > 0);
      // x·1 + 0 = x for x > 0; x·0 + 0 = +0 for x ≤ 0 (also for x = −0, as Math.max gives).
      const h = x * d + 0;
      out[i] = h;
      der[i] = d;
      sumOut += h;
      sumZ += x;
      sumDer += d;
      maxOut = Math.max(maxOut, h);
      maxZ = Math.max(maxZ, Math.abs(x));
      // A unit is dead when z ≤ 0 for every sample (NaN counts as alive, as in fillLayerStats).
      dead[j] &= +(x <= 0);
      // Always store, advance only past a non-zero (h !== 0 exactly when !(x <= 0)).
      idx[t] = j;
      val[t] = h;
      t += +(h !== 0);
    }
    end[b] = t;
  }
  const n = batch * width;
  if (sumOut !== sumOut) return exactReluLayer(z, out, der, batch, width, dead, rows, stats, l);
  stats.meanAbsDerivative[l] = sumDer / n;
  stats.saturatedFraction[l] = 0;
  stats.deadFraction[l] = deadShare(dead, width);
  finishMoments(z, out, n, sumOut, sumZ, maxOut, maxZ, stats, l, kernels);
  return maxOut;
}

/** `reluLayer` the plain way, for layers whose z holds NaN or −∞. */
function exactReluLayer(
  z: Float64Array,
  out: Float64Array,
  der: Float64Array,
  batch: number,
  width: number,
  dead: Uint8Array,
  rows: SparseRows,
  stats: LayerStats,
  l: number,
): number {
  reluActivation.evaluate(z, out, der, batch * width);
  compactRows(out, rows, batch, width);
  return fillLayerStats(reluActivation, z, out, der, batch, width, dead, stats, l);
}
