/**
 * <GradientLab> island: owns the controls' state (URL-synced), gets the
 * views of settings from lab-runs.ts (server props, then a web worker) and renders the
 * gradient chart, the distribution chart, the readout and the data table.
 */
import './charts.css';
import { useMemo, useRef } from 'preact/hooks';
import { LAB_LIMITS, labSpec, type LabProps } from './chart-spec';
import { DataTable } from './DataTable';
import { DistributionChart } from './DistributionChart';
import { ExportMenu } from './export/ExportMenu';
import { LAB_FRAMES } from './frame';
import { useFrameSize, useUrlState } from './hooks';
import type { LabView } from './lab-data';
import { labKey, unpackLabView } from './lab-pack';
import { useLabView } from './lab-runs';
import { ACTIVATION_IDS, activationLabel, INIT_IDS } from './lib-adapter';
import { LogGradientChart } from './LogGradientChart';
import { Legend, type LegendEntry } from './marks';
import { UNDERFLOW_TEXT, OVERFLOW_TEXT } from './format';

const { depth: DEPTH, width: WIDTH, seed: SEED } = LAB_LIMITS;

export interface GradientLabIslandProps extends LabProps {
  /** The default setting, simulated and prepared at build time (packLabView, see GradientLab.astro). */
  initial: LabView;
  /** Korean labels of the initialisations, from src/lib. */
  initLabels: Record<string, string>;
}

