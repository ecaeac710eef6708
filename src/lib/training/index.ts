export { createTrainer } from './trainer';
export { makeDataset } from './datasets';
export { TRAIN_LIMITS, DIVERGENCE_LIMIT } from './limits';
export type { TrainLimits } from './limits';
export { validateTrainerSpec, validateDatasetSpec } from './validate';
export { parameterLayout } from './layout';
export type { ParameterLayout } from './layout';
export { datasetIds, lossIds, normIds, optimizerIds } from './types';
export type {
  Dataset,
  DatasetId,
  DatasetSpec,
  LabelledPoints,
  LossId,
  NormId,
  OptimizerId,
  Trainer,
  TrainerSpec,
  TrainSnapshot,
} from './types';
