/**
 * Scales and SVG path strings for the charts, kept small for the island bundle:
 * ticks, tick formats and nice domains come from d3-scale (scaleIdentity, which
 * carries d3's tick logic without d3-interpolate/d3-color), the affine and
 * logarithmic mappings are one line each.
 */
import { scaleIdentity } from 'd3-scale';
import { simplifyIndices } from './simplify';

export interface Scale {
  (v: number): number;
  invert(u: number): number;
  domain: readonly [number, number];
}

export interface LinearScale extends Scale {
  /** d3's ticks for the domain. */
  ticks(count: number): number[];
  /** d3's matching tick format (true minus sign, precision from the tick step). */
  tickFormat(count: number): (v: number) => string;
}

/** Linear map domain → range; ticks and their format from d3-scale. */
export function scaleLinearLite(domain: readonly [number, number], range: readonly [number, number], clamp = false): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0 || 1);
  const d3 = scaleIdentity().domain([d0, d1]);
  const s = ((v: number) => r0 + ((clamp ? Math.min(Math.max(v, Math.min(d0, d1)), Math.max(d0, d1)) : v) - d0) * k) as LinearScale;
  s.invert = (u) => d0 + (u - r0) / k;
  s.domain = [d0, d1];
  s.ticks = (count) => d3.ticks(count);
  s.tickFormat = (count) => d3.tickFormat(count);
  return s;
}

/** Log10 map of a positive domain (clamped to it) → range. */
export function scaleLog10(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const l0 = Math.log10(domain[0]);
  const l1 = Math.log10(domain[1]);
  const [r0, r1] = range;
  const k = (r1 - r0) / (l1 - l0 || 1);
  const s = ((v: number) => r0 + (Math.min(Math.max(Math.log10(v), l0), l1) - l0) * k) as Scale;
  s.invert = (u) => 10 ** (l0 + (u - r0) / k);
  s.domain = [domain[0], domain[1]];
  return s;
}

/** d3's nice() of a domain: [−0.07, 1.03] → [−0.2, 1.2] for 8 ticks. */
export function niceDomain(domain: readonly [number, number], count: number): [number, number] {
  const [a, b] = scaleIdentity().domain([domain[0], domain[1]]).nice(count).domain();
  return [a, b];
}

/** d3's ticks over a domain. */
export function ticksOf(domain: readonly [number, number], count: number): number[] {
  return scaleIdentity().domain([domain[0], domain[1]]).ticks(count);
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A polyline through (x[i], y[i]) for i where `defined(i)`, rounded to 0.01;
 * undefined points split it into segments (a lone point is `M…Z`, like d3-shape).
 * With a `tolerance` (> 0, in SVG units) each segment keeps only the points needed to stay
 * within it of the full polyline (`simplifyIndices`), for densely sampled curves.
 */
export function polylinePath(
  n: number,
  x: (i: number) => number,
  y: (i: number) => number,
  defined: (i: number) => boolean,
  tolerance = 0,
): string {
  let d = '';
  let xs: number[] = [];
  let ys: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (i < n && defined(i)) {
      xs.push(x(i));
      ys.push(y(i));
      continue;
    }
    if (xs.length === 1) d += `M${r2(xs[0])},${r2(ys[0])}Z`;
    else if (xs.length > 1) {
      const kept = tolerance > 0 ? simplifyIndices(xs, ys, tolerance) : xs.map((_, k) => k);
      kept.forEach((k, j) => (d += `${j ? 'L' : 'M'}${r2(xs[k])},${r2(ys[k])}`));
    }
    xs = [];
    ys = [];
  }
  return d;
}

/** A closed band between y0(i) (lower) and y1(i) (upper) over each defined run. */
export function bandPath(
  n: number,
  x: (i: number) => number,
  y0: (i: number) => number,
  y1: (i: number) => number,
  defined: (i: number) => boolean,
): string {
  let d = '';
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const ok = i < n && defined(i);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      for (let j = start; j < i; j++) d += `${j === start ? 'M' : 'L'}${r2(x(j))},${r2(y1(j))}`;
      for (let j = i - 1; j >= start; j--) d += `L${r2(x(j))},${r2(y0(j))}`;
      d += 'Z';
      start = -1;
    }
  }
  return d;
}

/** Closed polygon path through [x, y] pairs (for symbols). */
function polygon(pts: readonly (readonly [number, number])[]): string {
  return pts.map(([x, y], i) => `${i ? 'L' : 'M'}${r2(x)},${r2(y)}`).join('') + 'Z';
}

const SQRT3 = Math.sqrt(3);

/**
 * Path of the i-th symbol shape, centred on 0,0 with the given area:
 * circle, square, triangle, diamond, cross, downward triangle, hexagon.
 */
export function symbolShape(index: number, area: number): string {
  switch (((index % 7) + 7) % 7) {
    case 0: {
      const r = Math.sqrt(area / Math.PI);
      return `M${r2(r)},0A${r2(r)},${r2(r)},0,1,1,${r2(-r)},0A${r2(r)},${r2(r)},0,1,1,${r2(r)},0Z`;
    }
    case 1: {
      const s = Math.sqrt(area) / 2;
      return polygon([[-s, -s], [s, -s], [s, s], [-s, s]]);
    }
    case 2:
    case 5: {
      const a = Math.sqrt((4 * area) / SQRT3);
      const h = (SQRT3 / 2) * a;
      const f = index % 7 === 2 ? 1 : -1;
      return polygon([[0, (-2 * h * f) / 3], [a / 2, (h * f) / 3], [-a / 2, (h * f) / 3]]);
    }
    case 3: {
      const r = Math.sqrt(area / 2);
      return polygon([[0, -r * 1.2], [r / 1.2, 0], [0, r * 1.2], [-r / 1.2, 0]]);
    }
    case 4: {
      const r = Math.sqrt(area / 5) / 2;
      return polygon([[-3 * r, -r], [-r, -r], [-r, -3 * r], [r, -3 * r], [r, -r], [3 * r, -r], [3 * r, r], [r, r], [r, 3 * r], [-r, 3 * r], [-r, r], [-3 * r, r]]);
    }
    default: {
      const r = Math.sqrt((2 * area) / (3 * SQRT3));
      return polygon(Array.from({ length: 6 }, (_, k) => [r * Math.cos((k * Math.PI) / 3), r * Math.sin((k * Math.PI) / 3)] as const));
    }
  }
}
