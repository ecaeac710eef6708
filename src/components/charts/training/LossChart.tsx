/**
 * Train and test loss over steps (left axis) and test accuracy (right axis,
 * 0–100 %), with a pinned run's training loss as a dashed reference and a
 * marker at the step where training diverged. Presentational.
 */
import { BottomAxis, SideAxis } from '../shared/Axis';
import { ChartSvg, type ChartBase } from '../shared/ChartSvg';
import { plotArea } from '../shared/frame';
import { axisTicks, linearScale, niceDomain, polylinePath, r2 } from '../shared/scales';
import type { TrainRecord } from './history';

interface LossChartProps extends ChartBase {
  records: readonly TrainRecord[];
  pinned: readonly TrainRecord[] | null;
  divergedStep: number | null;
  yLabel: string;
}

/** Losses above this many times the first finite one are clipped (a diverging run would flatten the rest). */
const CLIP_FACTOR = 4;

/** The y domain: [0, nice max of the finite losses], at most CLIP_FACTOR × the starting loss. */
export function lossDomain(runs: readonly (readonly TrainRecord[])[]): [number, number] {
  let max = 0;
  let first = 0;
  for (const rs of runs) {
    for (const r of rs) {
      for (const v of [r.trainLoss, r.testLoss]) {
        if (!Number.isFinite(v)) continue;
        if (first === 0 && v > 0) first = v;
        if (v > max) max = v;
      }
    }
  }
  const top = Math.min(max, first * CLIP_FACTOR) || 1;
  return niceDomain([0, top], 5);
}

export function LossChart(props: LossChartProps) {
  const { frame, records, pinned, divergedStep, idPrefix } = props;
  const { x0, x1, y0, y1 } = plotArea(frame);
  const maxStep = Math.max(
    10,
    records.length ? records[records.length - 1].step : 0,
    pinned?.length ? pinned[pinned.length - 1].step : 0,
  );
  const x = linearScale(niceDomain([0, maxStep], frame.xTicks), [x0, x1]);
  const y = linearScale(lossDomain(pinned ? [records, pinned] : [records]), [y0, y1]);
  const acc = linearScale([0, 1], [y0, y1]);
  const line = (rs: readonly TrainRecord[], pick: (r: TrainRecord) => number, s: (v: number) => number) =>
    polylinePath(
      rs.length,
      (i) => x(rs[i].step),
      (i) => s(Math.min(pick(rs[i]), 1e300)),
      (i) => Number.isFinite(pick(rs[i])),
      0.5,
    );
  const percentTick = (v: number) => `${Math.round(v * 100)}%`;
  return (
    <ChartSvg {...props} clipPad={2}>
      <SideAxis frame={frame} ticks={axisTicks(y, frame.yTicks / 2 + 1)} title={props.yLabel} />
      <SideAxis frame={frame} ticks={axisTicks(acc, 4, percentTick)} side="right" grid={false} />
      <BottomAxis frame={frame} ticks={axisTicks(x, frame.xTicks)} title="학습 단계" />
      <g clip-path={`url(#${idPrefix}-clip)`}>
        {pinned && (
          <path class="series c-pin deriv thin" data-series="pinned" d={line(pinned, (r) => r.trainLoss, y)} />
        )}
        <path
          class="series c-acc theory thin"
          data-series="test-accuracy"
          d={line(records, (r) => r.testAccuracy, acc)}
        />
        <path class="series c-test deriv" data-series="test-loss" d={line(records, (r) => r.testLoss, y)} />
        <path class="series c-train" data-series="train-loss" d={line(records, (r) => r.trainLoss, y)} />
      </g>
      {divergedStep !== null && (
        <g class="c-diverged" data-diverged={divergedStep}>
          <path class="marker-line" d={`M${r2(x(divergedStep))},${y0}V${y1}`} />
          <text
            class="marker-label"
            x={x(divergedStep) - 4}
            y={y1 + frame.font}
            text-anchor="end"
            font-size={frame.font}
          >
            폭주
          </text>
        </g>
      )}
    </ChartSvg>
  );
}
