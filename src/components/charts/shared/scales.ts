/**
 * Scales, ticks and SVG paths of the charts, from d3 where it fits the island bundle:
 * d3-scale for nice domains, ticks and tick formats (through scaleIdentity, which carries
 * d3's tick logic without d3-interpolate and d3-color, about 5 KB gzip per bundle that
 * scaleLinear would add), d3-shape for line, area and symbol paths (rounded to 0.01). The
 * affine and log maps are one line each. What d3 lacks stays here too: simplifying a densely
 * sampled polyline (simplify.ts).
 */
import { scaleIdentity } from 'd3-scale';
import {
  area,
  line,
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3-shape';
import { simplifyIndices } from './simplify';

type Domain = readonly [number, number];

interface Scale {
  (v: number): number;
  invert(u: number): number;
}

interface LinearScale extends Scale {
  /** d3's ticks for the domain. */
  ticks(count: number): number[];
  /** d3's matching tick format (true minus sign, precision from the tick step). */
  tickFormat(count: number): (v: number) => string;
}

/** Linear map domain → range (clamped to the domain if asked); ticks and their format from d3-scale. */
export function linearScale([d0, d1]: Domain, [r0, r1]: Domain, clamp = false): LinearScale {
  const k = (r1 - r0) / (d1 - d0 || 1);
  const [lo, hi] = d0 < d1 ? [d0, d1] : [d1, d0];
  const ticks = scaleIdentity().domain([d0, d1]);
  return Object.assign((v: number) => r0 + ((clamp ? Math.min(Math.max(v, lo), hi) : v) - d0) * k, {
    invert: (u: number) => d0 + (u - r0) / k,
    ticks: (count: number) => ticks.ticks(count),
    tickFormat: (count: number) => ticks.tickFormat(count),
  });
}

/** A coordinate rounded to 0.01 (the precision of every path and position in the charts). */
export const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Calls `emit(value, start, end)` for each maximal run [start, end) of equal `valueAt(i)` over
 * 0 … n − 1: the heatmaps draw a row's run of same-coloured cells as one rectangle.
 */
export function forEachRun<T>(
  n: number,
  valueAt: (i: number) => T,
  emit: (value: T, start: number, end: number) => void,
) {
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && valueAt(i) === valueAt(start)) continue;
    emit(valueAt(start), start, i);
    start = i;
  }
}

/** A value a log axis can show: positive and finite. */
export const plottable = (v: number) => v > 0 && Number.isFinite(v);

/** Log10 map of a positive domain (clamped to it) → range. */
export function logScale(domain: Domain, [r0, r1]: Domain): Scale {
  const [l0, l1] = domain.map(Math.log10);
  const k = (r1 - r0) / (l1 - l0 || 1);
  return Object.assign((v: number) => r0 + (Math.min(Math.max(Math.log10(v), l0), l1) - l0) * k, {
    invert: (u: number) => 10 ** (l0 + (u - r0) / k),
  });
}

/** d3's nice() of a domain: [−0.07, 1.03] → [−0.2, 1.2] for 8 ticks. */
export function niceDomain(domain: Domain, count: number): [number, number] {
  const [a, b] = scaleIdentity().domain(domain).nice(count).domain();
  return [a, b];
}

/** The smallest range holding `start` and every finite value. */
export function finiteExtent(values: Iterable<number>, start: Domain): [number, number] {
  let [lo, hi] = start;
  for (const v of values) {
    if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  }
  return [lo, hi];
}

/** d3's ticks over a domain. */
export function ticksOf(domain: Domain, count: number): number[] {
  return scaleIdentity().domain(domain).ticks(count);
}

/** Axis ticks of a scale: position rounded to 0.01 and label (d3's tick format unless given). */
export function axisTicks(scale: LinearScale, count: number, format: (v: number) => string = scale.tickFormat(count)) {
  return scale.ticks(count).map((v) => ({ pos: r2(scale(v)), label: format(v) }));
}

type XY = readonly [number, number];
const isPoint = (p: XY | null): p is XY => p !== null;
const polyline = line<XY | null>()
  .defined(isPoint)
  .x((p) => p?.[0] ?? NaN)
  .y((p) => p?.[1] ?? NaN)
  .digits(2);

/**
 * A polyline through (x[i], y[i]) for i where `defined(i)`; undefined points split it into
 * segments (a lone point is `M…Z`). With a `tolerance` (> 0, in SVG units) each segment keeps
 * only the points needed to stay within it of the full polyline (`simplifyIndices`).
 */
export function polylinePath(
  n: number,
  x: (i: number) => number,
  y: (i: number) => number,
  defined: (i: number) => boolean,
  tolerance = 0,
): string {
  const points: (XY | null)[] = [];
  let xs: number[] = [];
  let ys: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (i < n && defined(i)) {
      xs.push(x(i));
      ys.push(y(i));
      continue;
    }
    const kept = tolerance > 0 ? simplifyIndices(xs, ys, tolerance) : xs.map((_, k) => k);
    for (const k of kept) points.push([xs[k], ys[k]]);
    points.push(null);
    xs = [];
    ys = [];
  }
  return polyline(points) ?? '';
}

/** A closed band between y0(i) (lower) and y1(i) (upper) over each defined run. */
export function bandPath(
  n: number,
  x: (i: number) => number,
  y0: (i: number) => number,
  y1: (i: number) => number,
  defined: (i: number) => boolean,
): string {
  const band = area<number>().defined(defined).x(x).y0(y0).y1(y1).digits(2);
  return band(Array.from({ length: n }, (_, i) => i)) ?? '';
}

/** Series symbols in order: circle, square, triangle, diamond, cross, star, wye (all of d3's filled shapes). */
const SYMBOLS: readonly SymbolType[] = [
  symbolCircle,
  symbolSquare,
  symbolTriangle,
  symbolDiamond,
  symbolCross,
  symbolStar,
  symbolWye,
];

/** Path of the i-th symbol shape, centred on 0,0 with the given area. */
export function symbolPath(index: number, area = 64): string {
  return symbol(SYMBOLS[((index % 7) + 7) % 7], area).digits(2)() ?? '';
}
