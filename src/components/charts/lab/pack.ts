/**
 * Packing of a LabView for the island's props. Kept apart from data.ts so
 * the main-thread bundle does not carry the view-building code (it runs in the
 * worker and at build time).
 */
import type { LogSeries } from '../shared/LogGradientChart';
import { packArray, packNumber, unpackArray, type PackedFields } from '../shared/pack';
import type { LabParams, LabView } from './data';

/** Cache key of a lab setting. */
export const labKey = (p: LabParams) => `${p.activation}|${p.init}|${p.depth}|${p.width}|${p.seed}`;
/** Key of a setting's every depth: the worker computes them all, nearest first. */
export const settingKey = (p: LabParams) => labKey({ ...p, depth: 0 });

/** Significant digits kept: more than any label or path coordinate shows. */
const DIGITS = 10;

type Dist = LabView['dist'];

export type PackedLabView = Omit<PackedFields<LabView, 'ratio'>, 'grad' | 'dist'> & {
  grad: Omit<LabView['grad'], 'series'> & { series: PackedFields<LogSeries, 'values'>[] };
  dist: PackedFields<Dist, 'mean' | 'std' | 'fraction'>;
};

/** A JSON-safe copy of a view for the island's props (see ../shared/pack.ts). */
export function packLabView(view: LabView): PackedLabView {
  const { grad, dist } = view;
  const pack = (a: readonly number[]) => packArray(a, DIGITS);
  return {
    ...view,
    grad: { ...grad, series: grad.series.map((s) => ({ ...s, values: pack(s.values) })) },
    dist: { ...dist, mean: pack(dist.mean), std: pack(dist.std), fraction: pack(dist.fraction) },
    ratio: packNumber(view.ratio, DIGITS),
  };
}

export function unpackLabView(view: PackedLabView): LabView {
  const { grad, dist } = view;
  return {
    ...view,
    grad: { ...grad, series: grad.series.map((s) => ({ ...s, values: unpackArray(s.values) })) },
    dist: { ...dist, mean: unpackArray(dist.mean), std: unpackArray(dist.std), fraction: unpackArray(dist.fraction) },
    ratio: Number(view.ratio),
  };
}
