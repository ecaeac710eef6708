/**
 * Decision boundary: the predicted probability of class 1 over the input
 * plane (a coarse grid, one path per probability band) with the data points
 * (training filled, test hollow; class 0 circles, class 1 squares).
 * Presentational; the probabilities arrive precomputed.
 */
import { useMemo } from 'preact/hooks';
import { forEachRun, r2 } from '../shared/scales';
import type { Boundary, PointSet } from './view';

interface BoundaryChartProps {
  idPrefix: string;
  title: string;
  desc: string;
  /** Half-width of the square input plane shown: [−extent, extent]². */
  extent: number;
  boundary: Boundary | null;
  train: PointSet;
  test: PointSet;
}

const SIZE = 300;
/** Probability bands: 10 of them, each drawn in its class's colour at an opacity growing away from 0.5. */
const BANDS = 10;

/** One path per band of p = P(class 1): cells with p in [b/10, (b+1)/10). */
function boundaryPaths(b: Boundary, size = SIZE): string[] {
  const out = Array.from({ length: BANDS }, () => '');
  const cell = size / b.res;
  for (let j = 0; j < b.res; j++) {
    const top = r2(size - (j + 1) * cell);
    const bandAt = (i: number) => {
      const p = b.prob[j * b.res + i];
      return Number.isFinite(p) ? Math.min(BANDS - 1, Math.max(0, Math.floor(p * BANDS))) : -1;
    };
    forEachRun(b.res, bandAt, (band, start, end) => {
      if (band >= 0)
        out[band] +=
          `M${r2(start * cell)},${top}h${r2((end - start) * cell)}v${r2(cell)}h${-r2((end - start) * cell)}z`;
    });
  }
  return out;
}

/** Circles (class 0) or squares (class 1) at the points of one class, as one path. */
function pointsPath(set: PointSet, cls: 0 | 1, extent: number, size = SIZE): string {
  const s = size / (2 * extent);
  const r = 3;
  let d = '';
  for (let i = 0; i < set.y.length; i++) {
    if (set.y[i] !== cls) continue;
    const px = r2((set.x[2 * i] + extent) * s);
    const py = r2(size - (set.x[2 * i + 1] + extent) * s);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    d +=
      cls === 0
        ? `M${r2(px - r)},${py}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`
        : `M${r2(px - r)},${r2(py - r)}h${2 * r}v${2 * r}h${-2 * r}z`;
  }
  return d;
}

export function BoundaryChart(props: BoundaryChartProps) {
  const { boundary, train, test, extent, idPrefix } = props;
  // The points change only with a new run and the boundary a few times a second: redraws in between reuse the strings.
  const bands = useMemo(() => (boundary ? boundaryPaths(boundary) : []), [boundary]);
  const points = useMemo(
    () => [
      pointsPath(train, 0, extent),
      pointsPath(train, 1, extent),
      pointsPath(test, 0, extent),
      pointsPath(test, 1, extent),
    ],
    [train, test, extent],
  );
  return (
    <svg
      class="dl-svg dl-boundary"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
    >
      <title id={`${idPrefix}-title`}>{props.title}</title>
      <desc id={`${idPrefix}-desc`}>{props.desc}</desc>
      <rect class="heat-bg" x={0} y={0} width={SIZE} height={SIZE} />
      {bands.map((d, k) =>
        d ? (
          <path
            key={k}
            class={k < BANDS / 2 ? 'band-0' : 'band-1'}
            fill-opacity={r2((Math.abs(k + 0.5 - BANDS / 2) / (BANDS / 2)) * 0.55)}
            d={d}
          />
        ) : null,
      )}
      <path class="pt pt-0" d={points[0]} />
      <path class="pt pt-1" d={points[1]} />
      <path class="pt pt-0 pt-test" d={points[2]} />
      <path class="pt pt-1 pt-test" d={points[3]} />
    </svg>
  );
}
