export { bce, binaryLossIds, binaryLosses, mse } from './binary';
export type { BinaryLoss, BinaryLossId } from './binary';
export { logSumExp, softmax, softmaxCrossEntropy } from './softmax';
