import { elementAt, f64, f64x2, forLoop, get, I32, i32, plus, select, set, v128, when } from './encoder';
import type { Code, FunctionDef } from './encoder';
import { B, innerProduct, M, madd, N, outputAt, productLocals, productLocalTypes, productPrologue } from './product';

/**
 * `mul_abt(a, b, c, m, n, k, bias, hasBias, upper)`: C = A·Bᵀ (+ bias),
 * C[i][j] = Σ_p A[i][p]·B[j][p] (+ bias[j]) with A m × k, B n × k, C m × n, row-major doubles
 * at byte addresses — the wasm twin of `mulABt` in js/dense.ts (the layer pre-activation
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

// Parameters after the common six.
const [BIAS, HAS_BIAS, UPPER] = [6, 7, 8];
// Locals: ACC[c] holds rows i, i+1 and ACC[4 + c] rows i+2, i+3 of column j + c; the vectors
// are the two row pairs of A and the splat B value.
const L = productLocals(9);
const { I, J, PA, PB, PC, KA, KA2, KA3, NB, M4, N4, HALF: M2, ACC, S } = L;
const [X0, X1, Y] = L.VEC;

/** The inner product along row j of B (pb steps 8 bytes). */
const alongRow = (body: Code): Code => innerProduct(L, [get(B), get(J), get(KA), i32.mul, i32.add], i32.const(8), body);

/** Byte address of C[i][j]. */
const outStart = (): Code => set(PC, outputAt(L, get(J)));

/** (double at lo, double at hi) as one vector. */
const pairAt = (lo: Code, hi: Code): Code => [hi, lo, v128.load64Splat(), v128.load64Lane(1)];

/** bias[j + c], or −0 without bias (f64). */
const biasAt = (c: number): Code => [
  elementAt(get(BIAS), get(J)),
  f64.load(8 * c),
  f64.const(-0),
  get(HAS_BIAS),
  select,
];

/** Byte address of C[i + r][j]: pc + nb + … (r additions). */
const rowOfC = (r: number): Code => [get(PC), new Array<Code>(r).fill(get(NB)), new Array<Code>(r).fill(i32.add)];

/** C[i + r][j + c], C[i + r + 1][j + c] = the lanes of acc, plus bias[j + c]. */
const storeRowPair = (acc: number, r: number, c: number): Code => [
  set(Y, get(acc), biasAt(c), f64x2.splat, f64x2.add),
  rowOfC(r),
  get(Y),
  v128.store64Lane(0, 8 * c),
  rowOfC(r + 1),
  get(Y),
  v128.store64Lane(1, 8 * c),
];

const block4x4: Code = [
  ACC.map((acc) => set(acc, v128.zero)),
  alongRow([
    set(X0, pairAt(get(PA), plus(PA, KA))),
    set(X1, pairAt(plus(PA, KA2), plus(PA, KA3))),
    [0, 1, 2, 3].map((c) => [
      set(Y, c === 0 ? get(PB) : plus(PB, [KA, KA, KA2, KA3][c]), v128.load64Splat()),
      madd(ACC[c], X0, Y),
      madd(ACC[4 + c], X1, Y),
    ]),
  ]),
  outStart(),
  [0, 1, 2, 3].map((c) => [storeRowPair(ACC[c], 0, c), storeRowPair(ACC[4 + c], 2, c)]),
];

const rowPair: Code = [
  set(ACC[0], v128.zero),
  alongRow([
    set(ACC[0], get(ACC[0]), pairAt(get(PA), plus(PA, KA)), get(PB), v128.load64Splat(), f64x2.mul, f64x2.add),
  ]),
  outStart(),
  storeRowPair(ACC[0], 0, 0),
];

const lastRow: Code = [
  set(S, f64.const(0)),
  alongRow([set(S, get(S), get(PA), f64.load(), get(PB), f64.load(), f64.mul, f64.add)]),
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
  locals: productLocalTypes,
  body: [
    productPrologue(L),
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
