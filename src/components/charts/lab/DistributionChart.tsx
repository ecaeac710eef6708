/**
 * Per-layer distribution of activations: mean ± std as a band with the mean
 * as a line, and the saturated (sigmoid/tanh) or dead (ReLU family) fraction
 * as bars on a 0–100 % axis at the right — the picture of Glorot & Bengio (2010).
 * Presentational: statistics arrive precomputed.
 */
import { BottomAxis, SideAxis, type Tick } from '../shared/Axis';
import { ChartSvg, type ChartBase } from '../shared/ChartSvg';
import { plotArea } from '../shared/frame';
import { layerScale, layerTicks } from '../shared/LogGradientChart';
import { axisTicks, bandPath, linearScale, polylinePath, r2 } from '../shared/scales';

interface DistributionChartProps extends ChartBase {
  depth: number;
  mean: ArrayLike<number>;
  std: ArrayLike<number>;
  /** Fraction (0–1) of saturated or dead units per layer. */
  fraction: ArrayLike<number>;
  yDomain: readonly [number, number];
  xLabel: string;
  yLabel: string;
  fractionLabel: string;
}

const finite = (v: number) => Number.isFinite(v);

export function DistributionChart(props: DistributionChartProps) {
  const { frame, depth, mean, std, fraction, yDomain, idPrefix } = props;
  const { x0, x1, y0, y1 } = plotArea(frame);
  const x = layerScale(frame, depth);
  const y = linearScale(yDomain, [y0, y1], true);
  const yf = linearScale([0, 1], [y0, y1]);
  const layers = Array.from({ length: depth }, (_, i) => i);
  const lx = (i: number) => x(i + 1);
  const band = bandPath(
    depth,
    lx,
    (i) => y(mean[i] - std[i]),
    (i) => y(mean[i] + std[i]),
    (i) => finite(mean[i]) && finite(std[i]),
  );
  const meanLine = polylinePath(
    depth,
    lx,
    (i) => y(mean[i]),
    (i) => finite(mean[i]),
  );
  const barWidth = Math.max(1, ((x1 - x0) / depth) * 0.6);
  const yTicks = axisTicks(y, frame.yTicks);
  const fTicks: Tick[] = [0, 0.25, 0.5, 0.75, 1]
    .filter((_, i) => frame.endLabels || i % 2 === 0)
    .map((v) => ({ pos: yf(v), label: `${v * 100}%` }));
  const zeroY = yDomain[0] < 0 && yDomain[1] > 0 ? y(0) : null;

  return (
    <ChartSvg {...props} clipPad={0}>
      <SideAxis frame={frame} ticks={yTicks} title={props.yLabel} />
      <SideAxis
        frame={frame}
        ticks={fTicks}
        title={frame.endLabels ? props.fractionLabel : undefined}
        side="right"
        grid={false}
      />
      <BottomAxis frame={frame} ticks={layerTicks(x, depth, frame.xTicks)} title={props.xLabel} />
      <g class="c-bar">
        {Array.from(fraction, (f, i) =>
          finite(f) && f > 0 ? (
            <rect
              key={i}
              class="bar"
              x={r2(x(i + 1) - barWidth / 2)}
              y={r2(yf(f))}
              width={r2(barWidth)}
              height={r2(y0 - yf(f))}
            />
          ) : null,
        )}
      </g>
      {zeroY !== null && <line class="zero-line" x1={x0} x2={x1} y1={zeroY} y2={zeroY} />}
      <g class="c-band" clip-path={`url(#${idPrefix}-clip)`}>
        <path class="band" d={band} />
        <path class="series thin" d={meanLine} />
        {depth <= 30 &&
          layers.map((i) =>
            finite(mean[i]) ? <circle key={i} class="symbol" cx={x(i + 1)} cy={y(mean[i])} r={2.5} /> : null,
          )}
      </g>
    </ChartSvg>
  );
}
