import { inits } from '../network/init';
import { createSeededFiller } from '../numeric/rng';
import type { TrainerSpec } from './types';

/**
 * Where each parameter lives in the flat vector of `parameters()`, `lossAt` and `gradientAt`.
 * Hidden layer l (0 = first) in order: W_l (row-major, out × in, in = 2 for l = 0 else width),
 * then either its bias b_l (width) or, with batch norm, γ_l then β_l (width each) and no bias
 * — BN subtracts the batch mean of u = W_l·h, which cancels any constant added to u, so b_l
 * would have gradient exactly 0 and never move (β_l takes its role; Ioffe & Szegedy 2015, §3.2).
 * Then the output layer: w_out (width), b_out (1).
 */
export interface ParameterLayout {
  readonly depth: number;
  readonly width: number;
  readonly batchNorm: boolean;
  /** Offset of W_l; index depth = the output layer's weights. */
  readonly weight: Int32Array;
  /** Offset of b_l (−1 with batch norm for hidden layers); index depth = b_out. */
  readonly bias: Int32Array;
  /** Offsets of γ_l and β_l (−1 without batch norm). */
  readonly gamma: Int32Array;
  readonly beta: Int32Array;
  /** Fan-in of layer l (2, width, …, width for the output layer). */
  readonly fanIn: Int32Array;
  /** Fan-out of layer l (width, …, width, 1 for the output layer). */
  readonly fanOut: Int32Array;
  readonly size: number;
}

export function parameterLayout(depth: number, width: number, batchNorm: boolean): ParameterLayout {
  const weight = new Int32Array(depth + 1);
  const bias = new Int32Array(depth + 1).fill(-1);
  const gamma = new Int32Array(depth).fill(-1);
  const beta = new Int32Array(depth).fill(-1);
  const fanIn = new Int32Array(depth + 1);
  const fanOut = new Int32Array(depth + 1);
  let o = 0;
  for (let l = 0; l <= depth; l++) {
    fanIn[l] = l === 0 ? 2 : width;
    fanOut[l] = l === depth ? 1 : width;
    weight[l] = o;
    o += fanIn[l] * fanOut[l];
    if (l < depth && batchNorm) {
      gamma[l] = o;
      beta[l] = o + width;
      o += 2 * width;
    } else {
      bias[l] = o;
      o += fanOut[l];
    }
  }
  return { depth, width, batchNorm, weight, bias, gamma, beta, fanIn, fanOut, size: o };
}

/**
 * Writes the initial parameters into p (layout above): every layer's weights drawn layer by
 * layer from one `createSeededFiller(seed)` stream with the init's variance for that layer's
 * own fan-in and fan-out — Var[W_l] = initScale² · Var_init(n_in, n_out) with (n_in, n_out) =
 * (2, width) for the first layer, (width, width) for hidden layers 2..depth and (width, 1) for
 * the output layer (so 'standard' is U[−s/√n_in, s/√n_in] with s = initScale and 'xavier'
 * uses 2/(n_in + n_out)). Biases and β start at 0, γ at 1.
 */
export function initialParameters(spec: TrainerSpec, layout: ParameterLayout, p: Float64Array): void {
  const scheme = inits[spec.init];
  const filler = createSeededFiller(spec.seed);
  p.fill(0);
  for (let l = 0; l <= layout.depth; l++) {
    const n = layout.fanIn[l] * layout.fanOut[l];
    const w = p.subarray(layout.weight[l], layout.weight[l] + n);
    const variance = scheme.variance(layout.fanIn[l], layout.fanOut[l]);
    // Uniform U[−a, a] has variance a²/3.
    if (scheme.distribution === 'normal') filler.fillNormal(w, spec.initScale * Math.sqrt(variance));
    else filler.fillSymmetricUniform(w, spec.initScale * Math.sqrt(3 * variance));
    if (l < layout.depth && layout.batchNorm) p.fill(1, layout.gamma[l], layout.gamma[l] + layout.width);
  }
}
