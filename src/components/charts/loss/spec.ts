/** The settings of <LossExplorer>: one declaration per field (see ../shared/fields.ts). */
import { binaryLossIds } from '../lib-adapter';
import { defaultsOf, type PropsOf, type Spec, type StateOf } from '../shared/fields';
import { framePair } from '../shared/frame';
import type { CrossCheck } from '../shared/props-schema';

/** Beyond |z| = 30 every curve is flat or a straight line; nothing new to see. */
const Z_MAX = 30;

export const lossSpec = {
  losses: { kind: 'list', values: binaryLossIds, default: ['bce', 'mse'], label: '손실 함수', noun: '손실 함수' },
  y: { kind: 'int', min: 0, max: 1, default: 1, label: '정답 y' },
  /** Narrower ranges than minSpan leave too few distinct ticks and table rows. */
  domain: { kind: 'range', min: -Z_MAX, max: Z_MAX, minSpan: 1, default: [-8, 8], label: 'z 범위' },
  /** A confidently wrong output for y = 1 (ŷ ≈ 0.0025): the case the note is about. */
  z: { kind: 'number', min: -Z_MAX, max: Z_MAX, step: 0.1, default: -6, label: '로짓 z' },
} as const satisfies Spec;

export type LossState = StateOf<typeof lossSpec>;
export type LossProps = PropsOf<typeof lossSpec>;
export const LOSS_DEFAULTS: LossState = defaultsOf(lossSpec);

/** The reading point must lie inside the plotted range (the URL state clamps it instead). */
export const LOSS_CHECKS: readonly CrossCheck<typeof lossSpec>[] = [
  {
    path: 'z',
    test: (p) => p.z >= p.domain[0] && p.z <= p.domain[1],
    text: (p) => `domain 안의 값이어야 합니다 (받은 값: ${p.z}, domain: [${p.domain.join(', ')}]).`,
  },
];

/** Two stacked plots (loss, ∂L/∂z); wide and compact share one aspect ratio (frame.ts). */
export const LOSS_FRAMES = framePair(
  260,
  { margin: { top: 14, right: 118, bottom: 44, left: 52 }, font: 13, xTicks: 12, yTicks: 5 },
  { margin: { top: 8, right: 14, bottom: 36, left: 38 }, font: 11.5, xTicks: 6, yTicks: 3 },
);
