import {
  f64,
  f64x2,
  forLoop,
  get,
  I32,
  i32,
  inc,
  pointerLoop,
  select,
  set,
  v128,
  when,
  type Code,
  type FunctionDef,
} from './encoder';
import { madd, productLocals, productPrologue, rowStart, type ProductLocals } from './product';

/**
 * `mul_ab(a, b, c, m, n, k)`: C = A·B, C[i][j] = Σ_p A[i][p]·B[p][j] with A m × k, B k × n,
 * C m × n, row-major doubles at byte addresses a, b, c — the wasm twin of `mulAB` in
 * kernels.ts (the backward product ∂L/∂in = ∂L/∂z·W).
 *
 * Vectorised across output columns: a lane pair holds C[i][j], C[i][j+1], fed by the
 * contiguous B[p][j..j+1] and A[i][p] splat to both lanes. Each output is still
 * 0 + A[i][0]·B[0][j] + A[i][1]·B[1][j] + … in increasing p, with separate IEEE multiply and
 * add (no FMA), so results are bit-identical to the scalar kernel.
 *
 *   1. 4 rows × 4 columns at a time (8 accumulators): per p, 2 vector loads of B and 4
 *      splat loads of A feed 8 vector multiply-adds.
 *   2. Every row, the columns left of a 4-block in pairs (and all columns of the last m % 4
 *      rows): 1 × 2.
 *   3. Odd n: the last column in scalar f64.
 */

// Parameters.
const A = 0,
  B = 1,
  C = 2,
  M = 3,
  N = 4,
  K = 5;
// i32 locals.
const I = 6,
  J = 7,
  PA = 8,
  PB = 9,
  END = 10,
  KA = 11,
  KA2 = 12,
  KA3 = 13,
  NB = 14,
  M4 = 15,
  N4 = 16,
  N2 = 17,
  PC = 18;
// v128 locals: 8 accumulators, the two B vectors, the splat A value.
const ACC = [19, 20, 21, 22, 23, 24, 25, 26];
const B0 = 27,
  B1 = 28,
  X = 29;
// f64 local.
const S = 30;

const LOCALS: ProductLocals = { A, M, N, K, I, PA, END, KA, KA2, KA3, NB, M4, N4 };

/** Byte address of row r of the 4-row block: pa + r·ka. */
const rowAddress = (r: number): Code => (r === 0 ? get(PA) : [get(PA), get([KA, KA, KA2, KA3][r]), i32.add]);

const block4x4: Code = [
  ACC.map((acc) => set(acc, v128.zero)),
  rowStart(LOCALS),
  set(PB, get(B), get(J), i32.const(3), i32.shl, i32.add),
  pointerLoop(PA, END, [
    set(B0, get(PB), v128.load(0)),
    set(B1, get(PB), v128.load(16)),
    [0, 1, 2, 3].map((r) => [
      set(X, rowAddress(r), v128.load64Splat()),
      madd(ACC[2 * r], X, B0),
      madd(ACC[2 * r + 1], X, B1),
    ]),
    inc(PA, i32.const(8)),
    inc(PB, get(NB)),
  ]),
  // C[i + r][j .. j + 3]
  set(PC, get(C), get(I), get(NB), i32.mul, i32.add, get(J), i32.const(3), i32.shl, i32.add),
  [0, 1, 2, 3].map((r) => [
    get(PC),
    get(ACC[2 * r]),
    v128.store(0),
    get(PC),
    get(ACC[2 * r + 1]),
    v128.store(16),
    inc(PC, get(NB)),
  ]),
];

const pair: Code = [
  set(ACC[0], v128.zero),
  rowStart(LOCALS),
  set(PB, get(B), get(J), i32.const(3), i32.shl, i32.add),
  pointerLoop(PA, END, [
    set(ACC[0], get(ACC[0]), get(PA), v128.load64Splat(), get(PB), v128.load(), f64x2.mul, f64x2.add),
    inc(PA, i32.const(8)),
    inc(PB, get(NB)),
  ]),
  get(C),
  get(I),
  get(NB),
  i32.mul,
  i32.add,
  get(J),
  i32.const(3),
  i32.shl,
  i32.add,
  get(ACC[0]),
  v128.store(),
];

const lastColumn: Code = [
  set(S, f64.const(0)),
  rowStart(LOCALS),
  set(PB, get(B), get(N), i32.const(3), i32.shl, i32.add, i32.const(8), i32.sub),
  pointerLoop(PA, END, [
    set(S, get(S), get(PA), f64.load(), get(PB), f64.load(), f64.mul, f64.add),
    inc(PA, i32.const(8)),
    inc(PB, get(NB)),
  ]),
  get(C),
  get(I),
  get(NB),
  i32.mul,
  i32.add,
  get(N),
  i32.const(3),
  i32.shl,
  i32.add,
  i32.const(8),
  i32.sub,
  get(S),
  f64.store(),
];

export const mulAbFunction: FunctionDef = {
  name: 'mul_ab',
  params: [I32, I32, I32, I32, I32, I32],
  locals: productLocals,
  body: [
    productPrologue(LOCALS),
    set(N2, get(N), i32.const(-2), i32.and),
    forLoop(I, i32.const(0), get(M4), i32.const(4), forLoop(J, i32.const(0), get(N4), i32.const(4), block4x4)),
    forLoop(I, i32.const(0), get(M), i32.const(1), [
      // Rows of the 4-blocks continue after column n4; the last m % 4 rows start at 0.
      forLoop(J, [get(N4), i32.const(0), get(I), get(M4), i32.ltS, select], get(N2), i32.const(2), pair),
      when([get(N), i32.const(1), i32.and], lastColumn),
    ]),
  ],
};
