/**
 * Upper bounds enforced by `createNetwork`, `gradientFlow` and friends.
 *
 * They exist so that a slider (or a typo) can never ask the browser for gigabytes:
 * the weights take 8·depth·width² bytes and one gradient-flow pass keeps two
 * depth × batch × width arrays (outputs and f′(z)), i.e. 16·cells bytes.
 */
export const LIMITS = Object.freeze({
  /** Deepest network: 200 layers (the charts use at most 50). */
  maxDepth: 200,
  /** Widest layer: 512 units (the charts use at most 128). */
  maxWidth: 512,
  /** Largest batch for `gradientFlow` and `standardNormalInput`. */
  maxBatch: 1024,
  /** depth × width² ≤ 2²⁴ weights (128 MiB of Float64). Depth 200 × width 256 fits. */
  maxParameters: 2 ** 24,
  /** depth × batch × width ≤ 2²² stored activations per pass (64 MiB for outputs and f′). */
  maxCells: 2 ** 22,
});

export type Limits = typeof LIMITS;

/**
 * `value`, or the library's standard RangeError unless it is an integer in [min, max]:
 * "Invalid depth 0: depth must be an integer from 1 to 200."
 */
export function checkInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Invalid ${name} ${String(value)}: ${name} must be an integer from ${min} to ${max}.`);
  }
  return value;
}
