export { activationIds } from './activations/types';
export type {
  Activation,
  ActivationFamily,
  ActivationId,
  ActivationParams,
  ActivationParamSpec,
  Bilingual,
} from './activations/types';
export { activations, getActivation, isActivationId } from './activations/registry';
export { sigmoid, sigmoidDerivative } from './activations/sigmoid';
export { erf, erfc, normalCdf, normalPdf } from './erf';
export { LIMITS } from './limits';
export type { Limits } from './limits';
export { createRng, randomNormal, randomUniform, seedToUint32 } from './rng';
export type { Rng } from './rng';
export { initIds, inits, initVariance, isInitId } from './init';
export type { InitId, InitScheme } from './init';
export { createNetwork, validateNetworkSpec, withActivation } from './network';
export type { Layer, Network, NetworkSpec } from './network';
export { standardNormalInput } from './input';
export { forward, gradientFlow } from './gradient-flow';
export type { GradientFlowResult } from './gradient-flow';
export { readoutIds } from './readout';
export type { GradientFlowOptions, Readout } from './readout';
export { releaseWorkspace } from './workspace';
export { chainRuleBound, predictedGradientNorms, theoreticalVarianceFactor } from './theory';
export type { VarianceFactor } from './theory';
export { meanFieldPrediction } from './mean-field';
export type { MeanFieldPrediction } from './mean-field';
