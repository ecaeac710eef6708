import { f64x2, F64, get, I32, i32, set, V128, type Code, type ValType } from './encoder';

/**
 * Pieces shared by the two matrix-product kernels (wasm-mul-ab.ts, wasm-mul-abt.ts), which
 * block 4 rows × 4 columns over the same k-long inner products. Each kernel numbers its
 * locals its own way (their parameters differ), so the pieces take the indices.
 */
export interface ProductLocals {
  /** Parameters: byte address of A, and the sizes m, n, k. */
  readonly A: number;
  readonly M: number;
  readonly N: number;
  readonly K: number;
  /** i32 locals: row index, inner-loop pointer and its end. */
  readonly I: number;
  readonly PA: number;
  readonly END: number;
  /** i32 locals set by `productPrologue`. */
  readonly KA: number;
  readonly KA2: number;
  readonly KA3: number;
  readonly NB: number;
  readonly M4: number;
  readonly N4: number;
}

/** Locals after the parameters: 13 i32, 11 v128 (8 accumulators and 3 operands), 1 f64. */
export const productLocals: readonly ValType[] = [
  ...new Array<ValType>(13).fill(I32),
  ...new Array<ValType>(11).fill(V128),
  F64,
];

/** Byte strides of 1, 2 and 3 rows of A (k·8, 2k·8, 3k·8) and of C (n·8); m and n rounded down to multiples of 4. */
export function productPrologue(l: ProductLocals): Code {
  return [
    set(l.KA, get(l.K), i32.const(3), i32.shl),
    set(l.KA2, get(l.KA), get(l.KA), i32.add),
    set(l.KA3, get(l.KA2), get(l.KA), i32.add),
    set(l.NB, get(l.N), i32.const(3), i32.shl),
    set(l.M4, get(l.M), i32.const(-4), i32.and),
    set(l.N4, get(l.N), i32.const(-4), i32.and),
  ];
}

/** Byte address of A[i][0] (the start of the inner-product loop), and its end. */
export function rowStart(l: ProductLocals): Code {
  return [set(l.PA, get(l.A), get(l.I), get(l.KA), i32.mul, i32.add), set(l.END, get(l.PA), get(l.KA), i32.add)];
}

/** acc = acc + x·y (two separate roundings, as in JS). */
export const madd = (acc: number, x: number, y: number): Code =>
  set(acc, get(acc), get(x), get(y), f64x2.mul, f64x2.add);
