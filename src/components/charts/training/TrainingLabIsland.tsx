/**
 * <TrainingLab> island: the settings (URL-synced), the transport (play, pause,
 * one step, reset, speed, pin), and four live views of a run trained in a web
 * worker (runner.ts): loss and accuracy, the layer × step gradient heatmap,
 * the current per-layer gradient profile, and the decision boundary.
 */
import '../shared/charts.css';
import './training.css';
import { useMemo, useRef, useState } from 'preact/hooks';
import { DataTable } from '../shared/DataTable';
import { ExportMenu } from '../export/ExportMenu';
import { LAB_FRAMES } from '../shared/frame';
import { useFrameSize, useUrlState } from '../shared/hooks';
import { Legend, type LegendEntry } from '../shared/marks';
import { BoundaryChart } from './BoundaryChart';
import { Controls } from './Controls';
import { summaryText } from './format';
import { GradHeatmap, HeatLegend } from './GradHeatmap';
import { heatScale } from './heatmap-data';
import { lastRecord, type TrainRecord } from './history';
import { LossChart } from './LossChart';
import { ProfileChart } from './ProfileChart';
import { SPEEDS, type SpeedId } from './protocol';
import { useTrainingRun } from './runner';
import { runKey, trainSpec, type TrainingProps, type TrainState } from './spec';
import { heatmapDesc, lossDesc, TABLE_HEADERS, tableRows, unpackView, type PackedView } from './view';
import { Subtitle } from '../shared/ChartSvg';

interface TrainingLabIslandProps extends TrainingProps {
  /** The default setting trained for `steps` steps at build time (packView, see TrainingLab.astro). */
  initial: PackedView;
  /** Korean labels keyed `activation.<id>` and `init.<id>` (TrainingLab.astro, from src/lib). */
  libLabels: Record<string, string>;
}

/** While playing, the live region speaks at most this often. */
const ANNOUNCE_EVERY_MS = 10_000;

const LOSS_LEGEND: LegendEntry[] = [
  { key: 'train', label: '훈련 손실', colorClass: 'c-train', line: 'solid', symbol: -1 },
  { key: 'test', label: '시험 손실', colorClass: 'c-test', line: 'dashed', symbol: -1 },
  { key: 'acc', label: '시험 정확도 (오른쪽 축)', colorClass: 'c-acc', line: 'dotted', symbol: -1 },
];

