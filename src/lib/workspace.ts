import { jsKernels, requestedKernelBackend, type DenseKernels, type KernelBackend } from './kernel-backend';
import { createSparseRows, type SparseRows } from './sparse-kernels';
import { createWasmArena } from './wasm-kernels';

/**
 * Scratch buffers for one gradient-flow shape (depth, width, batch). A slider step calls
 * `gradientFlow` again with the same shape, so the buffers of the last shape are kept and
 * reused: the hot path allocates only the small result arrays.
 *
 * With the WebAssembly kernels, every buffer a wasm kernel reads or writes (all but `dead`,
 * `pair`, `maxIn`, `finite` and the sparse rows) is a view into the workspace's own wasm memory, so per call only
 * the weights, biases and the input are copied in (staged by the kernels). That memory is sized
 * once for the shape and never grows, so the views never detach.
 */
export interface Workspace {
  readonly depth: number;
  readonly width: number;
  readonly batch: number;
  /** The dense products: wasm SIMD when available (and requested), else the JS kernels. */
  readonly kernels: DenseKernels;
  /** The backend requested when this workspace was built (see `setKernelBackend`). */
  readonly requested: KernelBackend;
  /** outs[l] = f(z_l), batch × width, the output of layer l. */
  readonly outs: Float64Array[];
  /** ders[l] = f′(z_l), batch × width. */
  readonly ders: Float64Array[];
  /** Pre-activation of the current layer, batch × width. */
  readonly z: Float64Array;
  /** ∂L/∂out of the current layer, batch × width. */
  readonly g: Float64Array;
  /** ∂L/∂z of the current layer, batch × width. */
  readonly dz: Float64Array;
  /** Gram matrices, batch × batch. */
  readonly gramG: Float64Array;
  readonly gramH: Float64Array;
  /** Rescaled copies (batch × width) used only when magnitudes leave the safe band. */
  readonly scaledA: Float64Array;
  readonly scaledB: Float64Array;
  /** Direct ∂L/∂W path (batch > width): transposes (width × batch) and ∂L/∂W (width × width). */
  readonly tA: Float64Array;
  readonly tB: Float64Array;
  readonly dW: Float64Array;
  /** Per-unit "z ≤ 0 for every sample so far" flags for dead-unit counting. */
  readonly dead: Uint8Array;
  /** Column sums Σ_b ∂L/∂z_b (the bias gradient), width. */
  readonly col: Float64Array;
  readonly pair: Float64Array;
  /** [Σ g², max |g|, max |dz|] from the wasm `backwardPointwise`. */
  readonly sums: Float64Array;
  /** max |in_l| per layer, recorded in the forward pass for the backward Gram scaling. */
  readonly maxIn: Float64Array;
  /** Row-compacted out_l (forward) or ∂L/∂z_l (backward), for the sparse ReLU products. */
  readonly rows: SparseRows;
  /** finite[l] = 1 when every weight of layer l is finite (the sparse products need it). */
  readonly finite: Uint8Array;
}

let cached: Workspace | undefined;

/** Doubles of the buffers that live in the wasm memory (see `workspaceFor`). */
function arenaDoubles(depth: number, width: number, batch: number): number {
  const bw = batch * width;
  const direct = batch > width;
  return 2 * depth * bw + 5 * bw + width + 3 + (direct ? 2 * bw + width * width : 2 * batch * batch);
}

/** The workspace for this shape: the cached one when the shape matches, else a new one. */
export function workspaceFor(depth: number, width: number, batch: number): Workspace {
  const requested = requestedKernelBackend();
  if (cached && cached.depth === depth && cached.width === width && cached.batch === batch && cached.requested === requested) {
    return cached;
  }
  cached = undefined; // let the old buffers go before allocating new ones
  const bw = batch * width;
  // Staged operands: a layer's weights (width²) or the input (batch × width).
  const arena = requested === 'wasm' ? createWasmArena(arenaDoubles(depth, width, batch), Math.max(width * width, bw)) : null;
  const f64 = arena ? (n: number) => arena.f64(n) : (n: number) => new Float64Array(n);
  const outs: Float64Array[] = [];
  const ders: Float64Array[] = [];
  const outStore = f64(depth * bw);
  const derStore = f64(depth * bw);
  for (let l = 0; l < depth; l++) {
    outs.push(outStore.subarray(l * bw, (l + 1) * bw));
    ders.push(derStore.subarray(l * bw, (l + 1) * bw));
  }
  const direct = batch > width;
  cached = {
    depth,
    width,
    batch,
    kernels: arena ? arena.kernels : jsKernels,
    requested,
    outs,
    ders,
    z: f64(bw),
    g: f64(bw),
    dz: f64(bw),
    gramG: f64(direct ? 0 : batch * batch),
    gramH: f64(direct ? 0 : batch * batch),
    scaledA: f64(bw),
    scaledB: f64(bw),
    tA: f64(direct ? bw : 0),
    tB: f64(direct ? bw : 0),
    dW: f64(direct ? width * width : 0),
    dead: new Uint8Array(width),
    col: f64(width),
    sums: f64(3),
    pair: new Float64Array(2),
    maxIn: new Float64Array(depth),
    rows: createSparseRows(batch, width),
    finite: new Uint8Array(depth),
  };
  return cached;
}

/** Drops the cached buffers (e.g. after a one-off huge run) so they can be collected. */
export function releaseWorkspace(): void {
  cached = undefined;
}
