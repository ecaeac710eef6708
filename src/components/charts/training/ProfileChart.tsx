/**
 * The current per-layer ‖∂L/∂W_l‖ on the site's log gradient chart, with the
 * initialisation theory's slope (dotted) where one exists: a plain stack,
 * ratio √(n·Var[W]·E[f′²]) per layer, drawn through the last hidden layer's value.
 */
import type { Frame } from '../shared/frame';
import { LogGradientChart, type LogSeries } from '../shared/LogGradientChart';
import { Legend, type LegendEntry } from '../shared/marks';
import { gradText } from './format';
import type { HeatScale } from './heatmap-data';
import type { TrainRecord } from './history';
import { Subtitle } from '../shared/ChartSvg';

/** Theory values for the hidden layers 1 … layers − 1, anchored at the last hidden layer. */
export function theoryLine(grad: readonly number[], ratio: number): number[] {
  const hidden = grad.length - 1;
  const anchor = grad[hidden - 1];
  if (!(anchor > 0 && Number.isFinite(anchor)) || hidden < 2) return [];
  return Array.from({ length: hidden }, (_, l) => anchor * ratio ** (hidden - 1 - l));
}

export function ProfileChart(props: {
  id: string;
  frame: Frame;
  record: TrainRecord | undefined;
  layers: number;
  scale: HeatScale;
  theoryRatio: number | null;
}) {
  const { id, frame, record, layers, scale, theoryRatio } = props;
  const grad = record?.grad ?? [];
  const theory = theoryRatio !== null && grad.length ? theoryLine(grad, theoryRatio) : [];
  const series: LogSeries[] = [
    { key: 'w', colorClass: 'c-grad-w', style: 'solid', symbol: 1, endLabel: '‖∂L/∂W‖', values: grad },
  ];
  if (theory.length)
    series.push({ key: 't', colorClass: 'c-theory', style: 'theory', symbol: 2, endLabel: '이론', values: theory });
  const legend: LegendEntry[] = [
    { key: 'w', label: '‖∂L/∂W‖ 가중치 기울기', colorClass: 'c-grad-w', line: 'solid', symbol: 1 },
  ];
  if (theory.length)
    legend.push({
      key: 't',
      label: `초기화 이론: 층마다 ${gradText(theoryRatio!)}배 (점선)`,
      colorClass: 'c-theory',
      line: 'dotted',
      symbol: 2,
    });
  const step = record?.step ?? 0;
  const desc = grad.length
    ? `${step}단계의 가중치 기울기 노름: 1층 ${gradText(grad[0])}, 출력층 ${gradText(grad[grad.length - 1])}.${theory.length ? ` 점선은 초기화 이론이 예측하는 층마다 ${gradText(theoryRatio!)}배의 기울기입니다.` : ''}`
    : '아직 기울기 기록이 없습니다.';
  return (
    <>
      <Subtitle text="지금 단계의 층별 기울기" />
      <LogGradientChart
        idPrefix={`${id}-profile`}
        title={`${step}단계의 층별 가중치 기울기 노름 (로그 눈금)`}
        desc={desc}
        frame={frame}
        depth={layers}
        series={series}
        yDomain={[10 ** scale.lo, 10 ** scale.hi]}
        xLabel="층 (왼쪽: 입력층 → 오른쪽: 출력층)"
        yLabel="기울기 노름"
      />
      <Legend entries={legend} label="층별 기울기 범례" />
    </>
  );
}
