import type { ActivationId } from '../activations/types';
import { prepareFlow } from './flow-checks';
import { transpose } from '../kernels';
import { createLayerStats, fillLayerStats, type LayerStats } from './layer-stats';
import type { Network } from './network';
import { checkReadout, fillOutputGradient, readoutLoss, type GradientFlowOptions, type Readout } from './readout';
import { isSafeMagnitude, maxAbs, norm2, normalisingPowerOfTwo } from '../numeric/stats';
import { workspaceFor, type Workspace } from './workspace';

/**
 * Per-layer results of one forward + backward pass. Every array has length `depth` and
 * index l means layer l (0 = nearest the input), whose output is out_l = f(z_l),
 * z_l = W_l·in_l + b_l, in_0 = input, in_l = out_{l−1}. (In 1-based math: out_l = h_{l+1}.)
 */
export interface GradientFlowResult extends LayerStats {
  readonly depth: number;
  readonly width: number;
  readonly batch: number;
  readonly activation: ActivationId;
  readonly readout: Readout;
  /** L = (1/batch)·Σ_b Σ_j out_{depth−1}[b][j] (with signs r_j for the 'alternating' readout). */
  readonly loss: number;
  /** ‖∂L/∂W_l‖_F. */
  readonly weightGradNorm: Float64Array;
  /** ‖∂L/∂b_l‖ = ‖Σ_b ∂L/∂z_l[b]‖. */
  readonly biasGradNorm: Float64Array;
  /** ‖∂L/∂out_l‖ over batch and units; the last one is √(width/batch). */
  readonly activationGradNorm: Float64Array;
}

/** ws.z = in·Wᵀ + b. */
function preActivation(W: Float64Array, bias: Float64Array, input: Float64Array, ws: Workspace): void {
  ws.kernels.mulABt(input, W, ws.z, ws.batch, ws.width, ws.width, bias);
}

/** Copy of a scaled by k into dst when k ≠ 1, else a itself. */
function scaled(a: Float64Array, n: number, k: number, dst: Float64Array): Float64Array {
  if (k === 1) return a;
  for (let i = 0; i < n; i++) dst[i] = a[i] * k;
  return dst;
}

const GRAM_LO = 2 ** -120;
const GRAM_HI = 2 ** 120;

/** Power of two bringing products of Gram entries into range (1 when already safe). */
function gramScale(m: number): number {
  return isSafeMagnitude(m, GRAM_LO, GRAM_HI) ? 1 : normalisingPowerOfTwo(m);
}

/**
 * ‖∂L/∂W_l‖_F with ∂L/∂W_l = Σ_b dz_b·in_bᵀ, given max |dz| and max |in|. For batch ≤ width
 * it never forms the matrix: ‖Σ_b g_b h_bᵀ‖²_F = Σ_{b,b′} (g_b·g_b′)(h_b·h_b′), two
 * batch × batch Gram matrices, batch²·width work instead of batch·width².
 */
function weightGradNorm(ws: Workspace, dz: Float64Array, maxDz: number, input: Float64Array, maxIn: number): number {
  const { width: W, batch: B } = ws;
  const n = B * W;
  const kg = gramScale(maxDz);
  const kh = gramScale(maxIn);
  const g = scaled(dz, n, kg, ws.scaledA);
  const h = scaled(input, n, kh, ws.scaledB);
  if (B > W) {
    transpose(g, ws.tA, B, W);
    transpose(h, ws.tB, B, W);
    ws.kernels.mulABt(ws.tA, ws.tB, ws.dW, W, W, B);
    return norm2(ws.dW, W * W) / kg / kh;
  }
  const G = ws.gramG;
  const H = ws.gramH;
  ws.kernels.gramUpper(g, G, B, W);
  ws.kernels.gramUpper(h, H, B, W);
  let diag = 0;
  let off = 0;
  for (let i = 0; i < B; i++) {
    const r = i * B;
    diag += G[r + i] * H[r + i];
    for (let j = i + 1; j < B; j++) off += G[r + j] * H[r + j];
  }
  // Mathematically ≥ 0 (trace of a product of two PSD matrices); rounding may dip below.
  return Math.sqrt(Math.max(diag + 2 * off, 0)) / kg / kh;
}

/**
 * dz = g ⊙ der and the bias gradient col = Σ_b dz_b in one pass, which also leaves ‖g‖ in
 * ws.pair[0] and max |dz| in ws.pair[1]; ‖g‖ is recomputed with rescaling only when g
 * leaves the safe band. The wasm kernels do the same two lanes at a time, bit-identically.
 */
