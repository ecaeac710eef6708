/**
 * The light half of the bridge to src/lib's trainer: ids and bounds only, for
 * the main-thread bundle, imported from their modules (not src/lib/index.ts,
 * which would pull the trainer in). The trainer itself is reached through
 * compute.ts (worker and build). Only these two files know src/lib's paths.
 */
export { TRAIN_LIMITS } from '../../../lib/training/limits';
export {
  datasetIds as DATASET_IDS,
  lossIds as LOSS_IDS,
  normIds as NORM_IDS,
  optimizerIds as OPTIMIZER_IDS,
} from '../../../lib/training/types';