export default function GradientLabIsland(props: GradientLabIslandProps) {
  const { id, caption, initial, initLabels, ...defaults } = props;
  const [state, update, href] = useUrlState(id, labSpec, defaults);
  const figure = useRef<HTMLElement>(null);
  const frame = LAB_FRAMES[useFrameSize(figure)];
  const { activation, init, depth, width, seed } = state;
  const initialView = useMemo(() => unpackLabView(initial), [initial]);
  const { view, pending, failed, retry, warm } = useLabView(state, initialView);

  const gradLegend: LegendEntry[] = [
    { key: 'h', label: '‖∂L/∂h‖ 활성값 기울기', colorClass: 'c-grad-h', line: 'solid', symbol: 0 },
    { key: 'w', label: '‖∂L/∂W‖ 가중치 기울기', colorClass: 'c-grad-w', line: 'solid', symbol: 1 },
    { key: 't', label: '이론 예측 (점선)', colorClass: 'c-theory', line: 'dotted', symbol: 2 },
  ];
  if (view.series.some((s) => s.values.some((v) => !(v > 0 && v < Infinity)))) {
    gradLegend.push({ key: 'u', label: `▼ ${UNDERFLOW_TEXT} (0으로 사라짐) · ▲ ${OVERFLOW_TEXT}`, colorClass: 'c-neutral', line: 'none', symbol: -1 });
  }
  const distLegend: LegendEntry[] = [
    { key: 'band', label: '평균 ± 표준편차', colorClass: 'c-band', line: 'solid', symbol: -1, box: 'band' },
    { key: 'bar', label: view.fractionLabel, colorClass: 'c-bar', line: 'none', symbol: -1, box: 'bar' },
  ];

  return (
    <figure
      class="dl-chart not-content"
      id={id}
      ref={figure}
      data-chart="gradient-lab"
      aria-busy={pending ? 'true' : undefined}
      data-shown={labKey(view.params)}
      data-failed={failed ? labKey(state) : undefined}
      onFocusIn={warm}
      onPointerEnter={warm}
    >
      <div class="dl-controls">
        <div class="dl-field dl-narrow">
          <label for={`${id}-activation`}>활성화 함수</label>
          <select id={`${id}-activation`} value={activation} onChange={(e) => update({ activation: e.currentTarget.value })}>
            {ACTIVATION_IDS.map((a) => (
              <option key={a} value={a}>
                {activationLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div class="dl-field dl-narrow">
          <label for={`${id}-init`}>가중치 초기화</label>
          <select id={`${id}-init`} value={init} onChange={(e) => update({ init: e.currentTarget.value })}>
            {INIT_IDS.map((i) => (
              <option key={i} value={i}>
                {initLabels[i] ?? i}
              </option>
            ))}
          </select>
        </div>
        <div class="dl-field">
          <label for={`${id}-depth`}>깊이 (층 수)</label>
          <input
            id={`${id}-depth`}
            type="range"
            min={DEPTH.min}
            max={DEPTH.max}
            step={1}
            value={depth}
            aria-valuetext={`깊이 ${depth}층`}
            onInput={(e) => update({ depth: Number(e.currentTarget.value) })}
          />
          <output for={`${id}-depth`}>{depth}층</output>
        </div>
        <div class="dl-field">
          <label for={`${id}-width`}>너비 (층마다 유닛 수)</label>
          <input
            id={`${id}-width`}
            type="range"
            min={WIDTH.min}
            max={WIDTH.max}
            step={1}
            value={width}
            aria-valuetext={`너비 유닛 ${width}개`}
            onInput={(e) => update({ width: Number(e.currentTarget.value) })}
          />
          <output for={`${id}-width`}>{width}개</output>
        </div>
        <div class="dl-field dl-narrow">
          <label for={`${id}-seed`}>난수 시드</label>
          <div class="dl-row">
            <input
              id={`${id}-seed`}
              type="number"
              min={SEED.min}
              max={SEED.max}
              step={1}
              value={seed}
              onInput={(e) => {
                const v = Number(e.currentTarget.value);
                if (e.currentTarget.value !== '' && Number.isInteger(v) && v >= SEED.min && v <= SEED.max) update({ seed: v });
              }}
            />
            <button type="button" onClick={() => update({ seed: seed >= SEED.max ? 0 : seed + 1 })}>
              다음 시드
            </button>
          </div>
        </div>
      </div>

      <p class="dl-summary" aria-live="polite" data-readout>
        {view.summary}
      </p>
      {failed && (
        <div class="dl-error" role="alert">
          <p>
            {failed} 아래 그래프는 {view.depth}층, 너비 {view.params.width} 설정의 결과입니다.
          </p>
          <button type="button" onClick={retry}>
            다시 시도
          </button>
        </div>
      )}

      <p class="dl-subtitle" aria-hidden="true">
        <strong>층별 기울기 크기</strong>
      </p>
      <LogGradientChart
        idPrefix={`${id}-grad`}
        title={view.gradTitle}
        desc={view.gradDesc}
        frame={frame}
        depth={view.depth}
        series={view.series}
        yDomain={view.yDomain}
        xLabel="층 (왼쪽: 입력층 → 오른쪽: 출력층)"
        yLabel="기울기 노름"
        underflowLabel={`▼ ${UNDERFLOW_TEXT}`}
        overflowLabel={`▲ ${OVERFLOW_TEXT}`}
      />
      <Legend entries={gradLegend} label="기울기 그래프 범례" />

      <section aria-label="연쇄 법칙과 시뮬레이션 비교">
      <dl class="dl-chain">
        <div class="c-theory">
          <dt>연쇄 법칙 상한 (max f′)ⁿ</dt>
          <dd>
            {view.chain.boundFormula} = {view.chain.bound}
          </dd>
        </div>
        <div class="c-grad-h">
          <dt>시뮬레이션: 1층 ÷ {view.depth}층 기울기</dt>
          <dd>{view.chain.simulated}</dd>
        </div>
        {view.chain.theory !== null && (
          <div class="c-theory">
            <dt>이론 예측 비율</dt>
            <dd>{view.chain.theory}</dd>
          </div>
        )}
      </dl>
      </section>

      <p class="dl-subtitle" aria-hidden="true">
        <strong>층별 활성값 분포</strong>
      </p>
      <DistributionChart
        idPrefix={`${id}-dist`}
        title={view.distTitle}
        desc={view.distDesc}
        frame={frame}
        depth={view.depth}
        mean={view.mean}
        std={view.std}
        fraction={view.fraction}
        yDomain={view.distDomain}
        xLabel="층 (왼쪽: 입력층 → 오른쪽: 출력층)"
        yLabel="활성값"
        fractionLabel={view.fractionLabel}
      />
      <Legend entries={distLegend} label="분포 그래프 범례" />

      <DataTable caption={`층별 값: ${view.gradTitle.replace(/^[^:]*: /, '')}`} headers={view.table.headers} rows={view.table.rows} />
      <ExportMenu id={id} root={figure} title={`층별 기울기와 활성값 분포: ${view.gradTitle.replace(/^[^:]*: /, '')}`} table={view.table} href={href} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
