/**
 * Line chart of f and f′ for the activation explorer. Purely presentational:
 * it receives sampled points, regions and marks, builds d3 scales and paths,
 * and reports pointer positions (in data units) back to its owner.
 */
import { BottomAxis, SideAxis } from './Axis';
import { ChartSvg, type ChartBase } from './ChartSvg';
import { plotArea, spreadLabels, type Frame } from './frame';
import { axisTicks, linearScale, polylinePath, r2, symbolPath } from './scales';
import { PATH_TOLERANCE } from './simplify';
import { textWidth } from './format';

export type Point = readonly [number, number];

export interface PlotLine {
  key: string;
  colorClass: string;
  /** Dashed derivative line (f′) rather than the function itself. */
  deriv: boolean;
  points: readonly Point[];
  symbol: number;
  /** Direct label at the right end (wide frames only). */
  endLabel?: string;
}

export interface ShadeRegion {
  key: string;
  colorClass: string;
  x0: number;
  x1: number;
  label: string;
  /** Row of the label, so labels of overlapping regions do not collide. */
  row: number;
}

export interface PeakMark {
  key: string;
  colorClass: string;
  x: number;
  y: number;
  label: string;
}

interface CrossDot {
  key: string;
  colorClass: string;
  y: number;
}

interface LinePlotProps extends ChartBase {
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  xLabel: string;
  yLabel: string;
  lines: readonly PlotLine[];
  shades?: readonly ShadeRegion[];
  peaks?: readonly PeakMark[];
  crosshair?: { x: number; dots: readonly CrossDot[] } | null;
  /** Accessible name of the focusable plot area. */
  plotLabel?: string;
  describedBy?: string;
  onPointerX?: (x: number | null) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
}

/** d3 scales of a LinePlot; exported for tests and for pointer mapping. */
export function linePlotScales(frame: Frame, xDomain: readonly [number, number], yDomain: readonly [number, number]) {
  const { x0, x1, y0, y1 } = plotArea(frame);
  return {
    x: linearScale(xDomain, [x0, x1]),
    y: linearScale(yDomain, [y0, y1]),
  };
}

/**
 * SVG path of a polyline through data points (non-finite points leave gaps), simplified to
 * within PATH_TOLERANCE of the samples: the curves are sampled densely, drawn sparsely.
 */
export function linePath(points: readonly Point[], x: (v: number) => number, y: (v: number) => number): string {
  return polylinePath(
    points.length,
    (i) => x(points[i][0]),
    (i) => y(points[i][1]),
    (i) => Number.isFinite(points[i][0]) && Number.isFinite(points[i][1]),
    PATH_TOLERANCE,
  );
}

