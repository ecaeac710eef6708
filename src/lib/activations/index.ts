export { activationIds } from './types';
export type {
  Activation,
  ActivationFamily,
  ActivationId,
  ActivationParams,
  ActivationParamSpec,
  Bilingual,
} from './types';
export { activations, getActivation, isActivationId } from './registry';
export { sigmoid, sigmoidDerivative } from './sigmoid';
