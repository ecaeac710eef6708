/**
 * The buttons of the "내보내기" menu and their messages. Loaded with the
 * export code when the menu is first opened (ExportMenu.tsx).
 */
import { useState } from 'preact/hooks';
import type { ExportMenuProps } from './ExportMenu';
import { copyLink, exportChart, type ExportKind } from './run';

const ITEMS: [ExportKind | 'link', string][] = [
  ['svg', 'SVG 그림'],
  ['png', 'PNG 그림 (2배 크기)'],
  ['csv', 'CSV 데이터'],
  ['link', '링크 복사'],
];

export function Panel({ id, root, title, table, href }: ExportMenuProps) {
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);

  async function run(kind: ExportKind | 'link') {
    const file = `${kind.toUpperCase()} 파일`;
    setManual(null);
    setStatus('만드는 중…');
    try {
      if (kind === 'link') {
        const url = href();
        const copied = await copyLink(url);
        setStatus(copied ? '링크를 복사했습니다.' : '');
        if (!copied) setManual(url);
        return;
      }
      const rows = typeof table.rows === 'function' ? table.rows() : table.rows;
      await exportChart(kind, {
        id,
        root: root.current!,
        title,
        table: { headers: table.headers, rows },
        href: href(),
      });
      setStatus(`${file}을 저장했습니다.`);
    } catch (e) {
      setStatus(`${file}을 만들지 못했습니다 (${e instanceof Error ? e.message : String(e)}). 다시 눌러 보세요.`);
    }
  }

  return (
    <div class="dl-export-panel">
      <div class="dl-row" role="group" aria-label="차트 내보내기 형식">
        {ITEMS.map(([kind, label]) => (
          <button key={kind} type="button" data-export-kind={kind} onClick={() => run(kind)}>
            {label}
          </button>
        ))}
      </div>
      <p role="status">{status}</p>
      {manual !== null && (
        <label class="dl-export-manual">
          클립보드를 쓸 수 없습니다. 이 주소를 선택해 복사하세요.
          <input
            type="text"
            readOnly
            value={manual}
            onFocus={(e) => e.currentTarget.select()}
            ref={(el) => el?.focus()}
          />
        </label>
      )}
    </div>
  );
}
