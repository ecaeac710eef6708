/** A source of uniform numbers in [0, 1), like the global generator but seeded and reproducible. */
export type Rng = () => number;

const TWO_POW_32 = 4294967296;

/**
 * Maps any finite number to the 32-bit state of `createRng`.
 *
 * The mapping is ECMAScript's ToUint32 (`seed >>> 0`): truncate toward zero, then reduce
 * modulo 2³². So 7.9 → 7, −1 → 4294967295 and 2³² + 5 → 5. Non-finite seeds are rejected
 * because ToUint32 would silently turn NaN and ±Infinity into 0.
 */
export function seedToUint32(seed: number): number {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(
      `Invalid seed ${String(seed)}: seed must be a finite number (it is mapped to a 32-bit integer by truncation modulo 2^32).`,
    );
  }
  return seed >>> 0;
}

/**
 * A seeded uniform generator: mulberry32 (Tommy Ettinger, 2017), a 32-bit state stepped by
 * the Weyl constant 0x6D2B79F5 and finished with two xorshift-multiply rounds.
 *
 * Why this one: a dozen lines that any reimplementation (C, Python, JS) reproduces bit for
 * bit, it is fast in JavaScript (Math.imul), and its 2³² period is far above the ≈ 10⁷ draws
 * the largest allowed network needs. Each call returns k/2³² for a 32-bit k, so values lie
 * in [0, 1) on a grid of 2⁻³² and 0 itself can occur.
 *
 * The seed goes through `seedToUint32` (ToUint32) and throws a RangeError if it is not finite.
 */
export function createRng(seed: number): Rng {
  let state = seedToUint32(seed);
  return function mulberry32(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
}

function checkMeanStd(mean: number, std: number): void {
  if (!Number.isFinite(mean)) throw new RangeError(`Invalid mean ${mean}: mean must be a finite number.`);
  if (!Number.isFinite(std) || std < 0) {
    throw new RangeError(`Invalid std ${std}: std must be a finite number ≥ 0.`);
  }
}

/**
 * A normal sampler N(mean, std²) drawing from the injected `rng` (d3-random style source
 * injection, never the unseeded global generator).
 *
 * Marsaglia & Bray's (1964) polar method, as in d3-random's `randomNormal`: draw (u, v)
 * uniformly in the square [−1, 1)², reject unless 0 < s = u² + v² < 1, then
 * u·√(−2 ln s / s) and v·√(−2 ln s / s) are two independent standard normals. The second
 * is kept for the next call, so two calls consume one accepted pair of uniforms.
 * No trigonometry, and ln(0) cannot happen because s = 0 is rejected.
 */
export function randomNormal(rng: Rng, mean = 0, std = 1): () => number {
  checkMeanStd(mean, std);
  let spare = 0;
  let hasSpare = false;
  return function normal(): number {
    if (hasSpare) {
      hasSpare = false;
      return mean + std * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = rng() * 2 - 1;
      v = rng() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    hasSpare = true;
    return mean + std * (u * m);
  };
}

/** A uniform sampler on [lo, hi) drawing from the injected `rng`. */
export function randomUniform(rng: Rng, lo = 0, hi = 1): () => number {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi >= lo)) {
    throw new RangeError(`Invalid uniform bounds [${lo}, ${hi}): lo and hi must be finite with lo ≤ hi.`);
  }
  const width = hi - lo;
  return () => lo + width * rng();
}

/**
 * Bulk filler equivalent to `randomNormal(createRng(seed))` and `createRng(seed)` but with
 * mulberry32 and the polar method inlined into one loop (no closure call per draw), which
 * makes `createNetwork` several times faster. The two streams are bit-identical (tested).
 */
interface SeededFiller {
  /** out[i] = scale · (next standard normal), continuing the same stream across calls. */
  fillNormal(out: Float64Array, scale: number): void;
  /** out[i] = scale · (2u − 1) with u the next uniform in [0, 1). */
  fillSymmetricUniform(out: Float64Array, scale: number): void;
}

export function createSeededFiller(seed: number): SeededFiller {
  let state = seedToUint32(seed);
  let spare = 0;
  let hasSpare = false;
  return {
    fillNormal(out: Float64Array, scale: number): void {
      const n = out.length;
      let i = 0;
      if (hasSpare && n > 0) {
        out[i++] = scale * spare;
        hasSpare = false;
      }
      while (i < n) {
        let u: number;
        let v: number;
        let s: number;
        do {
          state = (state + 0x6d2b79f5) | 0;
          let t = Math.imul(state ^ (state >>> 15), state | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          u = (((t ^ (t >>> 14)) >>> 0) / TWO_POW_32) * 2 - 1;
          state = (state + 0x6d2b79f5) | 0;
          t = Math.imul(state ^ (state >>> 15), state | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          v = (((t ^ (t >>> 14)) >>> 0) / TWO_POW_32) * 2 - 1;
          s = u * u + v * v;
        } while (s >= 1 || s === 0);
        const m = Math.sqrt((-2 * Math.log(s)) / s);
        out[i++] = scale * (u * m);
        if (i < n) {
          out[i++] = scale * (v * m);
        } else {
          spare = v * m;
          hasSpare = true;
        }
      }
    },
    fillSymmetricUniform(out: Float64Array, scale: number): void {
      for (let i = 0; i < out.length; i++) {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        out[i] = scale * ((((t ^ (t >>> 14)) >>> 0) / TWO_POW_32) * 2 - 1);
      }
    },
  };
}
