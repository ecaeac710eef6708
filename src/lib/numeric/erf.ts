import * as table from './erf-coefficients';

// Module-local copies: some loaders (Vite's SSR/test runner) turn every access to an
// imported binding into a getter call, which would sit in GELU's per-element hot path.
const ERF_SMALL = table.ERF_SMALL;
const PIECE_COEFFS = table.PIECE_COEFFS;
const PIECE_OFFSETS = table.PIECE_OFFSETS;
const ASYMPTOTIC = table.ASYMPTOTIC;
const PIECE_COUNT = table.PIECE_COUNT;
const PIECE_START = table.PIECE_START;
const PIECE_WIDTH = table.PIECE_WIDTH;

const INV_SQRT_PI = 0.5641895835477563; // 1/√π
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
/** Beyond this, e^{−x²} is below the smallest subnormal double. */
const EXP_NEG_SQUARE_ZERO = 27.3;
/** Beyond this, e^{−x²/2} is below the smallest subnormal double. */
const EXP_NEG_HALF_SQUARE_ZERO = 38.7;
/** erfc(6) ≈ 2.2e-17 is below half an ulp of 1, so erf(x) rounds to ±1 from here on. */
const ERF_ONE = 6;

/**
 * e^{−x²·c} for c ∈ {1, ½} without the error of rounding x².
 *
 * Rounding x² costs x²·2⁻⁵³ of relative error in the exponential (≈ 1e-13 at x = 26).
 * Splitting x = hi + lo with hi = fround(x) (24 significant bits) makes hi² exact, and the
 * remainder x² − hi² = (x − hi)(x + hi) ≤ 2⁻²³·x² is small enough for a cubic Taylor
 * polynomial of e^{−r} (error < 3e-18 for |x| ≤ 38.7).
 */
function expNegScaledSquare(x: number, c: number): number {
  const hi = Math.fround(x);
  const r = (x - hi) * (x + hi) * c;
  return Math.exp(-hi * hi * c) * (1 - r * (1 - r * (0.5 - r * (1 / 6))));
}

/** erf(x)/x for |x| < 0.5, as a polynomial in x². */
function erfOverX(y: number): number {
  const c = ERF_SMALL;
  let p = c[8];
  for (let k = 7; k >= 0; k--) p = p * y + c[k];
  return p;
}

/**
 * The scaled complementary error function erfcx(x) = e^{x²}·erfc(x) for x ≥ 0.5.
 * Piecewise polynomials on [0.5, 6) (pieces 0.25 wide, s = 8·(x − centre) ∈ [−1, 1]),
 * then a fit of x·√π·erfcx(x) in 1/x², which tends to 1 as x → ∞.
 */
function erfcxLarge(x: number): number {
  if (x < ERF_ONE) {
    let k = ((x - PIECE_START) * (1 / PIECE_WIDTH)) | 0;
    if (k >= PIECE_COUNT) k = PIECE_COUNT - 1;
    const s = (x - (PIECE_START + PIECE_WIDTH * (k + 0.5))) * (2 / PIECE_WIDTH);
    const start = PIECE_OFFSETS[k];
    let i = PIECE_OFFSETS[k + 1] - 1;
    let p = PIECE_COEFFS[i];
    while (i > start) p = p * s + PIECE_COEFFS[--i];
    return p;
  }
  const s = 72 / (x * x) - 1;
  let p = ASYMPTOTIC[ASYMPTOTIC.length - 1];
  for (let k = ASYMPTOTIC.length - 2; k >= 0; k--) p = p * s + ASYMPTOTIC[k];
  return (p * INV_SQRT_PI) / x;
}

/**
 * The error function erf(x) = (2/√π)·∫₀ˣ e^{−t²} dt, to about 1e-16 relative (a few ulps).
 *
 * Self-fitted polynomials (see `erf-fit.py`) rather than a series, so one call costs one
 * `Math.exp` and about ten multiply-adds — GELU evaluates it in the gradient-flow hot loop.
 * erf(±0) = ±0, erf(±∞) = ±1, erf(NaN) = NaN.
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a < 0.5) return x * erfOverX(x * x);
  if (a >= ERF_ONE) return a === a ? (x > 0 ? 1 : -1) : NaN;
  const tail = expNegScaledSquare(a, 1) * erfcxLarge(a);
  return x > 0 ? 1 - tail : tail - 1;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms also
 * deep in the right tail (erfc(26) ≈ 5.7e-296), where 1 − erf(x) would be 0.
 * erfc(+∞) = 0, erfc(−∞) = 2, erfc(NaN) = NaN.
 */
export function erfc(x: number): number {
  const a = Math.abs(x);
  if (a < 0.5) return 1 - x * erfOverX(x * x);
  if (a !== a) return NaN;
  const tail = a < EXP_NEG_SQUARE_ZERO ? expNegScaledSquare(a, 1) * erfcxLarge(a) : 0;
  return x > 0 ? tail : 2 - tail;
}

/** Standard normal density φ(x) = e^{−x²/2}/√(2π). */
export function normalPdf(x: number): number {
  const a = Math.abs(x);
  if (a < EXP_NEG_HALF_SQUARE_ZERO) return expNegScaledSquare(a, 0.5) * INV_SQRT_2PI;
  return a === a ? 0 : NaN;
}

/**
 * Standard normal distribution function Φ(x) = ½·erfc(−x/√2), accurate in relative terms
 * in the left tail (Φ(−30) ≈ 4.9e-198) — the part GELU needs for negative inputs.
 *
 * In the tails Φ(x) = ½·e^{−x²/2}·erfcx(|x|/√2): the exponential is taken from x itself,
 * because rounding x/√2 first and squaring it would cost x²·2⁻⁵³ of relative error.
 */
export function normalCdf(x: number): number {
  const t = -x * Math.SQRT1_2;
  const at = Math.abs(t);
  if (at < 0.5) return 0.5 - 0.5 * t * erfOverX(t * t);
  const a = Math.abs(x);
  const tail = a < EXP_NEG_HALF_SQUARE_ZERO ? 0.5 * expNegScaledSquare(a, 0.5) * erfcxLarge(at) : a === a ? 0 : NaN;
  return t > 0 ? tail : 1 - tail;
}

/**
 * Φ(x) and φ(x) together, sharing the one exponential (GELU needs both for f and f′).
 * Results land in `out[0]` (Φ) and `out[1]` (φ); bit-identical to `normalCdf`/`normalPdf`.
 */
export function normalCdfPdf(x: number, out: Float64Array): void {
  const t = -x * Math.SQRT1_2;
  const at = Math.abs(t);
  const a = Math.abs(x);
  if (a < EXP_NEG_HALF_SQUARE_ZERO) {
    const e = expNegScaledSquare(a, 0.5);
    out[1] = e * INV_SQRT_2PI;
    if (at < 0.5) {
      out[0] = 0.5 - 0.5 * t * erfOverX(t * t);
    } else {
      const tail = 0.5 * e * erfcxLarge(at);
      out[0] = t > 0 ? tail : 1 - tail;
    }
    return;
  }
  const nan = a !== a;
  out[1] = nan ? NaN : 0;
  out[0] = nan ? NaN : x > 0 ? 1 : 0;
}
