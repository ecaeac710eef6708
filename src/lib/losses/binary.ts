/**
 * Per-sample losses of a single sigmoid output unit, written on the logit z (ŷ = σ(z)) with a
 * target y ∈ [0, 1], in TensorFlow Playground's style: one object per loss with the value and
 * its derivative with respect to the logit, `{ value(z, y), dz(z, y) }`.
 *
 * Both are written on z rather than on ŷ because that is where the derivative the network sees
 * lives: ∂L/∂z is what backpropagation sends into the last layer's weights.
 */
import { sigmoid, sigmoidDerivative } from '../activations/sigmoid';
import { softplus } from '../activations/softplus';

export const binaryLossIds = ['bce', 'mse'] as const;
export type BinaryLossId = (typeof binaryLossIds)[number];

export interface BinaryLoss {
  id: BinaryLossId;
  label: { ko: string; en: string };
  /** L(z, y). */
  value(z: number, y: number): number;
  /** ∂L/∂z. */
  dz(z: number, y: number): number;
}

/**
 * Sigmoid + binary cross-entropy: L = −[y log σ(z) + (1 − y) log(1 − σ(z))].
 * Since −log σ(z) = softplus(−z) and −log(1 − σ(z)) = softplus(z), L = softplus(z) − y·z,
 * which never takes the log of a σ that rounded to 0 or 1 (σ(40) is exactly 1 in float64).
 * ∂L/∂z = σ(z) − y = ŷ − y.
 */
export const bce: BinaryLoss = {
  id: 'bce',
  label: { ko: '교차 엔트로피', en: 'Binary cross-entropy' },
  value: (z, y) => softplus(z) - y * z,
  dz: (z, y) => sigmoid(z) - y,
};

/**
 * Mean squared error on the sigmoid output, with the factor ½: L = ½(σ(z) − y)².
 * ∂L/∂z = (σ(z) − y)·σ′(z) = (ŷ − y)·σ′(z): the error times σ′ ≤ ¼, which vanishes when the
 * unit saturates, right or wrong.
 */
export const mse: BinaryLoss = {
  id: 'mse',
  label: { ko: '평균 제곱 오차', en: 'Mean squared error' },
  value(z, y) {
    const e = sigmoid(z) - y;
    return 0.5 * e * e;
  },
  dz: (z, y) => (sigmoid(z) - y) * sigmoidDerivative(z),
};

export const binaryLosses: Readonly<Record<BinaryLossId, BinaryLoss>> = Object.freeze({ bce, mse });
