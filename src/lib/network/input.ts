import { checkInteger, LIMITS } from './limits';
import { createRng, randomNormal } from '../numeric/rng';

/**
 * A batch × width input (row-major) of independent N(0, 1) values from `createRng(seed)`
 * and `randomNormal`, i.e. the unit-variance input that the initialisation theories assume.
 *
 * @throws RangeError naming `width` (integer 1…LIMITS.maxWidth), `batch`
 *   (integer 1…LIMITS.maxBatch) or `seed` (finite).
 */
export function standardNormalInput(width: number, batch: number, seed: number): Float64Array {
  checkInteger('width', width, 1, LIMITS.maxWidth);
  checkInteger('batch', batch, 1, LIMITS.maxBatch);
  const next = randomNormal(createRng(seed));
  const out = new Float64Array(width * batch);
  for (let i = 0; i < out.length; i++) out[i] = next();
  return out;
}
