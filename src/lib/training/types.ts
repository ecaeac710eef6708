import type { ActivationId } from '../activations/types';
import type { InitId } from '../network/init';

/** The toy 2-D classification sets `makeDataset` draws (see datasets.ts). */
export const datasetIds = ['circle', 'xor', 'spiral', 'gauss'] as const;
export type DatasetId = (typeof datasetIds)[number];

/** `bce`: binary cross-entropy on the logit; `mse`: mean squared error of σ(logit). */
export const lossIds = ['bce', 'mse'] as const;
export type LossId = (typeof lossIds)[number];

/** Plain SGD, heavy-ball momentum 0.9, Adam (0.9, 0.999, 1e-8). */
export const optimizerIds = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerId = (typeof optimizerIds)[number];

/** `none`, or batch normalisation of every hidden layer's pre-activation. */
export const normIds = ['none', 'batch'] as const;
export type NormId = (typeof normIds)[number];

export interface DatasetSpec {
  readonly kind: DatasetId;
  /** Points in all; ⌊size/2⌋ train, the rest test. */
  readonly size: number;
  /** Half-width of the uniform jitter added to each coordinate (data radius 1). */
  readonly noise: number;
  /** Any finite number (mapped to 32 bits like every seed of the library). */
  readonly seed: number;
}

/** Points (m × 2, row-major) and their labels (0 or 1). */
export interface LabelledPoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface Dataset {
  readonly train: LabelledPoints;
  readonly test: LabelledPoints;
}

export interface TrainerSpec {
  readonly dataset: DatasetSpec;
  /** Hidden layers: 2 → width → … → width (depth of them), then width → 1 logit. */
  readonly depth: number;
  readonly width: number;
  readonly activation: ActivationId;
  readonly init: InitId;
  /** Every weight is the init's draw times initScale (so Var[W] = initScale²·Var_init). */
  readonly initScale: number;
  /** h_l = h_{l−1} + f(z_l) for hidden layers 2..depth. */
  readonly residual: boolean;
  readonly norm: NormId;
  readonly loss: LossId;
  readonly optimizer: OptimizerId;
  readonly learningRate: number;
  readonly batchSize: number;
  /** Global L2-norm limit of the gradient, or null for no clipping. */
  readonly clip: number | null;
  /** Seeds the weights and the minibatch order (the data has its own seed). */
  readonly seed: number;
  /** Leaky-ReLU slope / ELU α, as in `NetworkSpec` (optional). */
  readonly slope?: number;
  readonly alpha?: number;
}

export interface TrainSnapshot {
  /** Optimizer steps taken so far. */
  readonly step: number;
  /** Full train / test set, evaluation mode (BN running averages), at the current parameters. */
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
  /**
   * ‖∂L/∂W_l‖_F of the last step's minibatch gradient, before clipping (step 0: of the full
   * training set at the initial parameters). Index 0 = first layer, depth = output layer.
   */
  readonly gradNorm: Float64Array;
  /** True once a loss or gradient norm went non-finite or above 1e6; `step` then does nothing. */
  readonly diverged: boolean;
  /**
   * Once diverged: the step count at which a loss or gradient norm over the limit was seen
   * (it stays equal to `step`, which stops there); null before.
   */
  readonly divergedAt: number | null;
}

export interface Trainer {
  /** The validated, normalised spec. */
  readonly spec: TrainerSpec;
  /** The generated data (for drawing the points). */
  readonly dataset: Dataset;
  /** n optimizer steps (n = 1 by default), then the snapshot (metrics computed once, at the end). */
  step(n?: number): TrainSnapshot;
  snapshot(): TrainSnapshot;
  /** Every parameter, flattened (a copy); layout in parameter-layout.ts. */
  parameters(): Float64Array;
  /** Full-batch training loss at p (training-mode batch norm; running averages untouched). */
  lossAt(p: Float64Array): number;
  /** ∂L/∂p of `lossAt`, exact (backpropagation), same layout. */
  gradientAt(p: Float64Array): Float64Array;
  /** m × 2 points → m probabilities σ(logit), evaluation mode. */
  predict(points: Float64Array): Float64Array;
}
