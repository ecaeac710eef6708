/** Small shared marks: series symbols and legend swatches (presentational). */
import { symbolPath } from './scales';

export interface LegendEntry {
  key: string;
  label: string;
  /** CSS class that sets the series colour (`c-sigmoid`, `c-grad-h`, …). */
  colorClass: string;
  /** Line style in the swatch; `none` shows only the symbol or box. */
  line: 'solid' | 'dashed' | 'dotted' | 'none';
  /** Symbol index, or -1 for none. */
  symbol: number;
  /** Show a filled box (for areas and bars) instead of a line. */
  box?: 'band' | 'bar';
}

function LegendSwatch({ entry }: { entry: LegendEntry }) {
  const lineClass = entry.line === 'dashed' ? 'series deriv' : entry.line === 'dotted' ? 'series theory' : 'series';
  return (
    <svg viewBox="0 0 40 16" aria-hidden="true" class={`dl-svg ${entry.colorClass}`} focusable="false">
      {entry.box && <rect class={entry.box} x={4} y={3} width={32} height={10} />}
      {entry.line !== 'none' && <line class={lineClass} x1={2} x2={38} y1={8} y2={8} />}
      {entry.symbol >= 0 && <path class="symbol" transform="translate(20,8)" d={symbolPath(entry.symbol, 40)} />}
    </svg>
  );
}

export function Legend({ entries, label }: { entries: readonly LegendEntry[]; label: string }) {
  return (
    <ul class="dl-legend" aria-label={label}>
      {entries.map((e) => (
        <li key={e.key}>
          {(e.line !== 'none' || e.symbol >= 0 || e.box) && <LegendSwatch entry={e} />}
          <span>{e.label}</span>
        </li>
      ))}
    </ul>
  );
}
