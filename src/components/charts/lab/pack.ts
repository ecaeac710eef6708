/**
 * Packing of a LabView for the island's props. Kept apart from lab-data.ts so
 * the main-thread bundle does not carry the view-building code (it runs in the
 * worker and at build time).
 */
import type { LabParams, LabView } from './data';

/** Cache key of a lab setting. */
export const labKey = (p: LabParams) => `${p.activation}|${p.init}|${p.depth}|${p.width}|${p.seed}`;

const packNumber = (v: number): number | string => (Number.isFinite(v) ? Number(v.toPrecision(10)) : String(v));
const packArray = (a: readonly number[]) => a.map(packNumber) as unknown as number[];
const unpackArray = (a: readonly (number | string)[]) => a.map(Number);

/**
 * A JSON-safe copy of a view for the island's props (NaN and ±∞ become strings,
 * numbers keep 10 significant digits). The server and the browser both render
 * `unpackLabView(packLabView(view))`, so the hydrated markup matches exactly.
 */
export function packLabView(view: LabView): LabView {
  return {
    ...view,
    series: view.series.map((s) => ({ ...s, values: packArray(s.values) })),
    mean: packArray(view.mean),
    std: packArray(view.std),
    fraction: packArray(view.fraction),
    ratio: packNumber(view.ratio) as number,
  };
}

export function unpackLabView(view: LabView): LabView {
  return {
    ...view,
    series: view.series.map((s) => ({ ...s, values: unpackArray(s.values) })),
    mean: unpackArray(view.mean),
    std: unpackArray(view.std),
    fraction: unpackArray(view.fraction),
    ratio: Number(view.ratio),
  };
}
