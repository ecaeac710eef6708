import type { Activation } from '../activations/types';
import { createWasmArena, jsKernels, type DenseKernels } from '../kernels';
import { requestedKernelBackend } from '../network/workspace';
import { createBatchNormState, type BatchNormState } from './batch-norm';
import type { ParameterLayout } from './layout';

/** Views of one flat parameter (or gradient) vector, per layer, made once (no per-step allocation). */
export interface LayerViews {
  /** W_l (out × in), index depth = w_out (1 × width). */
  readonly W: Float64Array[];
  /** b_l, or an empty array with batch norm; index depth = b_out. */
  readonly b: Float64Array[];
  readonly gamma: Float64Array[];
  readonly beta: Float64Array[];
}

function layerViews(layout: ParameterLayout, p: Float64Array): LayerViews {
  const view = (o: number, n: number) => (o < 0 ? new Float64Array(0) : p.subarray(o, o + n));
  const W: Float64Array[] = [];
  const b: Float64Array[] = [];
  const gamma: Float64Array[] = [];
  const beta: Float64Array[] = [];
  for (let l = 0; l <= layout.depth; l++) {
    W.push(view(layout.weight[l], layout.fanIn[l] * layout.fanOut[l]));
    b.push(view(layout.bias[l], layout.fanOut[l]));
    if (l < layout.depth) {
      gamma.push(view(layout.gamma[l], layout.width));
      beta.push(view(layout.beta[l], layout.width));
    }
  }
  return { W, b, gamma, beta };
}

/**
 * Every buffer one trainer needs, allocated once for at most `rows` samples per pass. With the
 * WebAssembly kernels the buffers the products read or write — parameters, gradient, inputs,
 * layer outputs — are views into the arena's own memory, so the kernels never copy an operand
 * (see `createWasmArena`); elsewhere they are plain Float64Arrays and the JS kernels run.
 * The trainer uses the library's one `DenseKernels` interface; no backend of its own.
 */
export interface Engine {
  readonly layout: ParameterLayout;
  readonly act: Activation;
  readonly residual: boolean;
  readonly loss: 'bce' | 'mse';
  /** Capacity in samples per pass. */
  readonly rows: number;
  readonly kernels: DenseKernels;
  /** The trainer's parameters, a probe vector for lossAt/gradientAt, and a gradient. */
  readonly params: Float64Array;
  readonly probe: Float64Array;
  readonly grad: Float64Array;
  readonly paramViews: LayerViews;
  readonly probeViews: LayerViews;
  readonly gradViews: LayerViews;
  /** Inputs of the current pass (rows × 2) and their labels. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** h[l] = output of hidden layer l after the residual sum (rows × width). */
  readonly h: Float64Array[];
  /** der[l] = f′(z_l). */
  readonly der: Float64Array[];
  /** xhat[l] = x̂ of batch norm (empty without it). */
  readonly xhat: Float64Array[];
  readonly bn: BatchNormState[];
  /** Scratch: pre-activation, two ∂L/∂h buffers, ∂L/∂z and its transpose (rows × width). */
  readonly z: Float64Array;
  readonly g: Float64Array;
  readonly gNext: Float64Array;
  readonly dz: Float64Array;
  readonly dzT: Float64Array;
  /** Logits s and ∂L/∂s (rows). */
  readonly logit: Float64Array;
  readonly dlogit: Float64Array;
  /** Per-unit scale for evaluation-mode batch norm. */
  readonly bnScale: Float64Array;
}

export function createEngine(
  layout: ParameterLayout,
  act: Activation,
  residual: boolean,
  loss: 'bce' | 'mse',
  rows: number,
): Engine {
  const { depth, width, batchNorm, size } = layout;
  const rw = rows * width;
  const doubles = 3 * size + 5 * rows + (2 + (batchNorm ? 1 : 0)) * depth * rw + 5 * rw;
  // Operands outside the arena would be staged; none are, so the stage only has to exist.
  const arena = requestedKernelBackend() === 'wasm' ? createWasmArena(doubles, width) : null;
  const f64 = arena ? (n: number) => arena.f64(n) : (n: number) => new Float64Array(n);
  const params = f64(size);
  const probe = f64(size);
  const grad = f64(size);
  const h: Float64Array[] = [];
  const der: Float64Array[] = [];
  const xhat: Float64Array[] = [];
  const bn: BatchNormState[] = [];
  for (let l = 0; l < depth; l++) {
    h.push(f64(rw));
    der.push(f64(rw));
    xhat.push(batchNorm ? f64(rw) : new Float64Array(0));
    bn.push(createBatchNormState(batchNorm ? width : 0));
  }
  return {
    layout,
    act,
    residual,
    loss,
    rows,
    kernels: arena ? arena.kernels : jsKernels,
    params,
    probe,
    grad,
    paramViews: layerViews(layout, params),
    probeViews: layerViews(layout, probe),
    gradViews: layerViews(layout, grad),
    x: f64(2 * rows),
    y: f64(rows),
    h,
    der,
    xhat,
    bn,
    z: f64(rw),
    g: f64(rw),
    gNext: f64(rw),
    dz: f64(rw),
    dzT: f64(rw),
    logit: f64(rows),
    dlogit: f64(rows),
    bnScale: new Float64Array(width),
  };
}
