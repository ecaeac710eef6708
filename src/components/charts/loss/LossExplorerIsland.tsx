/**
 * <LossExplorer> island: owns the state (URL-synced), gets every number from loss-data.ts, and
 * renders two LinePlots (loss, ∂L/∂z) sharing one crosshair at z, the controls, the readout and
 * the data table.
 */
import '../shared/charts.css';
import { useRef } from 'preact/hooks';
import { DataTable } from '../shared/DataTable';
import { ExportMenu } from '../export/ExportMenu';
import { fixed, num } from '../shared/format';
import { useFrameSize, useUrlState } from '../shared/hooks';
import { LinePlot } from '../shared/LinePlot';
import { Legend } from '../shared/marks';
import { lossFns } from '../lib-adapter';
import { CheckList } from '../shared/Field';
import { lossView, readingAt, readingText } from './loss-data';
import { LOSS_FRAMES, lossSpec, type LossProps } from './spec';

/** Step of the z slider and of one arrow-key press on the plot (Shift: ×10). */
const Z_STEP = lossSpec.z.step;

export default function LossExplorerIsland(props: LossProps) {
  const { id, caption, ...defaults } = props;
  const [state, update, href] = useUrlState(id, lossSpec, defaults);
  const figure = useRef<HTMLElement>(null);
  const frame = LOSS_FRAMES[useFrameSize(figure)];
  const view = lossView(state);
  const [a, b] = state.domain;
  const z = Math.min(b, Math.max(a, state.z));
  const reading = readingAt(state, z);
  const text = readingText(reading, state.y);

  const setZ = (next: number | null) => {
    if (next !== null) update({ z: Number(Math.min(b, Math.max(a, next)).toFixed(2)) });
  };
  function onKeyDown(e: KeyboardEvent) {
    const step = Z_STEP * (e.shiftKey ? 10 : 1);
    let next: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = z + step;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = z - step;
    else if (e.key === 'Home') next = a;
    else if (e.key === 'End') next = b;
    if (next === undefined) return;
    e.preventDefault();
    setZ(next);
  }

  const readoutId = `${id}-readout`;
  const plot = (which: 'loss' | 'grad') => {
    const p = view[which];
    const dots = reading.values.map((v) => ({
      key: `${v.id}-${which}`,
      colorClass: `c-${v.id}`,
      y: which === 'loss' ? v.L : v.dz,
    }));
    return (
      <LinePlot
        idPrefix={`${id}-${which}`}
        title={p.title}
        desc={p.desc}
        frame={frame}
        xDomain={view.xDomain}
        yDomain={p.yDomain}
        xLabel="로짓 z"
        yLabel={which === 'loss' ? '손실 L' : '∂L/∂z'}
        lines={p.lines}
        shades={p.shades}
        peaks={p.peaks}
        crosshair={{ x: z, dots }}
        plotLabel={`${which === 'loss' ? '손실' : '기울기'} 그래프: ←/→ 키로 z를 움직이면 아래에 값이 나옵니다`}
        describedBy={readoutId}
        onPointerX={setZ}
        onKeyDown={onKeyDown}
      />
    );
  };

  return (
    <figure
      class="dl-chart not-content"
      id={id}
      ref={figure}
      data-chart="loss-explorer"
      data-shown={`${state.losses.join(',')}|${state.y}|${z}`}
    >
      <div class="dl-controls">
        <CheckList
          name={`${id}-loss`}
          field={lossSpec.losses}
          value={state.losses}
          onChange={(losses) => update({ losses })}
          labelOf={(l) => lossFns(l).label}
        />
        <fieldset class="dl-field">
          <legend>{lossSpec.y.label}</legend>
          <div class="dl-row">
            {[1, 0].map((v) => (
              <label key={v} class="dl-check">
                <input
                  type="radio"
                  name={`${id}-y`}
                  value={v}
                  checked={state.y === v}
                  onChange={() => update({ y: v })}
                />
                y = {v}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="dl-field">
          <label for={`${id}-z`}>{lossSpec.z.label}</label>
          <input
            id={`${id}-z`}
            type="range"
            min={a}
            max={b}
            step={Z_STEP}
            value={z}
            aria-valuetext={`로짓 z = ${fixed(z, 2)}, 출력 ŷ = ${num(reading.yHat)}`}
            onInput={(e) => setZ(Number(e.currentTarget.value))}
          />
          <output for={`${id}-z`}>z = {fixed(z, 2)}</output>
        </div>
      </div>
      <div class="dl-loss-plots">
        {plot('loss')}
        {plot('grad')}
      </div>
      <Legend entries={view.legend} label="범례" />
      <p class="dl-readout" id={readoutId} aria-live="polite" data-readout>
        <strong>{text.head}</strong> · {text.output}
        {text.losses.map((l) => (
          <span key={l.id} class={`c-${l.id}`}>
            <br />
            {l.text}
          </span>
        ))}
        {text.ratio && (
          <>
            <br />
            {text.ratio}
          </>
        )}
      </p>
      <DataTable
        caption={`로짓 z별 손실과 기울기 (y = ${state.y})`}
        headers={view.table.headers}
        rows={view.table.rows}
      />
      <ExportMenu
        id={id}
        root={figure}
        title={`손실과 기울기: ${view.loss.title.replace(/^[^:]*: /, '')}`}
        table={view.table}
        href={href}
      />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
