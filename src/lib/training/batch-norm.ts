/**
 * Batch normalisation of one layer's pre-activation u (rows × width, row-major), in place:
 * z = γ·x̂ + β with x̂ = (u − μ)/√(σ² + ε) per unit (Ioffe & Szegedy 2015, Algorithm 1).
 */
const BN_EPSILON = 1e-5;
/** Weight of the newest batch in the running averages (PyTorch's convention). */
const BN_MOMENTUM = 0.1;

/** Per-layer batch-norm statistics (width each). */
export interface BatchNormState {
  /** Batch mean μ and biased variance σ² of the last training-mode pass. */
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  /** 1/√(σ² + ε) of the last training-mode pass (the backward pass needs it). */
  readonly invStd: Float64Array;
  /** Running averages used in evaluation mode; start at μ = 0, σ² = 1. */
  readonly runningMean: Float64Array;
  readonly runningVariance: Float64Array;
}

export function createBatchNormState(width: number): BatchNormState {
  return {
    mean: new Float64Array(width),
    variance: new Float64Array(width),
    invStd: new Float64Array(width),
    runningMean: new Float64Array(width),
    runningVariance: new Float64Array(width).fill(1),
  };
}

/**
 * Training mode: batch statistics μ_j = (1/m)Σ_b u_bj, σ²_j = (1/m)Σ_b (u_bj − μ_j)², then
 * x̂ (kept in `xhat` for the backward pass) and z = γ·x̂ + β written over u.
 */
export function batchNormTrain(
  u: Float64Array,
  xhat: Float64Array,
  rows: number,
  width: number,
  gamma: Float64Array,
  beta: Float64Array,
  st: BatchNormState,
): void {
  const { mean, variance, invStd } = st;
  mean.fill(0);
  variance.fill(0);
  for (let b = 0, o = 0; b < rows; b++, o += width) for (let j = 0; j < width; j++) mean[j] += u[o + j];
  for (let j = 0; j < width; j++) mean[j] /= rows;
  // Two passes (mean first), which stays accurate when |μ| ≫ σ.
  for (let b = 0, o = 0; b < rows; b++, o += width) {
    for (let j = 0; j < width; j++) {
      const d = u[o + j] - mean[j];
      variance[j] += d * d;
    }
  }
  for (let j = 0; j < width; j++) {
    variance[j] /= rows;
    invStd[j] = 1 / Math.sqrt(variance[j] + BN_EPSILON);
  }
  for (let b = 0, o = 0; b < rows; b++, o += width) {
    for (let j = 0; j < width; j++) {
      const x = (u[o + j] - mean[j]) * invStd[j];
      xhat[o + j] = x;
      u[o + j] = gamma[j] * x + beta[j];
    }
  }
}

/** Evaluation mode: z = γ·(u − μ_run)/√(σ²_run + ε) + β, written over u. */
export function batchNormEval(
  u: Float64Array,
  rows: number,
  width: number,
  gamma: Float64Array,
  beta: Float64Array,
  st: BatchNormState,
  scale: Float64Array,
): void {
  const { runningMean, runningVariance } = st;
  for (let j = 0; j < width; j++) scale[j] = gamma[j] / Math.sqrt(runningVariance[j] + BN_EPSILON);
  for (let b = 0, o = 0; b < rows; b++, o += width) {
    for (let j = 0; j < width; j++) u[o + j] = scale[j] * (u[o + j] - runningMean[j]) + beta[j];
  }
}

/**
 * Running averages after a training step on `rows` samples: μ_run ← (1 − 0.1)·μ_run + 0.1·μ,
 * σ²_run ← (1 − 0.1)·σ²_run + 0.1·σ²·m/(m − 1) (the unbiased batch variance, as in Ioffe &
 * Szegedy's inference step, Algorithm 2; m = 1 keeps σ² = 0).
 */
export function updateRunning(st: BatchNormState, rows: number, width: number): void {
  const unbias = rows > 1 ? rows / (rows - 1) : 1;
  for (let j = 0; j < width; j++) {
    st.runningMean[j] += BN_MOMENTUM * (st.mean[j] - st.runningMean[j]);
    st.runningVariance[j] += BN_MOMENTUM * (st.variance[j] * unbias - st.runningVariance[j]);
  }
}

/**
 * Backward through training-mode BN, in place: given dz = ∂L/∂z (rows × width) it writes
 * ∂L/∂γ_j = Σ_b dz_bj·x̂_bj, ∂L/∂β_j = Σ_b dz_bj, and replaces dz by
 * ∂L/∂u_bj = γ_j/√(σ²_j + ε) · (dz_bj − (1/m)∂L/∂β_j − x̂_bj·(1/m)∂L/∂γ_j),
 * the exact derivative through μ and σ² (they depend on every sample of the batch).
 */
export function batchNormBackward(
  dz: Float64Array,
  xhat: Float64Array,
  rows: number,
  width: number,
  gamma: Float64Array,
  st: BatchNormState,
  dGamma: Float64Array,
  dBeta: Float64Array,
): void {
  dGamma.fill(0);
  dBeta.fill(0);
  for (let b = 0, o = 0; b < rows; b++, o += width) {
    for (let j = 0; j < width; j++) {
      const d = dz[o + j];
      dGamma[j] += d * xhat[o + j];
      dBeta[j] += d;
    }
  }
  const inv = 1 / rows;
  for (let b = 0, o = 0; b < rows; b++, o += width) {
    for (let j = 0; j < width; j++) {
      dz[o + j] = gamma[j] * st.invStd[j] * (dz[o + j] - inv * dBeta[j] - xhat[o + j] * inv * dGamma[j]);
    }
  }
}
