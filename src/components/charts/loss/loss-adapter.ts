/**
 * The bridge from <LossExplorer> to src/lib: the only chart file that knows the names of the
 * loss exports. Imported from the modules rather than src/lib/index.ts, which would also pull
 * the network simulation into the page's bundle (see ../lib-adapter.ts).
 */
import { binaryLosses, binaryLossIds, type BinaryLoss } from '../../../lib/losses/binary';
import { sigmoid, sigmoidDerivative } from '../../../lib/activations/sigmoid';

export const LOSS_IDS: readonly string[] = [...binaryLossIds];

export interface LossFns {
  id: string;
  /** Korean name, as the note writes it. */
  label: string;
  /** Short direct label at the end of its curve. */
  short: string;
  /** How ∂L/∂z factors, as the note writes it. */
  dzFormula: string;
  value: BinaryLoss['value'];
  dz: BinaryLoss['dz'];
}

const TEXT: Record<string, { short: string; dzFormula: string }> = {
  bce: { short: '교차 엔트로피', dzFormula: 'ŷ − y' },
  mse: { short: 'MSE', dzFormula: '(ŷ − y)·σ′(z)' },
};

export function lossFns(id: string): LossFns {
  const loss = binaryLosses[id as keyof typeof binaryLosses];
  if (!loss) throw new RangeError(`Unknown loss "${id}". Valid ids: ${LOSS_IDS.join(', ')}`);
  return { id, label: loss.label.ko, ...TEXT[id], value: loss.value, dz: loss.dz };
}

export { sigmoid, sigmoidDerivative };
