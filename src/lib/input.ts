import { LIMITS } from './limits';
import { createRng, randomNormal } from './rng';

/**
 * A batch × width input (row-major) of independent N(0, 1) values from `createRng(seed)`
 * and `randomNormal`, i.e. the unit-variance input that the initialisation theories assume.
 *
 * @throws RangeError naming `width` (integer 1…LIMITS.maxWidth), `batch`
 *   (integer 1…LIMITS.maxBatch) or `seed` (finite).
 */
export function standardNormalInput(width: number, batch: number, seed: number): Float64Array {
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 1 || width > LIMITS.maxWidth) {
    throw new RangeError(`Invalid width ${String(width)}: width must be an integer from 1 to ${LIMITS.maxWidth}.`);
  }
  if (typeof batch !== 'number' || !Number.isInteger(batch) || batch < 1 || batch > LIMITS.maxBatch) {
    throw new RangeError(`Invalid batch ${String(batch)}: batch must be an integer from 1 to ${LIMITS.maxBatch}.`);
  }
  const next = randomNormal(createRng(seed));
  const out = new Float64Array(width * batch);
  for (let i = 0; i < out.length; i++) out[i] = next();
  return out;
}
