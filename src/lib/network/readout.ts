/**
 * How the scalar loss reads the last layer's output out (batch × width):
 * - 'sum' (default): L = (1/batch)·Σ_b Σ_j out[b][j], so ∂L/∂out = 1/batch everywhere.
 * - 'alternating': L = (1/batch)·Σ_b Σ_j r_j·out[b][j] with r_j = +1 for even j, −1 for odd j,
 *   so ∂L/∂out = ±1/batch: a zero-mean backward signal, as Glorot & Bengio (2010) and
 *   He et al. (2015) assume. (With 'sum' the all-positive signal correlates with the ReLU
 *   masks through W, and ReLU nets show ‖∂L/∂out_{l−1}‖²/‖∂L/∂out_l‖² ≈ 1.2 with He init,
 *   not the predicted 1; with 'alternating' it is ≈ 1.)
 */
export const readoutIds = ['sum', 'alternating'] as const;
export type Readout = (typeof readoutIds)[number];

export interface GradientFlowOptions {
  /** Default 'sum'. */
  readonly readout?: Readout;
}

export function checkReadout(readout: unknown): Readout {
  if (readout === undefined) return 'sum';
  const known = readoutIds.find((id) => id === readout);
  if (known) return known;
  throw new RangeError(`Invalid readout "${String(readout)}". Valid readouts: ${readoutIds.join(', ')}.`);
}

/** Fills g = ∂L/∂out (batch × width) for the readout. */
export function fillOutputGradient(g: Float64Array, batch: number, width: number, readout: Readout): void {
  const v = 1 / batch;
  if (readout === 'sum') {
    g.fill(v, 0, batch * width);
    return;
  }
  for (let b = 0; b < batch; b++) {
    const o = b * width;
    for (let j = 0; j < width; j++) g[o + j] = (j & 1) === 0 ? v : -v;
  }
}

/** L = (1/batch)·Σ_b Σ_j r_j·out[b][j]. */
export function readoutLoss(out: Float64Array, batch: number, width: number, readout: Readout): number {
  let total = 0;
  if (readout === 'sum') {
    for (let i = 0; i < batch * width; i++) total += out[i];
  } else {
    for (let b = 0; b < batch; b++) {
      const o = b * width;
      for (let j = 0; j < width; j++) total += (j & 1) === 0 ? out[o + j] : -out[o + j];
    }
  }
  return total / batch;
}
