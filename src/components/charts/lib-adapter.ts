/**
 * The one bridge from the charts to src/lib: every chart file reaches the library through
 * here, and this file only through src/lib/index.ts (the library's public API). Besides the
 * re-exports it holds the small views the charts need of the library's objects (Korean and
 * short labels of activations and losses).
 */
import {
  activations,
  binaryLosses,
  getActivation,
  type ActivationId,
  type BinaryLoss,
  type BinaryLossId,
} from '../../lib/index';

export {
  activationIds,
  activations,
  binaryLossIds,
  chainRuleBound,
  createNetwork,
  createTrainer,
  datasetIds,
  getActivation,
  gradientFlow,
  initIds,
  inits,
  lossIds,
  normIds,
  optimizerIds,
  predictedGradientNorms,
  sigmoid,
  sigmoidDerivative,
  standardNormalInput,
  theoreticalVarianceFactor,
  TRAIN_LIMITS,
  validateNetworkSpec,
} from '../../lib/index';
export type { ActivationId, BinaryLossId, InitId, Network, Trainer, TrainerSpec } from '../../lib/index';
// Not part of src/lib's public API: how the wasm memory is sized is the gradient lab's concern
// only. The one deep import, kept here so no other chart file knows a library path.
export { reserveWorkspace } from '../../lib/network/workspace';

export interface ActivationFns {
  id: ActivationId;
  /** Korean label (e.g. 시그모이드). */
  label: string;
  /** Short name for direct labels on the chart, as the notes write it (e.g. 시그모이드, tanh). */
  short: string;
  f: (x: number) => number;
  df: (x: number) => number;
  /** Whether both tails of f′ go to 0 (sigmoid, tanh), so saturation regions are shaded. */
  saturates: boolean;
  /** sup |f′| and where it is attained (x = ±Infinity when only approached). */
  maxDerivative: { x: number; value: number };
}

/** Direct labels must be short; Korean where the notes use a Korean name. */
const SHORT_LABELS: Partial<Record<ActivationId, string>> = {
  sigmoid: '시그모이드',
  tanh: 'tanh',
  softplus: '소프트플러스',
  linear: '선형',
};

/** f and f′ of an activation with the explorer's slope (Leaky ReLU) and α (ELU). */
export function activationFns(id: ActivationId, params: { slope: number; alpha: number }): ActivationFns {
  const act = getActivation(id, params);
  const { f, df, saturates, maxDerivative } = act;
  return { id, label: act.label.ko, short: SHORT_LABELS[id] ?? act.label.en, f, df, saturates, maxDerivative };
}

/** Korean label of an activation (e.g. 시그모이드). */
export const activationLabel = (id: ActivationId): string => activations[id].label.ko;

export interface LossFns {
  id: BinaryLossId;
  /** Korean name, as the note writes it. */
  label: string;
  /** Short direct label at the end of its curve. */
  short: string;
  /** How ∂L/∂z factors, as the note writes it. */
  dzFormula: string;
  value: BinaryLoss['value'];
  dz: BinaryLoss['dz'];
}

const LOSS_TEXT: Record<BinaryLossId, { short: string; dzFormula: string }> = {
  bce: { short: '교차 엔트로피', dzFormula: 'ŷ − y' },
  mse: { short: 'MSE', dzFormula: '(ŷ − y)·σ′(z)' },
};

/** A binary loss of the logit z, with the note's names for it. */
export function lossFns(id: BinaryLossId): LossFns {
  const loss = binaryLosses[id];
  return { id, label: loss.label.ko, ...LOSS_TEXT[id], value: loss.value, dz: loss.dz };
}
