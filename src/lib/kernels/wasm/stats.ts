import {
  addLanes,
  f64,
  f64x2,
  forLoop,
  get,
  I32,
  F64,
  i32,
  indices,
  maxOfLanes,
  plus,
  repeat,
  select,
  set,
  storeResults,
  V128,
  v128,
  when,
} from './encoder';
import type { Code, FunctionDef } from './encoder';

/**
 * Two reductions of the layer statistics (layer-stats.ts) over n doubles, two lanes at a
 * time. Sums stay scalar and take the lanes in index order, so they are the same sequence of
 * IEEE additions as the JS loops; maxima (exact, order-free, NaN-propagating like Math.max)
 * and the saturated count (exact integers in doubles) are kept per lane and combined at the end.
 *
 * `layer_sums(z, out, der, n, threshold, res)`: res = [Σ out, Σ z, Σ |der|, max |out|,
 * max |z|, #{i : |der[i]| < threshold}] (threshold −∞ counts nothing).
 *
 * `centred_squares(z, out, n, ko, kz, meanOut, meanZ, res)`: res = [Σ (out·ko − meanOut)²,
 * Σ (z·kz − meanZ)²], the second pass of `finishMoments`.
 */

// ---- layer_sums ---------------------------------------------------------------------------

const [Z, OUT, DER, N, THRESHOLD, RES] = indices(0, 6);
// i32: the byte offset, and where the pairs and all n values end.
const [Q, END2, END] = indices(6, 3);
// v128: a pair of out, z, |der|; per-lane maxima and count; the splat threshold and 1.
const [HV, ZV, DV, MAX_H, MAX_Z, COUNT, THR, ONE] = indices(9, 8);
// f64: the sums, the scalar tail's maxima and count, and its out, z, |der|.
const [SUM_H, SUM_Z, SUM_D, TAIL_MAX_H, TAIL_MAX_Z, TAIL_COUNT, H, X, D] = indices(17, 9);

const at = (base: number): Code => plus(base, Q);

const sumsPair: Code = [
  set(HV, at(OUT), v128.load()),
  set(ZV, at(Z), v128.load()),
  set(DV, at(DER), v128.load(), f64x2.abs),
  addLanes(SUM_H, HV),
  addLanes(SUM_Z, ZV),
  addLanes(SUM_D, DV),
  set(MAX_H, get(MAX_H), get(HV), f64x2.abs, f64x2.max),
  set(MAX_Z, get(MAX_Z), get(ZV), f64x2.abs, f64x2.max),
  set(COUNT, get(COUNT), get(DV), get(THR), f64x2.lt, get(ONE), v128.and, f64x2.add),
];

const sumsTail: Code = [
  set(H, at(OUT), f64.load()),
  set(X, at(Z), f64.load()),
  set(D, at(DER), f64.load(), f64.abs),
  set(SUM_H, get(SUM_H), get(H), f64.add),
  set(SUM_Z, get(SUM_Z), get(X), f64.add),
  set(SUM_D, get(SUM_D), get(D), f64.add),
  set(TAIL_MAX_H, get(TAIL_MAX_H), get(H), f64.abs, f64.max),
  set(TAIL_MAX_Z, get(TAIL_MAX_Z), get(X), f64.abs, f64.max),
  set(TAIL_COUNT, get(TAIL_COUNT), f64.const(1), f64.const(0), get(D), get(THRESHOLD), f64.lt, select, f64.add),
];

export const layerSumsFunction: FunctionDef = {
  name: 'layer_sums',
  params: [I32, I32, I32, I32, F64, I32],
  locals: [...repeat(I32, 3), ...repeat(V128, 8), ...repeat(F64, 9)],
  body: [
    set(END2, get(N), i32.const(-2), i32.and, i32.const(3), i32.shl),
    set(END, get(N), i32.const(3), i32.shl),
    set(THR, get(THRESHOLD), f64x2.splat),
    set(ONE, f64.const(1), f64x2.splat),
    forLoop(Q, i32.const(0), get(END2), i32.const(16), sumsPair),
    when([get(Q), get(END), i32.ltS], sumsTail),
    storeResults(RES, [
      get(SUM_H),
      get(SUM_Z),
      get(SUM_D),
      maxOfLanes(MAX_H, TAIL_MAX_H),
      maxOfLanes(MAX_Z, TAIL_MAX_Z),
      [get(COUNT), f64x2.extractLane(0), get(COUNT), f64x2.extractLane(1), f64.add, get(TAIL_COUNT), f64.add],
    ]),
  ],
};

// ---- centred_squares ----------------------------------------------------------------------

const [CZ, COUT, CN, KO, KZ, MEAN_OUT, MEAN_Z, CRES] = indices(0, 8);
const [CQ, CEND2, CEND] = indices(8, 3);
// v128: the centred pairs of out and z, and the splat ko, kz, meanOut, meanZ.
const [AV, CV, KOV, KZV, MOV, MZV] = indices(11, 6);
// f64: the two sums of squares, and the tail's centred out and z.
const [Q_OUT, Q_Z, A, C] = indices(17, 4);

const cat = (base: number): Code => plus(base, CQ);

const squaresPair: Code = [
  set(AV, cat(COUT), v128.load(), get(KOV), f64x2.mul, get(MOV), f64x2.sub),
  set(CV, cat(CZ), v128.load(), get(KZV), f64x2.mul, get(MZV), f64x2.sub),
  set(AV, get(AV), get(AV), f64x2.mul),
  set(CV, get(CV), get(CV), f64x2.mul),
  // JS order per element: qOut += a², then qZ += c²; the two chains are independent.
  addLanes(Q_OUT, AV),
  addLanes(Q_Z, CV),
];

const squaresTail: Code = [
  set(A, cat(COUT), f64.load(), get(KO), f64.mul, get(MEAN_OUT), f64.sub),
  set(C, cat(CZ), f64.load(), get(KZ), f64.mul, get(MEAN_Z), f64.sub),
  set(Q_OUT, get(Q_OUT), get(A), get(A), f64.mul, f64.add),
  set(Q_Z, get(Q_Z), get(C), get(C), f64.mul, f64.add),
];

export const centredSquaresFunction: FunctionDef = {
  name: 'centred_squares',
  params: [I32, I32, I32, F64, F64, F64, F64, I32],
  locals: [...repeat(I32, 3), ...repeat(V128, 6), ...repeat(F64, 4)],
  body: [
    set(CEND2, get(CN), i32.const(-2), i32.and, i32.const(3), i32.shl),
    set(CEND, get(CN), i32.const(3), i32.shl),
    set(KOV, get(KO), f64x2.splat),
    set(KZV, get(KZ), f64x2.splat),
    set(MOV, get(MEAN_OUT), f64x2.splat),
    set(MZV, get(MEAN_Z), f64x2.splat),
    forLoop(CQ, i32.const(0), get(CEND2), i32.const(16), squaresPair),
    when([get(CQ), get(CEND), i32.ltS], squaresTail),
    storeResults(CRES, [get(Q_OUT), get(Q_Z)]),
  ],
};
