/**
 * Chart frames (viewBox sizes and margins). Each chart has a wide and a
 * compact frame with the same aspect ratio, so switching between them after
 * hydration on a phone never moves the page: only the text gets larger.
 */
interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Frame {
  width: number;
  height: number;
  margin: Margin;
  /** Font size of tick labels, in viewBox units. */
  font: number;
  /** Target tick count on the x axis. */
  xTicks: number;
  yTicks: number;
  /** Whether there is room for labels at the right end of each line. */
  endLabels: boolean;
}

export type FrameSize = 'wide' | 'compact';

/** Below this container width (CSS px) the compact frames are used. */
export const COMPACT_BELOW = 540;

/** What sets a frame apart; the width and the end labels follow from its size. */
type FrameSpec = Omit<Frame, 'width' | 'height' | 'endLabels'>;

/**
 * A wide frame (640 wide, `height` high, end labels) and its compact twin (360 wide, no end
 * labels), whose height follows from the wide aspect ratio.
 */
export function framePair(height: number, wide: FrameSpec, compact: FrameSpec): Record<FrameSize, Frame> {
  return {
    wide: { width: 640, height, ...wide, endLabels: true },
    compact: { width: 360, height: (height * 360) / 640, ...compact, endLabels: false },
  };
}

export const EXPLORER_FRAMES = framePair(
  400,
  { margin: { top: 16, right: 110, bottom: 44, left: 52 }, font: 13, xTicks: 12, yTicks: 8 },
  { margin: { top: 10, right: 14, bottom: 36, left: 38 }, font: 11.5, xTicks: 6, yTicks: 5 },
);

export const LAB_FRAMES = framePair(
  360,
  { margin: { top: 16, right: 66, bottom: 44, left: 60 }, font: 13, xTicks: 10, yTicks: 8 },
  { margin: { top: 10, right: 34, bottom: 34, left: 44 }, font: 11, xTicks: 5, yTicks: 5 },
);

/** The plot area inside the margins. */
export function plotArea(frame: Frame) {
  const { width, height, margin } = frame;
  return {
    x0: margin.left,
    x1: width - margin.right,
    y0: height - margin.bottom,
    y1: margin.top,
  };
}

/**
 * Spreads labels (sorted by wanted position) so that neighbours are at
 * least `gap` apart and all stay within [lo, hi]. Pure layout helper.
 */
export function spreadLabels(wanted: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => Math.min(hi, Math.max(lo, o.y)));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  const overflow = placed.length ? placed[placed.length - 1] - hi : 0;
  if (overflow > 0) {
    for (let k = placed.length - 1; k >= 0; k--) {
      placed[k] = k === placed.length - 1 ? hi : Math.min(placed[k], placed[k + 1] - gap);
    }
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = placed[k]));
  return out;
}
