import { jsKernels, type DenseKernels } from '../interface';
import { encodeModule } from './encoder';
import { mulAbFunction } from './mul-ab';
import { mulAbtFunction } from './mul-abt';
import { backwardPointwiseFunction } from './pointwise';
import { centredSquaresFunction, layerSumsFunction } from './stats';

/**
 * The WebAssembly SIMD kernels: module bytes generated from mul-ab.ts, mul-abt.ts,
 * pointwise.ts and stats.ts, with pieces the two products share in product.ts
 * (no binary file, no build step; about 3.5 KB, under the
 * 4 KB up to which older Chromium (to about 114) and its WebViews compile synchronously on the
 * main thread — a test keeps it there),
 * compiled and instantiated per workspace or trainer on a memory of its own that holds the
 * workspace's buffers. Wherever WebAssembly, SIMD, the CSP ('wasm-unsafe-eval') or the memory
 * is unavailable the callers get `null` and use the JavaScript kernels instead.
 */

export function kernelModuleBytes(): Uint8Array<ArrayBuffer> {
  return encodeModule([
    mulAbFunction,
    mulAbtFunction,
    backwardPointwiseFunction,
    layerSumsFunction,
    centredSquaresFunction,
  ]);
}

/** A compiled module, or null when WebAssembly (or its SIMD) is missing or refuses it. */
export function compileKernels(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module | null {
  try {
    if (typeof WebAssembly !== 'object' || WebAssembly === null) return null;
    if (!WebAssembly.validate(bytes)) return null;
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

/**
 * The kernel module, compiled anew (null when unavailable). Not cached: it is about 3.5 KB and
 * compiles in well under a millisecond, and an arena is made once per workspace or trainer.
 */
export function kernelModule(): WebAssembly.Module | null {
  return compileKernels(kernelModuleBytes());
}

/** Larger workspaces keep the JavaScript kernels (LIMITS allow 32 MiB of outputs alone). */
const MAX_ARENA_BYTES = 2 ** 28;
const PAGE_BYTES = 65536;
/** Doubles of the result area of the reductions. */
const RESULTS = 8;

/** The module's exports (`WebAssembly.Exports` narrowed to the functions encodeModule exports). */
interface KernelExports extends WebAssembly.Exports {
  mul_ab(a: number, b: number, c: number, m: number, n: number, k: number): void;
  mul_abt(
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    k: number,
    bias: number,
    hasBias: number,
    upper: number,
  ): void;
  backward_pointwise(g: number, der: number, dz: number, col: number, batch: number, width: number, out: number): void;
  layer_sums(z: number, out: number, der: number, n: number, threshold: number, res: number): void;
  centred_squares(
    z: number,
    out: number,
    n: number,
    ko: number,
    kz: number,
    meanOut: number,
    meanZ: number,
    res: number,
  ): void;
}

/** A wasm memory with the kernels bound to it. */
export interface WasmArena {
  readonly kernels: DenseKernels;
  /** A view of n doubles of the memory (bump allocation up to the capacity asked for). */
  f64(n: number): Float64Array;
  /** Doubles `f64` can hand out in all, and the staging size per operand. */
  readonly capacity: number;
  readonly stage: number;
  /** Hands the memory out again from its start (views given out before now alias the new ones). */
  reset(): void;
}

/**
 * A memory for `capacity` doubles of caller buffers (handed out by `f64`) plus four staging
 * areas of `stage` doubles, into which operands living outside the memory (the network's
 * weights and biases, the input) are copied per call. The memory never grows, so views never
 * detach. Operands outside the memory that exceed `stage` make that call use the JavaScript
 * kernel. Returns null when the module or the memory is unavailable.
 */
export function createWasmArena(capacity: number, stage: number, module = kernelModule()): WasmArena | null {
  if (module === null) return null;
  const doubles = capacity + 4 * stage + RESULTS;
  if (8 * doubles > MAX_ARENA_BYTES) return null;
  let memory: WebAssembly.Memory;
  let fns: KernelExports;
  try {
    memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil((8 * doubles) / PAGE_BYTES)) });
    fns = new WebAssembly.Instance(module, { env: { memory } }).exports as KernelExports;
  } catch {
    return null;
  }
  const buffer = memory.buffer;
  const heap = new Float64Array(buffer);
  const stageA = capacity;
  const stageB = stageA + stage;
  const stageC = stageB + stage;
  const stageBias = stageC + stage;
  const results = new Float64Array(buffer, 8 * (stageBias + stage), RESULTS);
  let next = 0;

  /** Usable by the wasm kernels: len values, inside the memory or small enough to stage. */
  const fits = (x: Float64Array, len: number): boolean => x.length >= len && (x.buffer === buffer || len <= stage);
  /** Byte address of x's first len values in the memory, copying them to `slot` if needed. */
  const place = (x: Float64Array, len: number, slot: number): number => {
    if (x.buffer === buffer) return x.byteOffset;
    heap.set(x.length === len ? x : x.subarray(0, len), slot);
    return 8 * slot;
  };
  const inside = (x: Float64Array, len: number): boolean => x.buffer === buffer && x.length >= len;
  const output = (C: Float64Array): number => (C.buffer === buffer ? C.byteOffset : 8 * stageC);
  const copyOut = (C: Float64Array, len: number): void => {
    if (C.buffer !== buffer) C.set(heap.subarray(stageC, stageC + len));
  };

  const kernels: DenseKernels = {
    backend: 'wasm',
    mulABt(A, B, C, m, n, k, bias = null) {
      if (!fits(A, m * k) || !fits(B, n * k) || !fits(C, m * n) || (bias !== null && !fits(bias, n))) {
        jsKernels.mulABt(A, B, C, m, n, k, bias);
        return;
      }
      const b = bias === null ? 0 : place(bias, n, stageBias);
      fns.mul_abt(place(A, m * k, stageA), place(B, n * k, stageB), output(C), m, n, k, b, bias === null ? 0 : 1, 0);
      copyOut(C, m * n);
    },
    mulAB(A, B, C, m, n, k) {
      if (!fits(A, m * k) || !fits(B, k * n) || !fits(C, m * n)) {
        jsKernels.mulAB(A, B, C, m, n, k);
        return;
      }
      fns.mul_ab(place(A, m * k, stageA), place(B, k * n, stageB), output(C), m, n, k);
      copyOut(C, m * n);
    },
    gramUpper(A, G, m, k) {
      if (!fits(A, m * k) || !fits(G, m * m)) {
        jsKernels.gramUpper(A, G, m, k);
        return;
      }
      const a = place(A, m * k, stageA);
      fns.mul_abt(a, a, output(G), m, m, k, 0, 0, 1);
      copyOut(G, m * m);
    },
    backwardPointwise(g, der, dz, col, batch, width, out) {
      const n = batch * width;
      if (!inside(g, n) || !inside(der, n) || !inside(dz, n) || !inside(col, width) || !inside(out, 3)) return false;
      fns.backward_pointwise(g.byteOffset, der.byteOffset, dz.byteOffset, col.byteOffset, batch, width, out.byteOffset);
      return true;
    },
    layerSums(z, out, der, n, threshold) {
      if (!inside(z, n) || !inside(out, n) || !inside(der, n)) return null;
      fns.layer_sums(z.byteOffset, out.byteOffset, der.byteOffset, n, threshold, results.byteOffset);
      return results;
    },
    centredSquares(z, out, n, ko, kz, meanOut, meanZ) {
      if (!inside(z, n) || !inside(out, n)) return null;
      fns.centred_squares(z.byteOffset, out.byteOffset, n, ko, kz, meanOut, meanZ, results.byteOffset);
      return results;
    },
  };
  return {
    kernels,
    capacity,
    stage,
    reset() {
      next = 0;
    },
    f64(n) {
      if (next + n > capacity) throw new RangeError(`wasm arena: ${n} doubles requested, ${capacity - next} left`);
      const view = new Float64Array(buffer, 8 * next, n);
      next += n;
      return view;
    },
  };
}
