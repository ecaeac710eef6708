import { elementAt, f64x2, F64, get, I32, i32, inc, indices, pointerLoop, repeat, set, V128 } from './encoder';
import type { Code, ValType } from './encoder';

/**
 * Pieces shared by the two matrix-product kernels (mul-ab.ts, mul-abt.ts), which block
 * 4 rows × 4 columns over the same k-long inner products and lay out their locals alike.
 */

/** The parameters both products start with: byte addresses of A, B, C, then the sizes m, n, k. */
const [A, B, C, M, N, K] = indices(0, 6);
export { B, M, N };

/**
 * Indices of the locals after a product's `params` parameters: 13 i32 (row and column index,
 * the inner-loop pointers and end, the strides and rounded sizes set by `productPrologue`,
 * `half` = m or n rounded down to even, the output pointer), 11 v128 (8 accumulators and the
 * 3 operands `vec`), 1 f64 (the scalar sum `s`).
 */
export function productLocals(params: number) {
  const [I, J, PA, PB, END, KA, KA2, KA3, NB, M4, N4, HALF, PC] = indices(params, 13);
  const scalars = { I, J, PA, PB, END, KA, KA2, KA3, NB, M4, N4, HALF, PC };
  return { ...scalars, ACC: indices(params + 13, 8), VEC: indices(params + 21, 3), S: params + 24 };
}

/** The types of `productLocals`. */
export const productLocalTypes: readonly ValType[] = [...repeat(I32, 13), ...repeat(V128, 11), F64];

export type ProductLocals = ReturnType<typeof productLocals>;

/** Byte strides of 1, 2 and 3 rows of A (k·8, 2k·8, 3k·8) and of C (n·8); m and n rounded down to multiples of 4. */
export function productPrologue(l: ProductLocals): Code {
  return [
    set(l.KA, get(K), i32.const(3), i32.shl),
    set(l.KA2, get(l.KA), get(l.KA), i32.add),
    set(l.KA3, get(l.KA2), get(l.KA), i32.add),
    set(l.NB, get(N), i32.const(3), i32.shl),
    set(l.M4, get(M), i32.const(-4), i32.and),
    set(l.N4, get(N), i32.const(-4), i32.and),
  ];
}

/**
 * The inner-product loop of output (i, ·): pa runs over A[i][0 .. k) (8 bytes a step), pb from
 * `pbStart` by `pbStep`; `body` accumulates one p.
 */
export function innerProduct(l: ProductLocals, pbStart: Code, pbStep: Code, body: Code): Code {
  return [
    set(l.PA, get(A), get(l.I), get(l.KA), i32.mul, i32.add),
    set(l.END, get(l.PA), get(l.KA), i32.add),
    set(l.PB, pbStart),
    pointerLoop(l.PA, l.END, [body, inc(l.PA, i32.const(8)), inc(l.PB, pbStep)]),
  ];
}

/** Byte address of C[i][column]. */
export const outputAt = (l: ProductLocals, column: Code): Code =>
  elementAt([get(C), get(l.I), get(l.NB), i32.mul, i32.add], column);

/** acc = acc + x·y (two separate roundings, as in JS). */
export const madd = (acc: number, x: number, y: number): Code =>
  set(acc, get(acc), get(x), get(y), f64x2.mul, f64x2.add);
