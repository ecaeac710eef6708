import { createWasmArena, jsKernels, type DenseKernels, type KernelBackend, type WasmArena } from '../kernels';

/**
 * Scratch buffers for one gradient-flow shape (depth, width, batch). A slider step calls
 * `gradientFlow` again with the same shape, so the buffers of the last shape are kept and
 * reused: the hot path allocates only the small result arrays.
 *
 * With the WebAssembly kernels, every buffer a wasm kernel reads or writes (all but `dead`,
 * `pair` and `maxIn`) is a view into the workspace's own wasm memory, so per call only
 * the weights, biases and the input are copied in (staged by the kernels). That memory never grows,
 * so the views never detach; it is kept for the next shape that fits it, and `reserveWorkspace`
 * sizes it once for the largest shape a caller will ask for (a slider's range).
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
}

// The library's only module-level mutable state (sideEffects: false holds: nothing runs on
// import). gradientFlow's signature has no room for a workspace, and a slider calls it dozens
// of times a second, so the buffers of the last shape, the wasm memory behind them, the shape
// announced by `reserveWorkspace` and the kernel choice live here, all dropped by
// `releaseWorkspace` except the reservation and the kernel choice.
let requested: KernelBackend = 'wasm';
let cached: Workspace | undefined;
/** The wasm memory of the workspaces: kept, and carved again for any shape that fits it. */
let memory: { arena: WasmArena } | undefined;
/** The largest shape announced by `reserveWorkspace`. */
let reserved = { depth: 0, width: 0, batch: 0 };

/** Doubles of the buffers that live in the wasm memory (see `workspaceFor`). */
function arenaDoubles(depth: number, width: number, batch: number): number {
  const bw = batch * width;
  const direct = batch > width;
  return 2 * depth * bw + 5 * bw + width + 3 + (direct ? 2 * bw + width * width : 2 * batch * batch);
}

/** Doubles staged per operand: a layer's weights (width²) or the input (batch × width). */
const stageDoubles = (width: number, batch: number) => Math.max(width * width, batch * width);

/**
 * Announces the largest shape coming (e.g. a slider's maximum depth and width): the wasm
 * memory is then sized once for it, and every smaller shape reuses it from its start, so
 * moving a slider allocates no new `WebAssembly.Memory`.
 */
export function reserveWorkspace(depth: number, width: number, batch: number): void {
  reserved = { depth, width, batch };
}

/** A wasm memory holding (depth, width, batch) and the reserved shape, reused when it fits. */
function wasmArena(depth: number, width: number, batch: number): WasmArena | null {
  const need = arenaDoubles(depth, width, batch);
  const stage = stageDoubles(width, batch);
  if (memory && need <= memory.arena.capacity && stage <= memory.arena.stage) {
    memory.arena.reset();
    return memory.arena;
  }
  memory = undefined; // let the old memory go before allocating a new one
  const r = reserved;
  const fitsReserved = depth <= r.depth && width <= r.width && batch <= r.batch;
  const arena =
    (fitsReserved
      ? createWasmArena(
          Math.max(need, arenaDoubles(r.depth, r.width, r.batch)),
          Math.max(stage, stageDoubles(r.width, r.batch)),
        )
      : null) ?? createWasmArena(need, stage);
  if (arena) memory = { arena };
  return arena;
}

/** The workspace for this shape: the cached one when the shape matches, else one carved anew (in the kept wasm memory when it fits). */
export function workspaceFor(depth: number, width: number, batch: number): Workspace {
  if (
    cached &&
    cached.depth === depth &&
    cached.width === width &&
    cached.batch === batch &&
    cached.requested === requested
  ) {
    return cached;
  }
  cached = undefined; // let the old buffers go before allocating new ones
  const bw = batch * width;
  const arena = requested === 'wasm' ? wasmArena(depth, width, batch) : null;
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
  };
  return cached;
}

/** Drops the cached buffers (e.g. after a one-off huge run) so they can be collected. */
export function releaseWorkspace(): void {
  cached = undefined;
  memory = undefined;
}

/**
 * Internal (tests and benchmarks; not exported from index.ts): which kernels new workspaces and
 * trainers use. 'wasm' (the default) still falls back to 'js' wherever WebAssembly SIMD is
 * missing. The next `gradientFlow` call rebuilds its workspace when this changed.
 */
export function setKernelBackend(backend: KernelBackend): void {
  if (backend !== 'wasm' && backend !== 'js')
    throw new RangeError(`Invalid kernel backend ${String(backend)}: use 'wasm' or 'js'.`);
  requested = backend;
}

export function requestedKernelBackend(): KernelBackend {
  return requested;
}
