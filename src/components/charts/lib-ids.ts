/**
 * Ids of src/lib's activations and initialisations, without the modules that
 * define them: an island that only lists the ids (for its URL state and
 * selects) does not carry the activation registry. lib-adapter.ts re-exports these.
 */
import { activationIds } from '../../lib/activations/types';

export const ACTIVATION_IDS: readonly string[] = [...activationIds];
/**
 * Ids of src/lib's weight initialisations (`initIds` in src/lib/init.ts), spelled out so
 * the browser bundle does not carry init.ts's TeX and references; a unit test keeps
 * them equal. Labels reach the islands through their props.
 */
export const INIT_IDS: readonly string[] = ['small', 'standard', 'xavier', 'he'];
