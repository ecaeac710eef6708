import { mulAB, mulABt } from './js/dense';
import { gramUpper } from './js/gram';

/**
 * The dense products `gradientFlow` needs, with the signatures of js/dense.ts and js/gram.ts. Two
 * implementations give bit-identical results: the scalar JavaScript kernels (`jsKernels`)
 * and the WebAssembly SIMD ones of wasm/arena.ts, bound to one workspace's memory.
 */
export interface DenseKernels {
  /** Which implementation runs the products. */
  readonly backend: KernelBackend;
  /** C = A·Bᵀ (+ bias), see `mulABt`. */
  mulABt: typeof mulABt;
  /** C = A·B, see `mulAB`. */
  mulAB: typeof mulAB;
  /** Upper triangle of A·Aᵀ, see `gramUpper`. */
  gramUpper: typeof gramUpper;
  /**
   * wasm only: dz = g ⊙ der, col = Σ_b dz_b, out = [Σ g², max |g|, max |dz|] (batch × width),
   * bit-identical to the scalar loop of gradient-flow.ts. Returns false, doing nothing, when
   * an operand is not in the wasm memory (then the caller runs the JS loop).
   */
  backwardPointwise?(
    g: Float64Array,
    der: Float64Array,
    dz: Float64Array,
    col: Float64Array,
    batch: number,
    width: number,
    out: Float64Array,
  ): boolean;
  /**
   * wasm only: [Σ out, Σ z, Σ |der|, max |out|, max |z|, #{|der| < threshold}] over n values
   * (a view, overwritten by the next call), or null when an operand is not in the wasm memory.
   */
  layerSums?(z: Float64Array, out: Float64Array, der: Float64Array, n: number, threshold: number): Float64Array | null;
  /** wasm only: [Σ (out·ko − meanOut)², Σ (z·kz − meanZ)²] over n values (a view), or null. */
  centredSquares?(
    z: Float64Array,
    out: Float64Array,
    n: number,
    ko: number,
    kz: number,
    meanOut: number,
    meanZ: number,
  ): Float64Array | null;
}

export type KernelBackend = 'wasm' | 'js';

export const jsKernels: DenseKernels = { backend: 'js', mulABt, mulAB, gramUpper };
