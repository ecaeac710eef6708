/**
 * Axes and grid lines rendered as JSX from precomputed ticks (no d3-selection). The grid, and
 * the axis line with its tick marks, are one <path> each and the labels are bare <text>: the
 * d3-axis shape (a <g> with a <line> and a <text> per tick, plus a <line> per grid line) made
 * up about a seventh of a chart page's elements, all of them styled and laid out on load.
 */
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
      {grid && <path class="grid" d={ticks.map((t) => `M${t.pos},${y0}V${y1}`).join('')} />}
      <path d={`M${x0},${y0}H${x1}` + ticks.map((t) => `M${t.pos},${y0}v5`).join('')} />
      {ticks.map((t, i) => (
        <text key={i} x={t.pos} y={y0 + 7 + frame.font} text-anchor="middle">
          {t.label}
        </text>
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
      {grid && <path class="grid" d={ticks.map((t) => `M${x0},${t.pos}H${x1}`).join('')} />}
      <path d={`M${x},${y0}V${y1}` + ticks.map((t) => `M${x},${t.pos}h${5 * dir}`).join('')} />
      {ticks.map((t, i) => (
        <text key={i} x={x + 8 * dir} y={t.pos} dy="0.35em" text-anchor={side === 'left' ? 'end' : 'start'}>
          {t.label}
        </text>
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
