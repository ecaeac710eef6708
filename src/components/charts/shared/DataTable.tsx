/**
 * The plotted values as a table inside <details>, for screen readers and anyone
 * who wants the numbers. Rows are built lazily: the server and hydration render
 * them (so the HTML has the full table), but while the <details> is closed the
 * browser skips them, so a held slider key does not re-format hundreds of cells.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

interface DataTableProps {
  summary?: string;
  caption: string;
  headers: readonly string[];
  /** Each row's first cell is its header (e.g. x or the layer); a function is called only when shown. */
  rows: readonly (readonly string[])[] | (() => readonly (readonly string[])[]);
}

export function DataTable({ summary = '데이터 표 보기', caption, headers, rows }: DataTableProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState<boolean | null>(null);
  useEffect(() => setOpen(Boolean(details.current?.open)), []);
  return (
    <details class="dl-data" ref={details} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      <section class="dl-table-wrap" tabIndex={0} aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {open !== false &&
              (typeof rows === 'function' ? rows() : rows).map((row) => (
                <tr key={row[0]}>
                  <th scope="row">{row[0]}</th>
                  {row.slice(1).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}
