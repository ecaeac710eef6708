/**
 * Readout text of <TrainingLab>. Every number on screen passes through the
 * guarded formatters of ../shared/format.ts, so NaN and ±∞ read as Korean words.
 */
import { format } from 'd3-format';
import { num, percent } from '../shared/format';
import type { TrainRecord } from './history';

/** A loss value (3 significant digits; 1.2×10⁻⁵, 10³⁰⁰ 초과, 계산 불가). */
export const lossText = (v: number) => num(v, 3);
/** An accuracy in [0, 1] as a percentage. */
export const accuracyText = (v: number) => percent(v);
/** A gradient norm. */
export const gradText = (v: number) => num(v, 2);

/** A step count with thousands commas (1,234): d3-format, not Intl, whose first call loads locale data (tens of ms on a phone). */
export function stepText(n: number): string {
  return Number.isFinite(n) ? format(',')(Math.trunc(n)) : '–';
}

const DIVERGED_ADVICE = '학습률을 낮추거나, 기울기 클리핑을 켜거나, 초기화 배율을 줄여 보세요.';

/** One line on the current state: step, losses, accuracies (and what happened, if it diverged). */
export function summaryText(r: TrainRecord | undefined, diverged: boolean): string {
  if (!r) return '아직 학습하지 않았습니다. ▶ 재생이나 한 단계를 누르면 이 설정으로 학습을 시작합니다.';
  const base = `${stepText(r.step)}단계: 훈련 손실 ${lossText(r.trainLoss)}, 시험 손실 ${lossText(r.testLoss)}, 시험 정확도 ${accuracyText(r.testAccuracy)}`;
  if (!diverged) return `${base}.`;
  return `${stepText(r.step)}단계에서 기울기 폭주: 손실이나 기울기 노름이 10⁶을 넘거나 수로 나타낼 수 없게 되어 학습을 멈췄습니다. ${DIVERGED_ADVICE}`;
}
