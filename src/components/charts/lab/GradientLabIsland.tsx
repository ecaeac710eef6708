/**
 * <GradientLab> island: owns the controls' state (URL-synced), gets the
 * views of settings from runs.ts (server props, then a web worker) and renders the
 * gradient chart, the distribution chart, the readout and the data table.
 */
import '../shared/charts.css';
import { useMemo, useRef } from 'preact/hooks';
import { DataTable } from '../shared/DataTable';
import { DistributionChart } from './DistributionChart';
import { ExportMenu } from '../export/ExportMenu';
import { LAB_FRAMES } from '../shared/frame';
import { useFrameSize, useUrlState } from '../shared/hooks';
import { labKey, unpackLabView, type PackedLabView } from './pack';
import { useLabView } from './runs';
import { activationLabel } from '../lib-adapter';
import { NumberInput, SpecField } from '../shared/Field';
import { labSpec, type LabProps } from './spec';
import { LogGradientChart } from '../shared/LogGradientChart';
import { Legend, type LegendEntry } from '../shared/marks';
import { UNDERFLOW_TEXT, OVERFLOW_TEXT } from '../shared/format';
import { Subtitle } from '../shared/ChartSvg';

interface GradientLabIslandProps extends LabProps {
  /** The default setting, simulated and prepared at build time (packLabView, see GradientLab.astro). */
  initial: PackedLabView;
  /** Korean labels of the initialisations, from src/lib. */
  initLabels: Record<string, string>;
}

export default function GradientLabIsland(props: GradientLabIslandProps) {
  const { id, caption, initial, initLabels, ...defaults } = props;
  const [state, update, href] = useUrlState(id, labSpec, defaults);
  const figure = useRef<HTMLElement>(null);
  const frame = LAB_FRAMES[useFrameSize(figure)];
  const { seed } = state;
  const initialView = useMemo(() => unpackLabView(initial), [initial]);
  const { view, pending, failed, retry, warm } = useLabView(state, initialView);

  const gradLegend: LegendEntry[] = [
    { key: 'h', label: '‖∂L/∂h‖ 활성값 기울기', colorClass: 'c-grad-h', line: 'solid', symbol: 0 },
    { key: 'w', label: '‖∂L/∂W‖ 가중치 기울기', colorClass: 'c-grad-w', line: 'solid', symbol: 1 },
    { key: 't', label: '이론 예측 (점선)', colorClass: 'c-theory', line: 'dotted', symbol: 2 },
  ];
  if (view.grad.series.some((s) => s.values.some((v) => !(v > 0 && v < Infinity)))) {
    gradLegend.push({
      key: 'u',
      label: `▼ ${UNDERFLOW_TEXT} (0으로 사라짐) · ▲ ${OVERFLOW_TEXT}`,
      colorClass: 'c-neutral',
      line: 'none',
      symbol: -1,
    });
  }
  /** Both charts share the layer axis. */
  const layerAxis = { frame, depth: view.depth, xLabel: '층 (왼쪽: 입력층 → 오른쪽: 출력층)' };
  const distLegend: LegendEntry[] = [
    { key: 'band', label: '평균 ± 표준편차', colorClass: 'c-band', line: 'solid', symbol: -1, box: 'band' },
    { key: 'bar', label: view.dist.fractionLabel, colorClass: 'c-bar', line: 'none', symbol: -1, box: 'bar' },
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
        <SpecField id={id} spec={labSpec} k="activation" state={state} onChange={update} labelOf={activationLabel} />
        <SpecField id={id} spec={labSpec} k="init" state={state} onChange={update} labelOf={(i) => initLabels[i]} />
        <SpecField id={id} spec={labSpec} k="depth" state={state} onChange={update} />
        <SpecField id={id} spec={labSpec} k="width" state={state} onChange={update} />
        <NumberInput inputId={`${id}-seed`} field={labSpec.seed} value={seed} onChange={(v) => update({ seed: v })}>
          <button type="button" onClick={() => update({ seed: seed >= labSpec.seed.max ? 0 : seed + 1 })}>
            다음 시드
          </button>
        </NumberInput>
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

      <Subtitle text="층별 기울기 크기" />
      <LogGradientChart {...layerAxis} {...view.grad} idPrefix={`${id}-grad`} yLabel="기울기 노름" />
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

      <Subtitle text="층별 활성값 분포" />
      <DistributionChart {...layerAxis} {...view.dist} idPrefix={`${id}-dist`} yLabel="활성값" />
      <Legend entries={distLegend} label="분포 그래프 범례" />

      <DataTable
        caption={`층별 값: ${view.grad.title.replace(/^[^:]*: /, '')}`}
        headers={view.table.headers}
        rows={view.table.rows}
      />
      <ExportMenu
        id={id}
        root={figure}
        title={`층별 기울기와 활성값 분포: ${view.grad.title.replace(/^[^:]*: /, '')}`}
        table={view.table}
        href={href}
      />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