export function LinePlot(props: LinePlotProps) {
  const { idPrefix, frame, xDomain, yDomain, lines, shades = [], peaks = [], crosshair } = props;
  const { x, y } = linePlotScales(frame, xDomain, yDomain);
  const { x0, x1, y0, y1 } = plotArea(frame);
  const zeroY = yDomain[0] < 0 && yDomain[1] > 0 ? y(0) : null;

  const ends = lines.map((l) => {
    const last = [...l.points].reverse().find((p) => Number.isFinite(p[1]));
    return last ? Math.min(y0, Math.max(y1, y(last[1]))) : y0;
  });
  const labelled = frame.endLabels ? lines.map((l, i) => ({ l, i })).filter(({ l }) => l.endLabel) : [];
  const labelY = spreadLabels(
    labelled.map(({ i }) => ends[i]),
    frame.font + 2,
    y1 + frame.font / 2,
    y0,
  );

  // Peak labels sit above their marks; close ones stack upwards (spread on −y).
  const peakY = spreadLabels(
    peaks.map((p) => 8 - y(p.y)),
    frame.font + 2,
    -y0,
    -(y1 + frame.font),
  ).map((v) => -v);

  function toDataX(event: PointerEvent): number | null {
    const svg = (event.currentTarget as Element).querySelector('svg');
    if (!svg) return null;
    const rect = svg.getBoundingClientRect();
    if (rect.width === 0) return null;
    const u = ((event.clientX - rect.left) / rect.width) * frame.width;
    if (u < x0 - 4 || u > x1 + 4) return null;
    const v = x.invert(Math.min(x1, Math.max(x0, u)));
    return Math.min(xDomain[1], Math.max(xDomain[0], v));
  }

  const onPointer = props.onPointerX;
  return (
    <div
      class="dl-plot"
      tabIndex={0}
      role="group"
      aria-label={props.plotLabel}
      aria-describedby={props.describedBy}
      onKeyDown={props.onKeyDown}
      onPointerMove={onPointer && ((e) => onPointer(toDataX(e)))}
      onPointerDown={onPointer && ((e) => onPointer(toDataX(e)))}
      onPointerLeave={onPointer && ((e) => e.pointerType === 'mouse' && onPointer(null))}
    >
      <ChartSvg {...props} clipPad={2}>
        <g class="shades">
          {shades.map((s) => (
            <g key={s.key} class={s.colorClass}>
              <rect class="shade" x={x(s.x0)} y={y1} width={Math.max(0, x(s.x1) - x(s.x0))} height={y0 - y1} />
              {x(s.x1) - x(s.x0) > textWidth(s.label, frame.font * 0.9) + 8 && (
                <text
                  class="shade-label"
                  x={(x(s.x0) + x(s.x1)) / 2}
                  y={y1 + frame.font * (1.2 + 1.2 * s.row)}
                  text-anchor="middle"
                  font-size={frame.font * 0.9}
                >
                  {s.label}
                </text>
              )}
            </g>
          ))}
        </g>
        <SideAxis frame={frame} ticks={axisTicks(y, frame.yTicks)} title={props.yLabel} />
        <BottomAxis frame={frame} ticks={axisTicks(x, frame.xTicks)} title={props.xLabel} />
        {zeroY !== null && <line class="zero-line" x1={x0} x2={x1} y1={zeroY} y2={zeroY} />}
        <g clip-path={`url(#${idPrefix}-clip)`}>
          {lines.map((l) => (
            <path key={l.key} class={`series ${l.colorClass}${l.deriv ? ' deriv' : ''}`} d={linePath(l.points, x, y)} />
          ))}
        </g>
        <g class="ends">
          {lines.map((l, i) => (
            <path
              key={l.key}
              class={`symbol ${l.colorClass}${l.deriv ? ' hollow' : ''}`}
              transform={`translate(${x1},${r2(ends[i])})`}
              d={symbolPath(l.symbol, frame.endLabels ? 56 : 40)}
            />
          ))}
          {labelled.map(({ l }, k) => (
            <text
              key={l.key}
              class={`end-label ${l.colorClass}`}
              x={x1 + 10}
              y={labelY[k]}
              dy="0.35em"
              font-size={frame.font}
            >
              {l.endLabel}
            </text>
          ))}
        </g>
        <g class="peaks">
          {peaks.map((p, i) => (
            <g key={p.key} class={p.colorClass}>
              <circle class="peak" cx={x(p.x)} cy={y(p.y)} r={5} />
              <text class="peak-label" x={x(p.x) + 8} y={peakY[i]} font-size={frame.font * 0.9}>
                {p.label}
              </text>
            </g>
          ))}
        </g>
        {crosshair && (
          <g class="cross" aria-hidden="true">
            <line class="crosshair" x1={x(crosshair.x)} x2={x(crosshair.x)} y1={y0} y2={y1} />
            {crosshair.dots.map((d) =>
              Number.isFinite(d.y) && d.y >= yDomain[0] && d.y <= yDomain[1] ? (
                <circle key={d.key} class={`cross-dot ${d.colorClass}`} cx={x(crosshair.x)} cy={y(d.y)} r={4.5} />
              ) : null,
            )}
          </g>
        )}
      </ChartSvg>
    </div>
  );
}
