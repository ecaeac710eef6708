/**
 * Layout of the layer × step heatmap of ‖∂L/∂W_l‖: colour buckets on a log
 * scale, step columns thinned to a width budget, and one SVG path per bucket
 * (runs of equal cells merged), so the chart stays a handful of elements
 * however long the run or deep the network. Pure, no DOM.
 */
import { forEachRun, plottable, r2 } from '../shared/scales';
import type { TrainRecord } from './history';

/** Sequential palette (viridis, sampled): dark = small gradient, bright = large. Readable on both themes. */
export const PALETTE = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21908d',
  '#22a884',
  '#42be71',
  '#7ad151',
  '#bddf26',
  '#e3e418',
  '#fde725',
] as const;

/** At most this many decades are coloured; smaller values share the first bucket. */
export const MAX_DECADES = 16;

export interface HeatScale {
  /** Decades [lo, hi]: the colours span 10^lo … 10^hi. */
  lo: number;
  hi: number;
  /** Bucket colours, lowest first. */
  colors: string[];
}

/** The colour scale of some gradient norms: whole decades around them, at least 2 wide, at most MAX_DECADES. */
export function heatScale(records: readonly TrainRecord[]): HeatScale {
  let min = Infinity;
  let max = -Infinity;
  for (const r of records) {
    for (const v of r.grad) {
      if (!plottable(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min > max) return makeScale(-4, 0);
  // Exact powers of ten stay on their decade (log10 rounding); + 0 turns −0 into 0.
  let hi = Math.ceil(Math.log10(max) - 1e-9) + 0;
  let lo = Math.floor(Math.log10(min) + 1e-9) + 0;
  if (hi - lo < 2) lo = hi - 2;
  if (hi - lo > MAX_DECADES) lo = hi - MAX_DECADES;
  if (hi > 308) hi = 308;
  return makeScale(lo, hi);
}

function makeScale(lo: number, hi: number): HeatScale {
  const n = Math.min(PALETTE.length, Math.max(4, 2 * (hi - lo)));
  const colors = Array.from({ length: n }, (_, i) => PALETTE[Math.round((i * (PALETTE.length - 1)) / (n - 1))]);
  return { lo, hi, colors };
}

/** Bucket of a value: 0 … n−1, or 'under' (0 or below the smallest float we show) / 'over' (+∞, NaN). */
export function bucketOf(v: number, scale: HeatScale): number | 'under' | 'over' {
  if (Number.isNaN(v) || v === Infinity) return 'over';
  if (!(v > 0)) return 'under';
  const n = scale.colors.length;
  const t = (Math.log10(v) - scale.lo) / (scale.hi - scale.lo);
  return Math.min(n - 1, Math.max(0, Math.floor(t * n)));
}

/** Records kept as columns: neighbours at least `maxStep / columns` steps apart; the last is always kept. */
export function heatColumns(records: readonly TrainRecord[], columns: number): TrainRecord[] {
  const withGrad = records.filter((r) => r.step > 0);
  if (withGrad.length === 0) return [];
  const maxStep = withGrad[withGrad.length - 1].step;
  const gap = maxStep / columns;
  const out: TrainRecord[] = [];
  let prev = 0;
  for (let i = 0; i < withGrad.length; i++) {
    const r = withGrad[i];
    if (i === withGrad.length - 1 || r.step - prev >= gap) {
      out.push(r);
      prev = r.step;
    }
  }
  return out;
}

interface HeatPaths {
  /** One path per colour bucket (same order as scale.colors). */
  buckets: string[];
  under: string;
  over: string;
}

/**
 * SVG paths of the cells. Column k spans steps (step of column k−1, step of column k];
 * row l (layer l + 1) sits `l` rows above the bottom: the input layer is the bottom row.
 */
export function heatPaths(
  columns: readonly TrainRecord[],
  layers: number,
  x: (step: number) => number,
  plot: { y0: number; y1: number },
  scale: HeatScale,
): HeatPaths {
  const buckets = scale.colors.map(() => '');
  let under = '';
  let over = '';
  const rowH = (plot.y0 - plot.y1) / layers;
  for (let l = 0; l < layers; l++) {
    const top = r2(plot.y0 - (l + 1) * rowH);
    const h = r2(rowH);
    const bucketAt = (i: number) => (l < columns[i].grad.length ? bucketOf(columns[i].grad[l], scale) : 'under');
    forEachRun(columns.length, bucketAt, (bucket, start, end) => {
      const xa = r2(x(start === 0 ? 0 : columns[start - 1].step));
      const w = r2(x(columns[end - 1].step) - xa);
      const cell = `M${xa},${top}h${w}v${h}h${-w}z`;
      if (bucket === 'under') under += cell;
      else if (bucket === 'over') over += cell;
      else buckets[bucket] += cell;
    });
  }
  return { buckets, under, over };
}
