/**
 * The settings <LossExplorer> accepts: one declaration per field (limits, URL kind, default),
 * shared by the MDX prop schema (props.ts, build time) and the URL state (browser).
 */
import type { Frame, FrameSize } from '../frame';
import type { Spec, StateOf } from '../url-state';
import { LOSS_IDS } from './loss-adapter';

export const LOSS_LIMITS = {
  /** Beyond |z| = 30 every curve is flat or a straight line; nothing new to see. */
  domainAbsMax: 30,
  /** Narrower ranges leave too few distinct ticks and table rows. */
  domainMinSpan: 1,
  /** Step of the z slider and of one arrow-key press on the plot (Shift: ×10). */
  zStep: 0.1,
} as const;

/** URL-state keys of <LossExplorer> (the prop names). */
export const lossSpec = {
  losses: { kind: 'list', values: LOSS_IDS, minItems: 1 },
  y: { kind: 'int', min: 0, max: 1 },
  domain: { kind: 'range', min: -LOSS_LIMITS.domainAbsMax, max: LOSS_LIMITS.domainAbsMax, minSpan: LOSS_LIMITS.domainMinSpan },
  z: { kind: 'number', min: -LOSS_LIMITS.domainAbsMax, max: LOSS_LIMITS.domainAbsMax },
} as const satisfies Spec;

export type LossState = StateOf<typeof lossSpec>;

export const LOSS_DEFAULTS: LossState = {
  losses: ['bce', 'mse'],
  y: 1,
  domain: [-8, 8],
  /** A confidently wrong output for y = 1 (ŷ ≈ 0.0025): the case the note is about. */
  z: -6,
};

export interface LossProps extends LossState {
  id: string;
  caption?: string;
}

/** Two stacked plots (loss, ∂L/∂z); wide and compact share one aspect ratio (frame.ts). */
export const LOSS_FRAMES: Record<FrameSize, Frame> = {
  wide: { width: 640, height: 260, margin: { top: 14, right: 118, bottom: 44, left: 52 }, font: 13, xTicks: 12, yTicks: 5, endLabels: true },
  compact: { width: 360, height: 146.25, margin: { top: 8, right: 14, bottom: 36, left: 38 }, font: 11.5, xTicks: 6, yTicks: 3, endLabels: false },
};
