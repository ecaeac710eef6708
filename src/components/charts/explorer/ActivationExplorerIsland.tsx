/**
 * <ActivationExplorer> island: owns the state (URL-synced), calls src/lib
 * through data.ts, and renders LinePlot + controls + readout + table.
 */
import '../shared/charts.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DataTable } from '../shared/DataTable';
import { ExportMenu } from '../export/ExportMenu';
import { explorerView, valuesAt } from './data';
import { fixed, num } from '../shared/format';
import { EXPLORER_FRAMES } from '../shared/frame';
import { useFrameSize, useUrlState } from '../shared/hooks';
import { activationLabel, type ActivationId } from '../lib-adapter';
import { CheckList, SpecField } from '../shared/Field';
import { decodeValue } from '../shared/url-state';
import { explorerSpec, type ExplorerProps } from './spec';
import { LinePlot } from '../shared/LinePlot';
import { Legend } from '../shared/marks';

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
  useEffect(
    () => setDraft((d) => [Number(d[0]) === a ? d[0] : String(a), Number(d[1]) === b ? d[1] : String(b)]),
    [a, b],
  );
  const draftValid = decodeValue(explorerSpec.domain, draft.join(',')) !== undefined;

  function setDomainEnd(which: 0 | 1, text: string) {
    const next: [string, string] = which === 0 ? [text, draft[1]] : [draft[0], text];
    setDraft(next);
    const domain = decodeValue(explorerSpec.domain, next.join(','));
    if (domain) update({ domain });
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
  const shows = (aid: ActivationId) => state.activations.includes(aid);
  return (
    <figure class="dl-chart not-content" id={id} ref={figure} data-chart="activation-explorer">
      <div class="dl-controls">
        <CheckList
          name={`${id}-activation`}
          field={explorerSpec.activations}
          value={state.activations}
          onChange={(activations) => update({ activations })}
          labelOf={activationLabel}
        />
        <SpecField id={id} spec={explorerSpec} k="showDerivative" state={state} onChange={update} />
        {shows('leaky-relu') && <SpecField id={id} spec={explorerSpec} k="slope" state={state} onChange={update} />}
        {shows('elu') && <SpecField id={id} spec={explorerSpec} k="alpha" state={state} onChange={update} />}
        <fieldset class="dl-field">
          <legend>{explorerSpec.domain.label}</legend>
          <div class="dl-row">
            {([0, 1] as const).map((which) => (
              <label key={which} class="dl-check">
                {which === 0 ? '최솟값' : '최댓값'}
                <input
                  type="number"
                  name={`${id}-domain-${which}`}
                  min={explorerSpec.domain.min}
                  max={explorerSpec.domain.max}
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
        crosshair={
          cx === null
            ? null
            : {
                x: cx,
                dots: values.flatMap((v) => [
                  { key: `${v.id}-f`, colorClass: `c-${v.id}`, y: v.f },
                  ...(state.showDerivative ? [{ key: `${v.id}-df`, colorClass: `c-${v.id}`, y: v.df }] : []),
                ]),
              }
        }
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
