/**
 * The "내보내기" menu of a chart: SVG, PNG (2×), CSV and a link with the
 * chart's state. Only this small component ships with the chart; the export
 * code (run.ts and what it imports) is fetched with `import()` when the menu
 * is opened. Without JavaScript the menu says that it needs it.
 *
 * Also renders the "back to the note" link that only embed mode shows (embed.css).
 */
import type { RefObject } from 'preact';
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
  /** The data table: Korean headers (with units) and rows, exactly as the table shows them. */
  table: { headers: readonly string[]; rows: Rows | (() => Rows) };
  /** Absolute URL of the note with the chart's current state (useUrlState's third value). */
  href: () => string;
}

type Kind = 'svg' | 'png' | 'csv' | 'link';
const ITEMS: [Kind, string][] = [
  ['svg', 'SVG 그림'],
  ['png', 'PNG 그림 (2배 크기)'],
  ['csv', 'CSV 데이터'],
  ['link', '링크 복사'],
];

const load = () => import('./run');

export function ExportMenu({ id, root, title, table, href }: ExportMenuProps) {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => setReady(true), []);

  async function run(kind: Kind, label: string) {
    setManual(null);
    setStatus('만드는 중…');
    try {
      const m = await load();
      if (kind === 'link') {
        const url = href();
        const copied = await m.copyLink(url);
        setStatus(copied ? '링크를 복사했습니다.' : '');
        if (!copied) setManual(url);
        return;
      }
      const rows = typeof table.rows === 'function' ? table.rows() : table.rows;
      await m.exportChart(kind, { id, root: root.current!, title, table: { headers: table.headers, rows }, href: href() });
      setStatus(`${label} 파일을 저장했습니다.`);
    } catch (e) {
      setStatus(`${label}을(를) 만들지 못했습니다 (${e instanceof Error ? e.message : String(e)}). 다시 눌러 보세요.`);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  }

  return (
    <>
      <details class="dl-export" ref={details} onToggle={(e) => e.currentTarget.open && load()} onKeyDown={onKeyDown}>
        <summary>내보내기</summary>
        {ready ? (
          <div class="dl-export-panel">
            <div class="dl-row" role="group" aria-label="차트 내보내기 형식">
              {ITEMS.map(([kind, label]) => (
                <button key={kind} type="button" data-export-kind={kind} onClick={() => run(kind, label)}>
                  {label}
                </button>
              ))}
            </div>
            <p role="status">{status}</p>
            {manual !== null && (
              <label class="dl-export-manual">
                클립보드를 쓸 수 없습니다. 이 주소를 선택해 복사하세요.
                <input type="text" readOnly value={manual} onFocus={(e) => e.currentTarget.select()} ref={(el) => el?.focus()} />
              </label>
            )}
          </div>
        ) : (
          <p>내보내기는 JavaScript가 켜져 있어야 동작합니다.</p>
        )}
      </details>
      <a class="dl-embed-back" href={`./#${id}`} target="_blank" rel="noopener" onClick={(e) => (e.currentTarget.href = href())}>
        딥러닝 노트에서 보기
      </a>
    </>
  );
}