function backwardPointwise(ws: Workspace, der: Float64Array): void {
  const { g, dz, col, batch, width, sums } = ws;
  if (ws.kernels.backwardPointwise?.(g, der, dz, col, batch, width, sums)) {
    ws.pair[0] = isSafeMagnitude(sums[1]) ? Math.sqrt(sums[0]) : norm2(g, batch * width);
    ws.pair[1] = sums[2];
    return;
  }
  let sumSq = 0;
  let maxG = 0;
  let maxDz = 0;
  col.fill(0);
  for (let b = 0; b < batch; b++) {
    const o = b * width;
    for (let j = 0; j < width; j++) {
      const gi = g[o + j];
      const di = gi * der[o + j];
      dz[o + j] = di;
      col[j] += di;
      sumSq += gi * gi;
      maxG = Math.max(maxG, Math.abs(gi));
      maxDz = Math.max(maxDz, Math.abs(di));
    }
  }
  ws.pair[0] = isSafeMagnitude(maxG) ? Math.sqrt(sumSq) : norm2(g, batch * width);
  ws.pair[1] = maxDz;
}

/**
 * One forward and backward pass of `network` on `input` (batch × width, row-major), with
 * L = (1/batch)·Σ over the batch and the units of the last layer's output (the default
 * 'sum' readout; `options.readout = 'alternating'` flips the sign of odd units, see `Readout`).
 *
 * Forward: z_l = W_l·in_l + b_l, out_l = f(z_l). Backward from ∂L/∂out_{depth−1} = ±1/batch:
 * ∂L/∂z_l = ∂L/∂out_l ⊙ f′(z_l), ∂L/∂W_l = Σ_b ∂L/∂z_l[b]·in_l[b]ᵀ,
 * ∂L/∂out_{l−1} = W_lᵀ·∂L/∂z_l. See `GradientFlowResult` for the indexing of the outputs.
 *
 * Deep saturating nets underflow to exactly 0, never NaN; norms are computed with exact
 * power-of-two rescaling, so they only become 0 or ∞ when the true value is outside the
 * double range. Buffers for the last (depth, width, batch) are cached and reused.
 *
 * @throws RangeError naming `network`, `input` (length ≠ batch × width), `batch`
 *   (integer from 1 to LIMITS.maxBatch, and depth × width × batch ≤ LIMITS.maxCells) or `readout`.
 */
export function gradientFlow(
  network: Network,
  input: Float64Array,
  batch: number,
  options: GradientFlowOptions = {},
): GradientFlowResult {
  const act = prepareFlow(network, input, batch);
  const readout = checkReadout(options.readout);
  const { depth, width } = network.spec;
  const ws = workspaceFor(depth, width, batch);
  const n = batch * width;
  const stats = createLayerStats(depth);
  const weightGradNormOut = new Float64Array(depth);
  const biasGradNorm = new Float64Array(depth);
  const activationGradNorm = new Float64Array(depth);
  const maxIn = ws.maxIn;
  const layers = network.layers;

  maxIn[0] = maxAbs(input, n);
  for (let l = 0; l < depth; l++) {
    preActivation(layers[l].weights, layers[l].bias, l === 0 ? input : ws.outs[l - 1], ws);
    act.evaluate(ws.z, ws.outs[l], ws.ders[l], n);
    const maxOut = fillLayerStats(act, ws.z, ws.outs[l], ws.ders[l], batch, width, ws.dead, stats, l, ws.kernels);
    if (l + 1 < depth) maxIn[l + 1] = maxOut;
  }
  const loss = readoutLoss(ws.outs[depth - 1], batch, width, readout);

  const { g, dz, col } = ws;
  fillOutputGradient(g, batch, width, readout);
  for (let l = depth - 1; l >= 0; l--) {
    backwardPointwise(ws, ws.ders[l]);
    activationGradNorm[l] = ws.pair[0];
    biasGradNorm[l] = norm2(col, width);
    weightGradNormOut[l] = weightGradNorm(ws, dz, ws.pair[1], l === 0 ? input : ws.outs[l - 1], maxIn[l]);
    if (l > 0) ws.kernels.mulAB(dz, layers[l].weights, g, batch, width, width);
  }
  return {
    depth,
    width,
    batch,
    activation: act.id,
    readout,
    loss,
    weightGradNorm: weightGradNormOut,
    biasGradNorm,
    activationGradNorm,
    ...stats,
  };
}

/**
 * The forward pass alone: the last layer's output (batch × width, a new array) and the loss
 * L of the readout (default 'sum': (1/batch)·Σ output). Same validation as `gradientFlow`.
 */
export function forward(
  network: Network,
  input: Float64Array,
  batch: number,
  options: GradientFlowOptions = {},
): { output: Float64Array; loss: number } {
  const act = prepareFlow(network, input, batch);
  const readout = checkReadout(options.readout);
  const { depth, width } = network.spec;
  const ws = workspaceFor(depth, width, batch);
  for (let l = 0; l < depth; l++) {
    preActivation(network.layers[l].weights, network.layers[l].bias, l === 0 ? input : ws.outs[l - 1], ws);
    act.evaluate(ws.z, ws.outs[l], ws.ders[l], batch * width);
  }
  const output = ws.outs[depth - 1].slice();
  return { output, loss: readoutLoss(output, batch, width, readout) };
}
