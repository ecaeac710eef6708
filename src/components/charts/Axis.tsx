/** Axes and grid lines rendered as JSX from precomputed ticks (no d3-selection). */
import type { Frame } from './frame';
import { plotArea } from './frame';

export interface Tick {
  /** Position in viewBox units along the axis. */
  pos: number;
  label: string;
}

interface AxisProps {
  frame: Frame;
  ticks: readonly Tick[];
  title?: string;
  /** Draw grid lines across the plot area. */
  grid?: boolean;
}

export function BottomAxis({ frame, ticks, title, grid = true }: AxisProps) {
  const { x0, x1, y0, y1 } = plotArea(frame);
  return (
    <g class="axis axis-x" font-size={frame.font}>
      {grid && (
        <g class="grid">
          {ticks.map((t, i) => (
            <line key={i} x1={t.pos} x2={t.pos} y1={y0} y2={y1} />
          ))}
        </g>
      )}
      <line x1={x0} x2={x1} y1={y0} y2={y0} />
      {ticks.map((t, i) => (
        <g key={i} transform={`translate(${t.pos},${y0})`}>
          <line y2={5} />
          <text y={7 + frame.font} text-anchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      {title && (
        <text class="axis-title" x={(x0 + x1) / 2} y={frame.height - 4} text-anchor="middle">
          {title}
        </text>
      )}
    </g>
  );
}

interface SideAxisProps extends AxisProps {
  side?: 'left' | 'right';
}

export function SideAxis({ frame, ticks, title, grid = true, side = 'left' }: SideAxisProps) {
  const { x0, x1, y0, y1 } = plotArea(frame);
  const x = side === 'left' ? x0 : x1;
  const dir = side === 'left' ? -1 : 1;
  return (
    <g class={`axis axis-${side}`} font-size={frame.font}>
      {grid && (
        <g class="grid">
          {ticks.map((t, i) => (
            <line key={i} x1={x0} x2={x1} y1={t.pos} y2={t.pos} />
          ))}
        </g>
      )}
      <line x1={x} x2={x} y1={y0} y2={y1} />
      {ticks.map((t, i) => (
        <g key={i} transform={`translate(${x},${t.pos})`}>
          <line x2={5 * dir} />
          <text x={8 * dir} dy="0.35em" text-anchor={side === 'left' ? 'end' : 'start'}>
            {t.label}
          </text>
        </g>
      ))}
      {title && frame.endLabels && (
        <text
          class="axis-title"
          transform={`translate(${side === 'left' ? 12 : frame.width - 6},${(y0 + y1) / 2}) rotate(-90)`}
          text-anchor="middle"
        >
          {title}
        </text>
      )}
    </g>
  );
}
