/**
 * Layer × step heatmap of ‖∂L/∂W_l‖ on a log colour scale. The input layer is
 * the bottom row (the y-axis title says so); the colour legend below is
 * labelled in powers of ten. Cells are drawn as one path per colour bucket
 * (heatmap-data.ts). Presentational.
 */
import { BottomAxis, SideAxis } from '../shared/Axis';
import { ChartSvg, type ChartBase } from '../shared/ChartSvg';
import { logTick, UNDERFLOW_TEXT, OVERFLOW_TEXT } from '../shared/format';
import { plotArea } from '../shared/frame';
import { axisTicks, linearScale, niceDomain, r2 } from '../shared/scales';
import { heatColumns, heatPaths, type HeatScale } from './heatmap-data';
import type { TrainRecord } from './history';

interface GradHeatmapProps extends ChartBase {
  records: readonly TrainRecord[];
  /** Layers drawn: depth + 1 (hidden layers and the output layer). */
  layers: number;
  scale: HeatScale;
}

/** Integer layer ticks on the y axis: 1 (input side), the output layer, and a few in between. */
function layerTicks(layers: number, y: (l: number) => number, count: number) {
  const step = Math.max(1, Math.ceil(layers / count));
  const values = new Set<number>([1, layers]);
  for (let v = step; v < layers; v += step) if (v > 1 && layers - v >= step / 2) values.add(v);
  return [...values].sort((a, b) => a - b).map((v) => ({ pos: r2(y(v)), label: v === layers ? '출력' : String(v) }));
}

export function GradHeatmap(props: GradHeatmapProps) {
  const { frame, records, layers, scale } = props;
  const area = plotArea(frame);
  const { x0, x1, y0, y1 } = area;
  const maxStep = Math.max(10, records.length ? records[records.length - 1].step : 0);
  const x = linearScale(niceDomain([0, maxStep], frame.xTicks), [x0, x1]);
  const rowH = (y0 - y1) / layers;
  const yOf = (layer: number) => y0 - (layer - 0.5) * rowH;
  const columns = heatColumns(records, frame.width > 400 ? 120 : 60);
  const paths = heatPaths(columns, layers, x, area, scale);
  const xTicks = axisTicks(x, frame.xTicks);
  return (
    <ChartSvg {...props}>
      <rect class="heat-bg" x={x0} y={y1} width={x1 - x0} height={y0 - y1} />
      <g class="heat" data-columns={columns.length}>
        {paths.buckets.map((d, i) => (d ? <path key={i} fill={scale.colors[i]} d={d} /> : null))}
        {paths.under && <path class="heat-under" data-under="" d={paths.under} />}
        {paths.over && <path class="heat-over" data-over="" d={paths.over} />}
      </g>
      <SideAxis frame={frame} ticks={layerTicks(layers, yOf, frame.yTicks)} title="층 (아래: 입력층)" grid={false} />
      <BottomAxis frame={frame} ticks={xTicks} title="학습 단계" grid={false} />
      {!frame.endLabels && (
        <text class="axis-title" x={x0} y={y1 - 2} font-size={frame.font * 0.9}>
          ↑ 출력층 · ↓ 입력층
        </text>
      )}
    </ChartSvg>
  );
}

/** Colour legend: one swatch per bucket, labelled at the powers of ten. */
export function HeatLegend({
  scale,
  idPrefix,
  showUnder,
  showOver,
}: {
  scale: HeatScale;
  idPrefix: string;
  showUnder: boolean;
  showOver: boolean;
}) {
  const W = 360;
  const left = 12;
  const right = W - 12;
  const n = scale.colors.length;
  const w = (right - left) / n;
  const decades = scale.hi - scale.lo;
  const every = Math.max(1, Math.ceil(decades / 6));
  const labels: { x: number; text: string }[] = [];
  for (let e = scale.lo; e <= scale.hi; e += every) {
    labels.push({ x: left + ((e - scale.lo) / decades) * (right - left), text: logTick(10 ** e) });
  }
  return (
    <div class="dl-heat-legend">
      <svg class="dl-svg" viewBox={`0 0 ${W} 34`} role="img" aria-labelledby={`${idPrefix}-legend`}>
        <title id={`${idPrefix}-legend`}>
          {`색 범례 (로그 눈금): 어두운 색 ${logTick(10 ** scale.lo)} 이하부터 밝은 색 ${logTick(10 ** scale.hi)}까지`}
        </title>
        {scale.colors.map((c, i) => (
          <rect key={i} fill={c} x={r2(left + i * w)} y={2} width={Math.round(w * 100 + 1) / 100} height={12} />
        ))}
        {labels.map((l) => (
          <text key={l.text} x={l.x} y={30} text-anchor="middle" font-size={11}>
            {l.text}
          </text>
        ))}
      </svg>
      {(showUnder || showOver) && (
        <p class="dl-note">
          {showUnder && (
            <span>
              <span class="heat-key heat-under-key" aria-hidden="true" /> 0 또는 {UNDERFLOW_TEXT}
            </span>
          )}
          {showOver && (
            <span>
              <span class="heat-key heat-over-key" aria-hidden="true" /> {OVERFLOW_TEXT} 또는 계산 불가
            </span>
          )}
        </p>
      )}
    </div>
  );
}
