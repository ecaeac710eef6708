import { createSparseRows, type SparseRows } from './sparse-kernels';

/**
 * Scratch buffers for one gradient-flow shape (depth, width, batch). A slider step calls
 * `gradientFlow` again with the same shape, so the buffers of the last shape are kept and
 * reused: the hot path allocates only the small result arrays.
 */
export interface Workspace {
  readonly depth: number;
  readonly width: number;
  readonly batch: number;
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
  /** max |in_l| per layer, recorded in the forward pass for the backward Gram scaling. */
  readonly maxIn: Float64Array;
  /** Row-compacted out_l (forward) or ∂L/∂z_l (backward), for the sparse ReLU products. */
  readonly rows: SparseRows;
  /** finite[l] = 1 when every weight of layer l is finite (the sparse products need it). */
  readonly finite: Uint8Array;
}

let cached: Workspace | undefined;

/** The workspace for this shape: the cached one when the shape matches, else a new one. */
export function workspaceFor(depth: number, width: number, batch: number): Workspace {
  if (cached && cached.depth === depth && cached.width === width && cached.batch === batch) return cached;
  const bw = batch * width;
  const outs: Float64Array[] = [];
  const ders: Float64Array[] = [];
  const outStore = new Float64Array(depth * bw);
  const derStore = new Float64Array(depth * bw);
  for (let l = 0; l < depth; l++) {
    outs.push(outStore.subarray(l * bw, (l + 1) * bw));
    ders.push(derStore.subarray(l * bw, (l + 1) * bw));
  }
  const direct = batch > width;
  cached = {
    depth,
    width,
    batch,
    outs,
    ders,
    z: new Float64Array(bw),
    g: new Float64Array(bw),
    dz: new Float64Array(bw),
    gramG: new Float64Array(direct ? 0 : batch * batch),
    gramH: new Float64Array(direct ? 0 : batch * batch),
    scaledA: new Float64Array(bw),
    scaledB: new Float64Array(bw),
    tA: new Float64Array(direct ? bw : 0),
    tB: new Float64Array(direct ? bw : 0),
    dW: new Float64Array(direct ? width * width : 0),
    dead: new Uint8Array(width),
    col: new Float64Array(width),
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
