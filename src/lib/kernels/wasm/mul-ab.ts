import { elementAt, f64, f64x2, forLoop, get, I32, i32, inc, select, set, v128, when } from './encoder';
import type { Code, FunctionDef } from './encoder';
import { B, innerProduct, M, madd, N, outputAt, productLocals, productLocalTypes, productPrologue } from './product';

/**
 * `mul_ab(a, b, c, m, n, k)`: C = A·B, C[i][j] = Σ_p A[i][p]·B[p][j] with A m × k, B k × n,
 * C m × n, row-major doubles at byte addresses a, b, c — the wasm twin of `mulAB` in
 * js/dense.ts (the backward product ∂L/∂in = ∂L/∂z·W).
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

// Locals: the vectors are the two B vectors and the splat A value.
const L = productLocals(6);
const { I, J, PA, PC, NB, M4, N4, HALF: N2, ACC, S } = L;
const [B0, B1, X] = L.VEC;

/** Byte address of row r of the 4-row block: pa + r·ka. */
const rowAddress = (r: number): Code => (r === 0 ? get(PA) : [get(PA), get([L.KA, L.KA, L.KA2, L.KA3][r]), i32.add]);

/** The inner product down B from byte address `pbStart` (pb steps one row of B, n·8 bytes). */
const downColumn = (pbStart: Code, body: Code): Code => innerProduct(L, pbStart, get(NB), body);
/** Byte address of B[0][j]. */
const columnJ = elementAt(get(B), get(J));

const block4x4: Code = [
  ACC.map((acc) => set(acc, v128.zero)),
  downColumn(columnJ, [
    set(B0, get(L.PB), v128.load(0)),
    set(B1, get(L.PB), v128.load(16)),
    [0, 1, 2, 3].map((r) => [
      set(X, rowAddress(r), v128.load64Splat()),
      madd(ACC[2 * r], X, B0),
      madd(ACC[2 * r + 1], X, B1),
    ]),
  ]),
  // C[i + r][j .. j + 3]
  set(PC, outputAt(L, get(J))),
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
  downColumn(
    columnJ,
    set(ACC[0], get(ACC[0]), get(PA), v128.load64Splat(), get(L.PB), v128.load(), f64x2.mul, f64x2.add),
  ),
  outputAt(L, get(J)),
  get(ACC[0]),
  v128.store(),
];

/** C[i][n − 1] (n·8 − 8 bytes into the row). */
const lastColumn: Code = [
  set(S, f64.const(0)),
  downColumn(
    [elementAt(get(B), get(N)), i32.const(8), i32.sub],
    set(S, get(S), get(PA), f64.load(), get(L.PB), f64.load(), f64.mul, f64.add),
  ),
  outputAt(L, get(N)),
  i32.const(8),
  i32.sub,
  get(S),
  f64.store(),
];

export const mulAbFunction: FunctionDef = {
  name: 'mul_ab',
  params: [I32, I32, I32, I32, I32, I32],
  locals: productLocalTypes,
  body: [
    productPrologue(L),
    set(N2, get(N), i32.const(-2), i32.and),
    forLoop(I, i32.const(0), get(M4), i32.const(4), forLoop(J, i32.const(0), get(N4), i32.const(4), block4x4)),
    forLoop(I, i32.const(0), get(M), i32.const(1), [
      // Rows of the 4-blocks continue after column n4; the last m % 4 rows start at 0.
      forLoop(J, [get(N4), i32.const(0), get(I), get(M4), i32.ltS, select], get(N2), i32.const(2), pair),
      when([get(N), i32.const(1), i32.and], lastColumn),
    ]),
  ],
};
