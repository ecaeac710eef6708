/** The ChartPropsError `fn` throws (and a failure if it throws nothing or something else). */
import { ChartPropsError } from '../../src/components/charts/shared/props-schema';

export function propsErrorOf(fn: () => unknown): ChartPropsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChartPropsError) return e;
    throw e;
  }
  throw new Error('expected a ChartPropsError');
}
