/**
 * The "내보내기" menu of a chart: SVG, PNG (2×), CSV and a link with the
 * chart's state. Only this shell ships with the chart: the panel with its
 * buttons (Panel.tsx) and the export code it uses are fetched with `import()`
 * when the menu is first opened. Without JavaScript the menu says it needs it
 * (export.css hides that line once the island has hydrated).
 *
 * Also renders the "back to the note" link that only embed mode shows (src/styles/embed.css).
 */
import type { FunctionComponent, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import './export.css';

type Rows = readonly (readonly string[])[];

export interface ExportMenuProps {
  /** Chart id (the MDX prop): file names and the link's #hash. */
  id: string;
  /** The chart's <figure>: its plots, legends and subtitles are exported. */
  root: RefObject<HTMLElement>;
  /** Title written at the top of the SVG/PNG. */
  title: string;
  /** The data table: Korean headers and rows, exactly as the table shows them. */
  table: { headers: readonly string[]; rows: Rows | (() => Rows) };
  /** Absolute URL of the note with the chart's current state (useUrlState's third value). */
  href: () => string;
}

export function ExportMenu(props: ExportMenuProps) {
  const [Panel, setPanel] = useState<FunctionComponent<ExportMenuProps> | null>(null);
  const [failed, setFailed] = useState(false);
  /** null on the server and while hydrating (so the markup matches), then whether the page is embedded. */
  const [embedded, setEmbedded] = useState<boolean | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => setEmbedded(document.documentElement.classList.contains('dl-embed')), []);

  function onToggle() {
    if (!details.current?.open || Panel) return;
    setFailed(false);
    import('./Panel').then(
      (m) => setPanel(() => m.Panel),
      () => setFailed(true),
    );
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  }

  return (
    <>
      <details class="dl-export" ref={details} onToggle={onToggle} onKeyDown={onKeyDown}>
        <summary>내보내기</summary>
        {Panel ? (
          <Panel {...props} />
        ) : failed ? (
          <p role="alert">메뉴를 불러오지 못했습니다. 닫았다가 다시 열어 보세요.</p>
        ) : (
          embedded === null && 'JavaScript가 필요합니다.'
        )}
      </details>
      {embedded && (
        <a
          class="dl-embed-back"
          href={props.href()}
          target="_blank"
          rel="noopener"
          onClick={(e) => (e.currentTarget.href = props.href())}
        >
          딥러닝 노트에서 보기
        </a>
      )}
    </>
  );
}
