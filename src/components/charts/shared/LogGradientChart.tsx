/**
 * Per-layer gradient norms on a log y-axis (input layer on the left).
 * Presentational: values arrive precomputed. A value that is 0 or not finite
 * cannot sit on a log axis, so it is drawn as an explicit triangle at the
 * bottom (or, for +∞, the top) edge with a label, never as a missing line.
 */
import { BottomAxis, SideAxis, type Tick } from './Axis';
import { ChartSvg, type ChartBase } from './ChartSvg';
import { logTick, OVERFLOW_TEXT, UNDERFLOW_TEXT } from './format';
import { plotArea, spreadLabels, type Frame } from './frame';
import { linearScale, logScale, plottable, polylinePath, r2, symbolPath } from './scales';

export interface LogSeries {
  key: string;
  colorClass: string;
  /** `theory` lines are dashed and thinner. */
  style: 'solid' | 'theory';
  symbol: number;
  endLabel: string;
  /** values[l - 1] belongs to layer l (1 = next to the input). */
  values: readonly number[];
}

interface LogGradientChartProps extends ChartBase {
  depth: number;
  series: readonly LogSeries[];
  /** Positive, finite y domain (powers of ten work best). */
  yDomain: readonly [number, number];
  xLabel: string;
  yLabel: string;
}

/** Layer axis shared by the lab charts: layer 1 … depth, padded by half a layer. */
export function layerScale(frame: Frame, depth: number) {
  const { x0, x1 } = plotArea(frame);
  return linearScale([0.5, depth + 0.5], [x0, x1]);
}

/** Integer layer ticks, at most `count` of them, always including 1 and `depth`. */
export function layerTicks(scale: (v: number) => number, depth: number, count: number): Tick[] {
  const step = niceStep(depth, count);
  const values = new Set<number>([1]);
  for (let v = step; v <= depth; v += step) values.add(v);
  if (depth - [...values].pop()! >= step / 2) values.add(depth);
  return [...values].map((v) => ({ pos: r2(scale(v)), label: String(v) }));
}

/** The smallest of 1, 2, 5, 10, 20, 25, 50 that keeps the ticks at most `count`. */
const niceStep = (depth: number, count: number) => [1, 2, 5, 10, 20, 25, 50].find((s) => s >= depth / count) ?? 50;

/** Powers of ten inside the domain, thinned to at most `count` labels. */
export function decadeTicks(scale: (v: number) => number, domain: readonly [number, number], count: number): Tick[] {
  const lo = Math.ceil(Math.log10(domain[0]) - 1e-9);
  const hi = Math.floor(Math.log10(domain[1]) + 1e-9);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const ticks: Tick[] = [];
  for (let e = hi; e >= lo; e -= step) {
    const v = 10 ** e;
    ticks.push({ pos: r2(scale(v)), label: logTick(v) });
  }
  return ticks;
}

export function LogGradientChart(props: LogGradientChartProps) {
  const { frame, depth, series, yDomain } = props;
  const { x0, x1, y0, y1 } = plotArea(frame);
  const x = layerScale(frame, depth);
  const y = logScale(yDomain, [y0, y1]);
  const path = (values: readonly number[]) =>
    polylinePath(
      values.length,
      (i) => x(i + 1),
      (i) => y(values[i]),
      (i) => plottable(values[i]),
    );

  const ends = series.map((s) => {
    for (let i = s.values.length - 1; i >= 0; i--) if (plottable(s.values[i])) return y(s.values[i]);
    return y0;
  });
  const labelY = spreadLabels(ends, frame.font + 2, y1 + frame.font / 2, y0 - frame.font / 2);
  const markerSize = frame.endLabels ? 6 : 5;

  return (
    <ChartSvg {...props}>
      <SideAxis frame={frame} ticks={decadeTicks(y, yDomain, frame.yTicks)} title={props.yLabel} />
      <BottomAxis frame={frame} ticks={layerTicks(x, depth, frame.xTicks)} title={props.xLabel} />
      {series.map((s, si) => {
        const under: number[] = [];
        const over: number[] = [];
        s.values.forEach((v, i) => {
          if (v === Infinity) over.push(i + 1);
          else if (!plottable(v)) under.push(i + 1);
        });
        const single = s.values.filter(plottable).length === 1;
        return (
          <g key={s.key} class={s.colorClass}>
            <path class={`series${s.style === 'theory' ? ' theory' : ''}`} d={path(s.values)} />
            {(single || depth === 1) &&
              s.values.map((v, i) =>
                plottable(v) ? (
                  <path
                    key={i}
                    class="symbol"
                    transform={`translate(${x(i + 1)},${y(v)})`}
                    d={symbolPath(s.symbol, 40)}
                  />
                ) : null,
              )}
            {under.map((layer) => (
              <path
                key={`u${layer}`}
                class="underflow"
                data-underflow={layer}
                d={`M${x(layer) - markerSize},${y0 - markerSize * 1.6 - si * 3}h${markerSize * 2}l${-markerSize},${markerSize * 1.6}z`}
              />
            ))}
            {under.length > 0 && (
              <text
                class="underflow-label"
                x={Math.min(x1 - 4, Math.max(x0 + 4, x(under[0])))}
                y={y0 - markerSize * 2 - 4 - si * (frame.font + 2)}
                font-size={frame.font * 0.9}
                text-anchor={x(under[0]) > (x0 + x1) / 2 ? 'end' : 'start'}
              >
                {`▼ ${UNDERFLOW_TEXT}`}
              </text>
            )}
            {over.map((layer) => (
              <path
                key={`o${layer}`}
                class="underflow"
                data-overflow={layer}
                d={`M${x(layer) - markerSize},${y1 + markerSize * 1.6}h${markerSize * 2}l${-markerSize},${-markerSize * 1.6}z`}
              />
            ))}
            {over.length > 0 && (
              <text class="underflow-label" x={x(over[0]) + 8} y={y1 + frame.font} font-size={frame.font * 0.9}>
                {`▲ ${OVERFLOW_TEXT}`}
              </text>
            )}
            {plottable(s.values[depth - 1]) && (
              <path
                class={`symbol${s.style === 'theory' ? ' hollow' : ''}`}
                transform={`translate(${x(depth)},${r2(ends[si])})`}
                d={symbolPath(s.symbol, frame.endLabels ? 56 : 40)}
              />
            )}
            {frame.endLabels && (
              <text class="end-label" x={x1 + 10} y={labelY[si]} dy="0.35em" font-size={frame.font}>
                {s.endLabel}
              </text>
            )}
          </g>
        );
      })}
    </ChartSvg>
  );
}
