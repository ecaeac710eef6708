/**
 * Packing of a LabView for the island's props. Kept apart from lab-data.ts so
 * the main-thread bundle does not carry the view-building code (it runs in the
 * worker and at build time).
 */
import type { LogSeries } from '../shared/LogGradientChart';
import { packArray, packNumber, unpackArray, type PackedFields } from '../shared/pack';
import type { LabParams, LabView } from './data';

/** Cache key of a lab setting. */
export const labKey = (p: LabParams) => `${p.activation}|${p.init}|${p.depth}|${p.width}|${p.seed}`;

/** Significant digits kept: more than any label or path coordinate shows. */
const DIGITS = 10;

export type PackedLabView = Omit<PackedFields<LabView, 'mean' | 'std' | 'fraction' | 'ratio'>, 'series'> & {
  series: PackedFields<LogSeries, 'values'>[];
};

/** A JSON-safe copy of a view for the island's props (see ../shared/pack.ts). */
export function packLabView(view: LabView): PackedLabView {
  return {
    ...view,
    series: view.series.map((s) => ({ ...s, values: packArray(s.values, DIGITS) })),
    mean: packArray(view.mean, DIGITS),
    std: packArray(view.std, DIGITS),
    fraction: packArray(view.fraction, DIGITS),
    ratio: packNumber(view.ratio, DIGITS),
  };
}

export function unpackLabView(view: PackedLabView): LabView {
  return {
    ...view,
    series: view.series.map((s) => ({ ...s, values: unpackArray(s.values) })),
    mean: unpackArray(view.mean),
    std: unpackArray(view.std),
    fraction: unpackArray(view.fraction),
    ratio: Number(view.ratio),
  };
}
