import {
  f64,
  f64x2,
  forLoop,
  get,
  I32,
  F64,
  i32,
  inc,
  set,
  V128,
  v128,
  when,
  type Code,
  type FunctionDef,
} from './encoder';

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

// Parameters.
const G = 0,
  DER = 1,
  DZ = 2,
  COL = 3,
  BATCH = 4,
  WIDTH = 5,
  OUT = 6;
// i32 locals.
const B = 7,
  J = 8,
  W2 = 9,
  Q = 10,
  PC = 11;
// v128 locals: g, dz and g² of a pair, max |g| and max |dz| per lane.
const GV = 12,
  DV = 13,
  SQ = 14,
  MAX_G = 15,
  MAX_DZ = 16;
// f64 locals: Σ g², the scalar tail's maxima, g and dz of the tail.
const SUM = 17,
  TAIL_G = 18,
  TAIL_DZ = 19,
  GS = 20,
  DS = 21;

/** Byte address base + q (q = byte offset of (b, j) in a batch × width matrix). */
const at = (base: number): Code => [get(base), get(Q), i32.add];
/** Byte address of col[j]. */
const colAt = (j: Code): Code => set(PC, get(COL), j, i32.const(3), i32.shl, i32.add);

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
  set(SUM, get(SUM), get(SQ), f64x2.extractLane(0), f64.add),
  set(SUM, get(SUM), get(SQ), f64x2.extractLane(1), f64.add),
  set(MAX_G, get(MAX_G), get(GV), f64x2.abs, f64x2.max),
  set(MAX_DZ, get(MAX_DZ), get(DV), f64x2.abs, f64x2.max),
  inc(Q, i32.const(16)),
];

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

/** max(lane 0, lane 1, tail) of a vector of maxima. */
const maxOf = (v: number, tail: number): Code => [
  get(v),
  f64x2.extractLane(0),
  get(v),
  f64x2.extractLane(1),
  f64.max,
  get(tail),
  f64.max,
];

export const backwardPointwiseFunction: FunctionDef = {
  name: 'backward_pointwise',
  params: [I32, I32, I32, I32, I32, I32, I32],
  locals: [I32, I32, I32, I32, I32, V128, V128, V128, V128, V128, F64, F64, F64, F64, F64],
  body: [
    set(W2, get(WIDTH), i32.const(-2), i32.and),
    forLoop(J, i32.const(0), get(WIDTH), i32.const(1), [colAt(get(J)), get(PC), f64.const(0), f64.store()]),
    set(Q, i32.const(0)),
    forLoop(B, i32.const(0), get(BATCH), i32.const(1), [
      forLoop(J, i32.const(0), get(W2), i32.const(2), pairStep),
      when([get(WIDTH), i32.const(1), i32.and], tailStep),
    ]),
    get(OUT),
    get(SUM),
    f64.store(0),
    get(OUT),
    maxOf(MAX_G, TAIL_G),
    f64.store(8),
    get(OUT),
    maxOf(MAX_DZ, TAIL_DZ),
    f64.store(16),
  ],
};
