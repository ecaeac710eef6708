export { chainRuleBound, predictedGradientNorms, theoreticalVarianceFactor } from './theory';
export type { VarianceFactor } from './theory';
export { meanFieldPrediction } from './mean-field';
export type { MeanFieldPrediction } from './mean-field';
