/**
 * The outer <svg> of every framed chart (the decision boundary, a bare square, draws its own):
 * viewBox from its frame, named by a <title> and described by a <desc> (`<idPrefix>-title`,
 * `<idPrefix>-desc`), and with `clipPad` set, a clip path `<idPrefix>-clip` around the plot
 * area for the series to draw in.
 */
import type { ComponentChildren } from 'preact';
import { plotArea, type Frame } from './frame';

/** What every framed chart gets from its island: an id prefix, its name and description, its frame. */
export interface ChartBase {
  /** Prefix of the chart's element ids: `-title`, `-desc`, `-clip`. */
  idPrefix: string;
  title: string;
  desc: string;
  frame: Frame;
}

interface ChartSvgProps extends ChartBase {
  /** How far the clip area reaches above and below the plot area (room for a line's width at the edge). */
  clipPad?: number;
  children: ComponentChildren;
}

export function ChartSvg({ idPrefix, title, desc, frame, clipPad, children }: ChartSvgProps) {
  const { x0, x1, y0, y1 } = plotArea(frame);
  return (
    <svg
      class="dl-svg"
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      role="img"
      aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
    >
      <title id={`${idPrefix}-title`}>{title}</title>
      <desc id={`${idPrefix}-desc`}>{desc}</desc>
      {clipPad !== undefined && (
        <defs>
          <clipPath id={`${idPrefix}-clip`}>
            <rect x={x0} y={y1 - clipPad} width={x1 - x0} height={y0 - y1 + 2 * clipPad} />
          </clipPath>
        </defs>
      )}
      {children}
    </svg>
  );
}

/** The heading above a chart (hidden from screen readers: the chart's <title> names it). */
export function Subtitle({ text }: { text: string }) {
  return (
    <p class="dl-subtitle" aria-hidden="true">
      <strong>{text}</strong>
    </p>
  );
}
