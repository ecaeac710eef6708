import {
  f64,
  f64x2,
  forLoop,
  get,
  I32,
  F64,
  i32,
  select,
  set,
  V128,
  v128,
  when,
  type Code,
  type FunctionDef,
} from './encoder';

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

const Z = 0,
  OUT = 1,
  DER = 2,
  N = 3,
  THRESHOLD = 4,
  RES = 5;
const Q = 6,
  END2 = 7,
  END = 8; // byte offsets
const HV = 9,
  ZV = 10,
  DV = 11,
  MAX_H = 12,
  MAX_Z = 13,
  COUNT = 14,
  THR = 15,
  ONE = 16;
const SUM_H = 17,
  SUM_Z = 18,
  SUM_D = 19,
  TAIL_MAX_H = 20,
  TAIL_MAX_Z = 21,
  TAIL_COUNT = 22,
  H = 23,
  X = 24,
  D = 25;

const at = (base: number): Code => [get(base), get(Q), i32.add];
/** sum = sum + lane 0 of v + lane 1 of v, in that order. */
const addLanes = (sum: number, v: number): Code => [
  set(sum, get(sum), get(v), f64x2.extractLane(0), f64.add),
  set(sum, get(sum), get(v), f64x2.extractLane(1), f64.add),
];
/** max over lane 0, lane 1 of v and the scalar tail. */
const maxOf = (v: number, tail: number): Code => [
  get(v),
  f64x2.extractLane(0),
  get(v),
  f64x2.extractLane(1),
  f64.max,
  get(tail),
  f64.max,
];

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
  locals: [I32, I32, I32, ...new Array<typeof V128>(8).fill(V128), ...new Array<typeof F64>(9).fill(F64)],
  body: [
    set(END2, get(N), i32.const(-2), i32.and, i32.const(3), i32.shl),
    set(END, get(N), i32.const(3), i32.shl),
    set(THR, get(THRESHOLD), f64x2.splat),
    set(ONE, f64.const(1), f64x2.splat),
    forLoop(Q, i32.const(0), get(END2), i32.const(16), sumsPair),
    when([get(Q), get(END), i32.ltS], sumsTail),
    get(RES),
    get(SUM_H),
    f64.store(0),
    get(RES),
    get(SUM_Z),
    f64.store(8),
    get(RES),
    get(SUM_D),
    f64.store(16),
    get(RES),
    maxOf(MAX_H, TAIL_MAX_H),
    f64.store(24),
    get(RES),
    maxOf(MAX_Z, TAIL_MAX_Z),
    f64.store(32),
    get(RES),
    get(COUNT),
    f64x2.extractLane(0),
    get(COUNT),
    f64x2.extractLane(1),
    f64.add,
    get(TAIL_COUNT),
    f64.add,
    f64.store(40),
  ],
};

// ---- centred_squares ----------------------------------------------------------------------

const CZ = 0,
  COUT = 1,
  CN = 2,
  KO = 3,
  KZ = 4,
  MEAN_OUT = 5,
  MEAN_Z = 6,
  CRES = 7;
const CQ = 8,
  CEND2 = 9,
  CEND = 10;
const AV = 11,
  CV = 12,
  KOV = 13,
  KZV = 14,
  MOV = 15,
  MZV = 16;
const Q_OUT = 17,
  Q_Z = 18,
  A = 19,
  C = 20;

const cat = (base: number): Code => [get(base), get(CQ), i32.add];

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
  locals: [I32, I32, I32, ...new Array<typeof V128>(6).fill(V128), F64, F64, F64, F64],
  body: [
    set(CEND2, get(CN), i32.const(-2), i32.and, i32.const(3), i32.shl),
    set(CEND, get(CN), i32.const(3), i32.shl),
    set(KOV, get(KO), f64x2.splat),
    set(KZV, get(KZ), f64x2.splat),
    set(MOV, get(MEAN_OUT), f64x2.splat),
    set(MZV, get(MEAN_Z), f64x2.splat),
    forLoop(CQ, i32.const(0), get(CEND2), i32.const(16), squaresPair),
    when([get(CQ), get(CEND), i32.ltS], squaresTail),
    get(CRES),
    get(Q_OUT),
    f64.store(0),
    get(CRES),
    get(Q_Z),
    f64.store(8),
  ],
};
