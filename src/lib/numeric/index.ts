export { erf, erfc, normalCdf, normalPdf } from './erf';
export { createRng, randomNormal, randomUniform, seedToUint32 } from './rng';
export type { Rng } from './rng';
