/**
 * <ActivationExplorer> island: owns the state (URL-synced), calls src/lib
 * through explorer-data.ts, and renders LinePlot + controls + readout + table.
 */
import './charts.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EXPLORER_LIMITS, explorerSpec, type ExplorerProps } from './chart-spec';
import { DataTable } from './DataTable';
import { ExportMenu } from './export/ExportMenu';
import { explorerView, valuesAt } from './explorer-data';
import { fixed, num } from './format';
import { EXPLORER_FRAMES } from './frame';
import { useFrameSize, useUrlState } from './hooks';
import { ACTIVATION_IDS, activationLabel } from './lib-adapter';
import { LinePlot } from './LinePlot';
import { Legend } from './marks';

const { slope: SLOPE, alpha: ALPHA, domainAbsMax, domainMinSpan } = EXPLORER_LIMITS;

export default function ActivationExplorerIsland(props: ExplorerProps) {
  const { id, caption, ...defaults } = props;
  const [state, update, href] = useUrlState(id, explorerSpec, defaults);
  const figure = useRef<HTMLElement>(null);
  const frame = EXPLORER_FRAMES[useFrameSize(figure)];
  const view = useMemo(() => explorerView(state), [state]);
  const [crossX, setCrossX] = useState<number | null>(null);
  const [a, b] = state.domain;
  const span = b - a;
  const cx = crossX === null ? null : Math.min(b, Math.max(a, crossX));
  const values = cx === null ? [] : valuesAt(view.fns, cx);

  const [draft, setDraft] = useState<[string, string]>([String(a), String(b)]);
  // Re-sync only ends whose number changed, so a half-typed "-0" or "1." keeps its text.
  useEffect(() => setDraft((d) => [Number(d[0]) === a ? d[0] : String(a), Number(d[1]) === b ? d[1] : String(b)]), [a, b]);
  const draftNums = draft.map((s) => (s.trim() === '' ? NaN : Number(s)));
  const draftValid =
    draftNums.every((n) => Number.isFinite(n) && Math.abs(n) <= domainAbsMax) && draftNums[1] - draftNums[0] >= domainMinSpan;

  function setDomainEnd(which: 0 | 1, text: string) {
    const next: [string, string] = which === 0 ? [text, draft[1]] : [draft[0], text];
    setDraft(next);
    const [lo, hi] = next.map(Number);
    if (next.every((s) => s.trim() !== '') && Number.isFinite(lo) && Number.isFinite(hi) && hi - lo >= domainMinSpan && Math.abs(lo) <= domainAbsMax && Math.abs(hi) <= domainAbsMax) {
      update({ domain: [lo, hi] });
    }
  }

  function toggle(aid: string, on: boolean) {
    const list = on ? [...state.activations, aid] : state.activations.filter((x) => x !== aid);
    if (list.length) update({ activations: list });
  }

  function onKeyDown(e: KeyboardEvent) {
    const step = (span / 120) * (e.shiftKey ? 10 : 1);
    const start = cx ?? (a < 0 && b > 0 ? 0 : (a + b) / 2);
    let next: number | null | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = cx === null ? start : start + step;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = cx === null ? start : start - step;
    else if (e.key === 'Home') next = a;
    else if (e.key === 'End') next = b;
    else if (e.key === 'Escape') next = null;
    if (next === undefined) return;
    e.preventDefault();
    setCrossX(next === null ? null : Number(Math.min(b, Math.max(a, next)).toPrecision(10)));
  }

  const readoutId = `${id}-readout`;
  const shows = (aid: string) => state.activations.includes(aid);
  return (
    <figure class="dl-chart not-content" id={id} ref={figure} data-chart="activation-explorer">
      <div class="dl-controls">
        <fieldset class="dl-field">
          <legend>활성화 함수</legend>
          <div class="dl-row">
            {ACTIVATION_IDS.map((aid) => {
              const checked = shows(aid);
              return (
                <label key={aid} class={`dl-check c-${aid}`}>
                  <input
                    type="checkbox"
                    name={`${id}-activation-${aid}`}
                    value={aid}
                    checked={checked}
                    disabled={checked && state.activations.length === 1}
                    onChange={(e) => toggle(aid, e.currentTarget.checked)}
                  />
                  {activationLabel(aid)}
                </label>
              );
            })}
          </div>
        </fieldset>
        <label class="dl-check dl-toggle">
          <input
            type="checkbox"
            name={`${id}-showDerivative`}
            checked={state.showDerivative}
            onChange={(e) => update({ showDerivative: e.currentTarget.checked })}
          />
          도함수 f′ 보기
        </label>
        {shows('leaky-relu') && (
          <div class="dl-field">
            <label for={`${id}-slope`}>Leaky ReLU 기울기 a</label>
            <input
              id={`${id}-slope`}
              type="range"
              min={SLOPE.min}
              max={SLOPE.max}
              step={SLOPE.step}
              value={state.slope}
              aria-valuetext={`Leaky ReLU 음수 쪽 기울기 ${fixed(state.slope, 2)}`}
              onInput={(e) => update({ slope: Number(e.currentTarget.value) })}
            />
            <output for={`${id}-slope`}>a = {fixed(state.slope, 2)}</output>
          </div>
        )}
        {shows('elu') && (
          <div class="dl-field">
            <label for={`${id}-alpha`}>ELU α</label>
            <input
              id={`${id}-alpha`}
              type="range"
              min={ALPHA.min}
              max={ALPHA.max}
              step={ALPHA.step}
              value={state.alpha}
              aria-valuetext={`ELU 알파 ${fixed(state.alpha, 1)}`}
              onInput={(e) => update({ alpha: Number(e.currentTarget.value) })}
            />
            <output for={`${id}-alpha`}>α = {fixed(state.alpha, 1)}</output>
          </div>
        )}
        <fieldset class="dl-field">
          <legend>x 범위</legend>
          <div class="dl-row">
            {([0, 1] as const).map((which) => (
              <label key={which} class="dl-check">
                {which === 0 ? '최솟값' : '최댓값'}
                <input
                  type="number"
                  name={`${id}-domain-${which}`}
                  min={-domainAbsMax}
                  max={domainAbsMax}
                  step={1}
                  value={draft[which]}
                  aria-invalid={draftValid ? undefined : 'true'}
                  onInput={(e) => setDomainEnd(which, e.currentTarget.value)}
                />
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <LinePlot
        idPrefix={id}
        title={view.title}
        desc={view.desc}
        frame={frame}
        xDomain={view.xDomain}
        yDomain={view.yDomain}
        xLabel="x"
        yLabel={state.showDerivative ? 'f(x), f′(x)' : 'f(x)'}
        lines={view.lines}
        shades={view.shades}
        peaks={view.peaks}
        crosshair={cx === null ? null : { x: cx, dots: values.flatMap((v) => [
          { key: `${v.id}-f`, colorClass: `c-${v.id}`, y: v.f },
          ...(state.showDerivative ? [{ key: `${v.id}-df`, colorClass: `c-${v.id}`, y: v.df }] : []),
        ]) }}
        plotLabel="그래프 읽기: ←/→ 키로 x를 움직이면 아래에 값이 나옵니다"
        describedBy={readoutId}
        onPointerX={setCrossX}
        onKeyDown={onKeyDown}
      />
      <Legend entries={view.legend} label="범례" />
      <p class="dl-readout" id={readoutId} aria-live="polite">
        {cx === null ? (
          '그래프 위에 포인터를 올리거나, 그래프를 선택한 뒤 ←/→ 키를 누르면 x에서의 값을 읽을 수 있습니다.'
        ) : (
          <>
            <strong>x = {fixed(cx, 2)}</strong>
            {values.map((v) => (
              <span key={v.id}>
                {' · '}
                {v.label}: f = {num(v.f)}
                {state.showDerivative && <>, f′ = {num(v.df)}</>}
              </span>
            ))}
          </>
        )}
      </p>
      <DataTable caption={`${view.title} (x별 값)`} headers={view.table.headers} rows={view.table.rows} />
      <ExportMenu id={id} root={figure} title={view.title} table={view.table} href={href} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
