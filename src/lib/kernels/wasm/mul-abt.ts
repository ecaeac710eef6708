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
 * `mul_abt(a, b, c, m, n, k, bias, hasBias, upper)`: C = A·Bᵀ (+ bias),
 * C[i][j] = Σ_p A[i][p]·B[j][p] (+ bias[j]) with A m × k, B n × k, C m × n, row-major doubles
 * at byte addresses — the wasm twin of `mulABt` in kernels.ts (the layer pre-activation
 * z = in·Wᵀ + b) and, with A = B, upper = 1 and no bias, of `gramUpper` (only entries with
 * j ≥ i are guaranteed; some below the diagonal are written too).
 *
 * Vectorised across output rows: a lane pair holds C[i][j], C[i+1][j], fed by A[i][p] and
 * A[i+1][p] loaded into the two lanes and B[j][p] splat to both. Each output is still
 * 0 + A[i][0]·B[j][0] + A[i][1]·B[j][1] + … in increasing p, then + bias[j], with separate
 * IEEE multiply and add (no FMA), so results are bit-identical to the scalar kernels. Without
 * bias the kernel adds −0, which leaves every double (including −0 and NaN) unchanged.
 *
 *   1. 4 rows × 4 columns at a time (8 accumulators): per p, 4 loads make the two row pairs
 *      and 4 splat loads of B feed 8 vector multiply-adds.
 *   2. Row pairs × single columns for the columns right of the 4-blocks (and all columns of
 *      the rows below the last 4-block).
 *   3. Odd m: the last row in scalar f64.
 */

// Parameters.
const A = 0,
  B = 1,
  C = 2,
  M = 3,
  N = 4,
  K = 5,
  BIAS = 6,
  HAS_BIAS = 7,
  UPPER = 8;
// i32 locals.
const I = 9,
  J = 10,
  PA = 11,
  PB = 12,
  END = 13,
  KA = 14,
  KA2 = 15,
  KA3 = 16,
  NB = 17,
  M4 = 18,
  N4 = 19,
  M2 = 20,
  PC = 21;
// v128 locals: 8 accumulators (ACC[c] rows i, i+1 and ACC[4 + c] rows i+2, i+3 of column j + c).
const ACC = [22, 23, 24, 25, 26, 27, 28, 29];
const X0 = 30,
  X1 = 31,
  Y = 32;
// f64 local.
const S = 33;

const LOCALS: ProductLocals = { A, M, N, K, I, PA, END, KA, KA2, KA3, NB, M4, N4 };

/** Byte address of B[j][0]. */
const columnStart = (): Code => set(PB, get(B), get(J), get(KA), i32.mul, i32.add);

/** Byte address of C[i][j]. */
const outStart = (): Code => set(PC, get(C), get(I), get(NB), i32.mul, i32.add, get(J), i32.const(3), i32.shl, i32.add);

/** base + offset (i32), offset a local or nothing. */
const plus = (base: number, offset: number | null): Code =>
  offset === null ? get(base) : [get(base), get(offset), i32.add];

/** (double at lo, double at hi) as one vector. */
const pairAt = (lo: Code, hi: Code): Code => [hi, lo, v128.load64Splat(), v128.load64Lane(1)];

/** bias[j + c], or −0 without bias (f64). */
const biasAt = (c: number): Code => [
  get(BIAS),
  get(J),
  i32.const(3),
  i32.shl,
  i32.add,
  f64.load(8 * c),
  f64.const(-0),
  get(HAS_BIAS),
  select,
];

const block4x4: Code = [
  ACC.map((acc) => set(acc, v128.zero)),
  rowStart(LOCALS),
  columnStart(),
  pointerLoop(PA, END, [
    set(X0, pairAt(get(PA), plus(PA, KA))),
    set(X1, pairAt(plus(PA, KA2), plus(PA, KA3))),
    [0, 1, 2, 3].map((c) => [
      set(Y, plus(PB, c === 0 ? null : [KA, KA, KA2, KA3][c]), v128.load64Splat()),
      madd(ACC[c], X0, Y),
      madd(ACC[4 + c], X1, Y),
    ]),
    inc(PA, i32.const(8)),
    inc(PB, i32.const(8)),
  ]),
  outStart(),
  [0, 1, 2, 3].map((c) => [
    set(Y, get(ACC[c]), biasAt(c), f64x2.splat, f64x2.add),
    get(PC),
    get(Y),
    v128.store64Lane(0, 8 * c),
    get(PC),
    get(NB),
    i32.add,
    get(Y),
    v128.store64Lane(1, 8 * c),
    set(Y, get(ACC[4 + c]), biasAt(c), f64x2.splat, f64x2.add),
    get(PC),
    get(NB),
    get(NB),
    i32.add,
    i32.add,
    get(Y),
    v128.store64Lane(0, 8 * c),
    get(PC),
    get(NB),
    get(NB),
    get(NB),
    i32.add,
    i32.add,
    i32.add,
    get(Y),
    v128.store64Lane(1, 8 * c),
  ]),
];

const rowPair: Code = [
  set(ACC[0], v128.zero),
  rowStart(LOCALS),
  columnStart(),
  pointerLoop(PA, END, [
    set(ACC[0], get(ACC[0]), pairAt(get(PA), plus(PA, KA)), get(PB), v128.load64Splat(), f64x2.mul, f64x2.add),
    inc(PA, i32.const(8)),
    inc(PB, i32.const(8)),
  ]),
  outStart(),
  set(Y, get(ACC[0]), biasAt(0), f64x2.splat, f64x2.add),
  get(PC),
  get(Y),
  v128.store64Lane(0),
  get(PC),
  get(NB),
  i32.add,
  get(Y),
  v128.store64Lane(1),
];

const lastRow: Code = [
  set(S, f64.const(0)),
  rowStart(LOCALS),
  columnStart(),
  pointerLoop(PA, END, [
    set(S, get(S), get(PA), f64.load(), get(PB), f64.load(), f64.mul, f64.add),
    inc(PA, i32.const(8)),
    inc(PB, i32.const(8)),
  ]),
  outStart(),
  get(PC),
  get(S),
  biasAt(0),
  f64.add,
  f64.store(),
];

/** First column of row block i: i on and above the diagonal (upper), else 0. */
const firstColumn: Code = [get(I), i32.const(0), get(UPPER), select];

export const mulAbtFunction: FunctionDef = {
  name: 'mul_abt',
  params: [I32, I32, I32, I32, I32, I32, I32, I32, I32],
  locals: productLocals,
  body: [
    productPrologue(LOCALS),
    set(M2, get(M), i32.const(-2), i32.and),
    forLoop(I, i32.const(0), get(M4), i32.const(4), forLoop(J, firstColumn, get(N4), i32.const(4), block4x4)),
    // Row pairs of the 4-blocks continue after column n4; the rows below start at firstColumn.
    forLoop(
      I,
      i32.const(0),
      get(M2),
      i32.const(2),
      forLoop(J, [get(N4), firstColumn, get(I), get(M4), i32.ltS, select], get(N), i32.const(1), rowPair),
    ),
    when(
      [get(M), i32.const(1), i32.and],
      [set(I, get(M), i32.const(1), i32.sub), forLoop(J, firstColumn, get(N), i32.const(1), lastRow)],
    ),
  ],
};
