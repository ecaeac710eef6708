/**
 * The light half of the bridge to src/lib (activations and init names), used
 * by both islands on the main thread. The simulation half, which pulls in
 * the network code, is lab-compute.ts (run in a worker). Only these two files
 * know the names of src/lib's exports.
 */
// Imported from the modules, not from src/lib/index.ts: the index also re-exports the
// network code, and bundlers keep a module's re-exports when it has top-level effects
// (Object.freeze), which would pull the simulation into the main-thread bundle.
import { activations, getActivation } from '../../lib/activations/registry';
import type { ActivationId } from '../../lib/activations/types';

export { ACTIVATION_IDS, INIT_IDS } from './lib-ids';

export interface ActivationParams {
  slope: number;
  alpha: number;
}

export interface ActivationFns {
  id: string;
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
const SHORT_LABELS: Record<string, string> = { sigmoid: '시그모이드', tanh: 'tanh', softplus: '소프트플러스', linear: '선형' };

/** f and f′ of an activation with the explorer's slope (Leaky ReLU) and α (ELU). */
export function activationFns(id: string, params: ActivationParams): ActivationFns {
  const act = getActivation(id, { slope: params.slope, alpha: params.alpha });
  return {
    id,
    label: act.label.ko,
    short: SHORT_LABELS[id] ?? act.label.en,
    f: act.f,
    df: act.df,
    saturates: act.saturates,
    maxDerivative: act.maxDerivative,
  };
}

export function activationLabel(id: string): string {
  return activations[id as ActivationId]?.label.ko ?? id;
}