export default function TrainingLabIsland(props: TrainingLabIslandProps) {
  const { id, caption, initial, libLabels, ...defaults } = props;
  const [state, update, href] = useUrlState(id, trainSpec, defaults);
  const interacted = useRef(false);
  const figure = useRef<HTMLElement>(null);
  const frame = LAB_FRAMES[useFrameSize(figure)];
  const [speed, setSpeed] = useState<SpeedId>('normal');
  const [pinned, setPinned] = useState<{ records: TrainRecord[]; label: string } | null>(null);
  const initialView = useMemo(() => unpackView(initial), [initial]);
  const run = useTrainingRun(state, initialView, interacted.current);
  const rate = SPEEDS.find((s) => s.id === speed)!.rate;

  const change = (patch: Partial<TrainState>) => {
    interacted.current = true;
    update(patch);
  };
  const act = (f: () => void) => () => {
    interacted.current = true;
    f();
  };

  const controls = useMemo(
    () => <Controls id={id} state={state} libLabels={libLabels} onChange={change} />,
    [runKey(state)],
  );

  const view = run.view;
  const history = view?.history ?? { records: [], stride: 1 };
  const last = lastRecord(history);
  const diverged = Boolean(view?.diverged);
  const summary = run.error ? run.error : summaryText(last, diverged);

  // The live region: on every change of status, and while playing at most every ANNOUNCE_EVERY_MS.
  const spoken = useRef({ status: run.status, at: 0, text: '' });
  const now = typeof performance === 'undefined' ? 0 : performance.now();
  if (
    spoken.current.status !== run.status ||
    (run.status === 'playing' && now - spoken.current.at > ANNOUNCE_EVERY_MS)
  ) {
    spoken.current = { status: run.status, at: now, text: run.status === 'busy' ? '' : summary };
  }

  const scale = useMemo(() => heatScale(history.records), [history.records.length, last?.step, run.runId]);
  const layers = last?.grad.length ?? state.depth + 1;
  const divergedStep = diverged && last ? last.step : null;
  const lossLegend = pinned
    ? [
        ...LOSS_LEGEND,
        {
          key: 'pin',
          label: `고정한 실행의 훈련 손실 (${pinned.label})`,
          colorClass: 'c-pin',
          line: 'dashed' as const,
          symbol: -1,
        },
      ]
    : LOSS_LEGEND;
  const stale = view !== null && view.key !== runKey(state);

  return (
    <figure
      class="dl-chart dl-training not-content"
      id={id}
      ref={figure}
      data-chart="training-lab"
      data-status={run.status}
      data-step={last?.step ?? ''}
      data-running={run.running ? 'true' : 'false'}
      aria-busy={run.status === 'busy' ? 'true' : undefined}
    >
      {controls}
      <div class="dl-transport" role="group" aria-label="학습 조작">
        {run.status === 'playing' ? (
          <button type="button" data-action="pause" onClick={act(run.pause)}>
            ⏸ 일시정지
          </button>
        ) : (
          <button type="button" data-action="play" disabled={diverged && !stale} onClick={act(() => run.play(rate))}>
            ▶ 재생
          </button>
        )}
        <button type="button" data-action="step" disabled={diverged && !stale} onClick={act(run.step)}>
          한 단계
        </button>
        <button type="button" data-action="reset" onClick={act(run.reset)}>
          처음부터
        </button>
        <label class="dl-check">
          <span>속도</span>
          <select
            id={`${id}-speed`}
            value={speed}
            onChange={(e) => {
              const chosen = SPEEDS.find((x) => x.id === e.currentTarget.value);
              if (!chosen) return;
              setSpeed(chosen.id);
              run.setRate(chosen.rate);
            }}
          >
            {SPEEDS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-action="pin"
          aria-pressed={pinned ? 'true' : 'false'}
          disabled={!pinned && history.records.length < 2}
          onClick={() =>
            setPinned(pinned ? null : { records: history.records.slice(), label: pinLabel(state, libLabels) })
          }
        >
          {pinned ? '고정 해제' : '이 실행 고정 (비교용)'}
        </button>
      </div>

      <p class={`dl-summary${diverged ? ' dl-diverged' : ''}`} data-readout>
        {summary}
      </p>
      <p class="dl-sr-only" aria-live="polite" data-live>
        {spoken.current.text}
      </p>
      {run.error && (
        <div class="dl-error" role="alert">
          <p>{run.error} 잠시 뒤 다시 시도해 보세요.</p>
          <button type="button" data-action="retry" onClick={act(run.retry)}>
            다시 시도
          </button>
        </div>
      )}

      <Subtitle text="손실과 정확도" />
      <LossChart
        idPrefix={`${id}-loss`}
        title="학습 단계별 손실과 정확도"
        desc={lossDesc(history, pinned !== null)}
        frame={frame}
        records={history.records}
        pinned={pinned?.records ?? null}
        divergedStep={divergedStep}
        yLabel={state.loss === 'mse' ? '손실 (MSE)' : '손실 (BCE)'}
      />
      <Legend entries={lossLegend} label="손실 그래프 범례" />

      <Subtitle text="층 × 단계 기울기 지도 ‖∂L/∂W‖" />
      <GradHeatmap
        idPrefix={`${id}-heat`}
        title="층과 학습 단계별 가중치 기울기 노름 (로그 색 눈금, 아래가 입력층)"
        desc={heatmapDesc(history)}
        frame={frame}
        records={history.records}
        layers={layers}
        scale={scale}
      />
      <HeatLegend
        scale={scale}
        idPrefix={`${id}-heat`}
        showUnder={history.records.some((r) => r.grad.some((v) => !(v > 0)))}
        showOver={history.records.some((r) => r.grad.some((v) => v === Infinity || Number.isNaN(v)))}
      />

      <ProfileChart
        id={id}
        frame={frame}
        record={last}
        layers={layers}
        scale={scale}
        theoryRatio={view?.theoryRatio ?? null}
      />

      <Subtitle text="결정 경계" />
      <BoundaryChart
        idPrefix={`${id}-boundary`}
        title="입력 평면의 예측 확률과 데이터 점"
        desc="파란 영역은 클래스 0, 주황 영역은 클래스 1로 예측하는 곳이고 색이 진할수록 확신이 큽니다. 동그라미는 클래스 0, 네모는 클래스 1, 속이 찬 점은 훈련 데이터, 빈 점은 시험 데이터입니다."
        extent={view?.extent ?? 1.5}
        boundary={view?.boundary ?? null}
        train={view?.train ?? EMPTY}
        test={view?.test ?? EMPTY}
      />
      <Legend entries={BOUNDARY_LEGEND} label="결정 경계 범례" />

      <DataTable
        caption="학습 단계별 손실, 정확도, 첫 층과 출력층의 기울기 노름"
        headers={TABLE_HEADERS}
        rows={() => tableRows(history)}
      />
      <ExportMenu
        id={id}
        root={figure}
        title={`학습 실험: ${pinLabel(state, libLabels)}, ${last?.step ?? 0}단계`}
        table={{ headers: TABLE_HEADERS, rows: () => tableRows(history) }}
        href={href}
      />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}

const EMPTY = { x: [], y: [] };

/** Short name of a pinned run for the legend: activation, initialisation, optimizer and learning rate. */
function pinLabel(s: TrainState, libLabels: Record<string, string>): string {
  const opt = trainSpec.optimizer.options[s.optimizer];
  const extra = [
    s.residual ? '잔차 연결' : '',
    s.norm === 'batch' ? '배치 정규화' : '',
    s.clip ? `클리핑 ${s.clip}` : '',
  ].filter(Boolean);
  return [
    libLabels[`activation.${s.activation}`] ?? s.activation,
    libLabels[`init.${s.init}`] ?? s.init,
    `${opt} ${s.learningRate}`,
    ...extra,
  ].join(', ');
}

const BOUNDARY_LEGEND: LegendEntry[] = [
  { key: 'c0', label: '클래스 0 (동그라미, 파란 영역)', colorClass: 'c-class0', line: 'none', symbol: 0 },
  { key: 'c1', label: '클래스 1 (네모, 주황 영역)', colorClass: 'c-class1', line: 'none', symbol: 1 },
  { key: 'test', label: '빈 점: 시험 데이터', colorClass: 'c-neutral', line: 'none', symbol: -1 },
];
