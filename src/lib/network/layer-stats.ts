import type { Activation } from '../activations/types';
import type { DenseKernels } from '../kernels';
import { isSafeMagnitude, normalisingPowerOfTwo } from '../numeric/stats';

/** The per-layer statistics arrays of `GradientFlowResult` (all of length depth). */
export interface LayerStats {
  /** Mean and population std (÷N, N = batch·width) of out_l. */
  readonly mean: Float64Array;
  readonly std: Float64Array;
  /** Mean and population std of the pre-activation z_l. */
  readonly preActMean: Float64Array;
  readonly preActStd: Float64Array;
  /** Mean over batch and units of |f′(z_l)|: the chain rule multiplies these along depth. */
  readonly meanAbsDerivative: Float64Array;
  /** Share of (sample, unit) with |f′(z_l)| < 1 % of max |f′|; 0 unless the activation saturates. */
  readonly saturatedFraction: Float64Array;
  /** Share of units with z_l ≤ 0 for every sample; 0 unless family is 'relu' (ReLU, leaky ReLU). */
  readonly deadFraction: Float64Array;
}

export function createLayerStats(depth: number): LayerStats {
  return {
    mean: new Float64Array(depth),
    std: new Float64Array(depth),
    preActMean: new Float64Array(depth),
    preActStd: new Float64Array(depth),
    meanAbsDerivative: new Float64Array(depth),
    saturatedFraction: new Float64Array(depth),
    deadFraction: new Float64Array(depth),
  };
}

/**
 * Fills the statistics of layer l from z_l, out_l = f(z_l) and der = f′(z_l) (batch × width
 * each) and returns max |out_l| (the next layer's Gram scaling needs it).
 *
 * Means and population stds (÷N) are two-pass (no E[x²] − E[x]² cancellation); when
 * |values| leave [2⁻⁵⁰⁰, 2⁵⁰⁰] the sums are redone on values rescaled by a power of two.
 */
export function fillLayerStats(
  act: Activation,
  z: Float64Array,
  out: Float64Array,
  der: Float64Array,
  batch: number,
  width: number,
  dead: Uint8Array,
  stats: LayerStats,
  l: number,
  kernels?: DenseKernels,
): number {
  const n = batch * width;
  // Counting saturated values only for a saturating activation: threshold −∞ counts none.
  const threshold = act.saturates ? 0.01 * act.maxDerivative.value : -Infinity;
  // The wasm reductions (bit-identical) when the buffers are in wasm memory.
  const [sumOut, sumZ, sumAbsDer, maxOut, maxZ, saturated] =
    kernels?.layerSums?.(z, out, der, n, threshold) ?? layerSums(z, out, der, n, threshold);
  stats.meanAbsDerivative[l] = sumAbsDer / n;
  stats.saturatedFraction[l] = saturated / n;
  stats.deadFraction[l] = act.family === 'relu' ? deadShare(z, batch, width, dead) : 0;
  finishMoments(z, out, n, sumOut, sumZ, maxOut, maxZ, stats, l, kernels);
  return maxOut;
}

/** [Σ out, Σ z, Σ |der|, max |out|, max |z|, #{i : |der[i]| < threshold}] over n values, in index order. */
function layerSums(z: Float64Array, out: Float64Array, der: Float64Array, n: number, threshold: number): number[] {
  let sumOut = 0;
  let sumZ = 0;
  let maxOut = 0;
  let maxZ = 0;
  let sumAbsDer = 0;
  for (let i = 0; i < n; i++) {
    const h = out[i];
    const x = z[i];
    sumOut += h;
    sumZ += x;
    maxOut = Math.max(maxOut, Math.abs(h));
    maxZ = Math.max(maxZ, Math.abs(x));
    sumAbsDer += Math.abs(der[i]);
  }
  let saturated = 0;
  if (threshold > -Infinity) {
    for (let i = 0; i < n; i++) if (Math.abs(der[i]) < threshold) saturated++;
  }
  return [sumOut, sumZ, sumAbsDer, maxOut, maxZ, saturated];
}

/** Share of the width units with z ≤ 0 for every sample of the batch (NaN counts as alive). */
function deadShare(z: Float64Array, batch: number, width: number, dead: Uint8Array): number {
  dead.fill(1);
  for (let b = 0; b < batch; b++) {
    const o = b * width;
    // Branch-free: the sign of z is a coin flip per unit, and a mispredicted branch costs
    // more than the rest of the loop.
    for (let j = 0; j < width; j++) dead[j] &= +(z[o + j] <= 0);
  }
  let count = 0;
  for (let j = 0; j < width; j++) count += dead[j];
  return count / width;
}

/**
 * Mean and population std of out_l and z_l (n values each) into stats[l], given the
 * first-pass sums and max |·| of both: the second, centred pass, after an exact
 * power-of-two rescaling (rarely) so that sums and squares stay inside the double range.
 */
function finishMoments(
  z: Float64Array,
  out: Float64Array,
  n: number,
  sumOut: number,
  sumZ: number,
  maxOut: number,
  maxZ: number,
  stats: LayerStats,
  l: number,
  kernels?: DenseKernels,
): void {
  // NaN maxima count as safe: the NaN then propagates through the sums as it should.
  const ko = isSafeMagnitude(maxOut) ? 1 : normalisingPowerOfTwo(maxOut);
  const kz = isSafeMagnitude(maxZ) ? 1 : normalisingPowerOfTwo(maxZ);
  if (ko !== 1 || kz !== 1) {
    sumOut = 0;
    sumZ = 0;
    for (let i = 0; i < n; i++) {
      sumOut += out[i] * ko;
      sumZ += z[i] * kz;
    }
  }
  const meanOut = sumOut / n;
  const meanZ = sumZ / n;
  let qOut = 0;
  let qZ = 0;
  const squares = kernels?.centredSquares?.(z, out, n, ko, kz, meanOut, meanZ) ?? null;
  if (squares !== null) {
    qOut = squares[0];
    qZ = squares[1];
  } else {
    for (let i = 0; i < n; i++) {
      const a = out[i] * ko - meanOut;
      const c = z[i] * kz - meanZ;
      qOut += a * a;
      qZ += c * c;
    }
  }
  stats.mean[l] = meanOut / ko;
  stats.std[l] = Math.sqrt(qOut / n) / ko;
  stats.preActMean[l] = meanZ / kz;
  stats.preActStd[l] = Math.sqrt(qZ / n) / kz;
}
