import {
  addLanes,
  elementAt,
  f64,
  f64x2,
  forLoop,
  get,
  I32,
  F64,
  i32,
  inc,
  indices,
  maxOfLanes,
  plus,
  repeat,
  set,
  storeResults,
  V128,
  v128,
  when,
} from './encoder';
import type { Code, FunctionDef } from './encoder';

/**
 * `backward_pointwise(g, der, dz, col, batch, width, out)`: the elementwise part of one
 * backward step over batch × width doubles (the wasm twin of `backwardPointwise` in
 * gradient-flow.ts without the ReLU row compaction):
 *
 *   dz = g ⊙ der,   col[j] = Σ_b dz[b][j] (from 0, b increasing),
 *   out[0] = Σ g² (row-major order), out[1] = max |g|, out[2] = max |dz|.
 *
 * dz, col and the maxima go two lanes (columns j, j+1) at a time; Σ g² is one scalar sum over
 * the lanes' products in the scalar loop's order, so every result is bit-identical to it
 * (max is exact and order-free; like Math.max, f64 max returns NaN if either side is NaN).
 */

const [G, DER, DZ, COL, BATCH, WIDTH, OUT] = indices(0, 7);
// i32 locals: row, column, width rounded down to even, byte offset of (b, j), address in col.
const [B, J, W2, Q, PC] = indices(7, 5);
// v128 locals: g, dz and g² of a pair, max |g| and max |dz| per lane.
const [GV, DV, SQ, MAX_G, MAX_DZ] = indices(12, 5);
// f64 locals: Σ g², the scalar tail's maxima, g and dz of the tail.
const [SUM, TAIL_G, TAIL_DZ, GS, DS] = indices(17, 5);

/** Byte address base + q (q = byte offset of (b, j) in a batch × width matrix). */
const at = (base: number): Code => plus(base, Q);
/** Byte address of col[j]. */
const colAt = (j: Code): Code => set(PC, elementAt(get(COL), j));

const pairStep: Code = [
  set(GV, at(G), v128.load()),
  set(DV, get(GV), at(DER), v128.load(), f64x2.mul),
  at(DZ),
  get(DV),
  v128.store(),
  colAt(get(J)),
  get(PC),
  get(PC),
  v128.load(),
  get(DV),
  f64x2.add,
  v128.store(),
  set(SQ, get(GV), get(GV), f64x2.mul),
  addLanes(SUM, SQ),
  set(MAX_G, get(MAX_G), get(GV), f64x2.abs, f64x2.max),
  set(MAX_DZ, get(MAX_DZ), get(DV), f64x2.abs, f64x2.max),
  inc(Q, i32.const(16)),
];

// The last column of an odd width: pairStep in scalar f64, the same steps in the same order.
const tailStep: Code = [
  set(GS, at(G), f64.load()),
  set(DS, get(GS), at(DER), f64.load(), f64.mul),
  at(DZ),
  get(DS),
  f64.store(),
  colAt([get(WIDTH), i32.const(1), i32.sub]),
  get(PC),
  get(PC),
  f64.load(),
  get(DS),
  f64.add,
  f64.store(),
  set(SUM, get(SUM), get(GS), get(GS), f64.mul, f64.add),
  set(TAIL_G, get(TAIL_G), get(GS), f64.abs, f64.max),
  set(TAIL_DZ, get(TAIL_DZ), get(DS), f64.abs, f64.max),
  inc(Q, i32.const(8)),
];

export const backwardPointwiseFunction: FunctionDef = {
  name: 'backward_pointwise',
  params: [I32, I32, I32, I32, I32, I32, I32],
  locals: [...repeat(I32, 5), ...repeat(V128, 5), ...repeat(F64, 5)],
  body: [
    set(W2, get(WIDTH), i32.const(-2), i32.and),
    forLoop(J, i32.const(0), get(WIDTH), i32.const(1), [colAt(get(J)), get(PC), f64.const(0), f64.store()]),
    set(Q, i32.const(0)),
    forLoop(B, i32.const(0), get(BATCH), i32.const(1), [
      forLoop(J, i32.const(0), get(W2), i32.const(2), pairStep),
      when([get(WIDTH), i32.const(1), i32.and], tailStep),
    ]),
    storeResults(OUT, [get(SUM), maxOfLanes(MAX_G, TAIL_G), maxOfLanes(MAX_DZ, TAIL_DZ)]),
  ],
};
