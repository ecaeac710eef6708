/**
 * What <TrainingLab> draws for one run: the data points, the history, the
 * latest decision boundary and the theory ratio; the JSON-safe packing for
 * the island's props; and the chart titles, descriptions and table rows
 * derived from it. Pure, no DOM, no src/lib (main-thread bundle).
 */
import { gradText, lossText, accuracyText } from './format';
import { packArray, packNumber, unpackArray, type PackedFields } from '../shared/pack';
import { lastRecord, type History, type TrainRecord } from './history';

export interface PointSet {
  /** m×2, row-major. */
  x: number[];
  /** 0 or 1 per point. */
  y: number[];
}

export interface Boundary {
  /** Grid cells per side; cell (i, j) is column i from the left, row j from the bottom. */
  res: number;
  /** P(class 1) per cell, row-major from the bottom row. */
  prob: number[];
}

/** What stays fixed during a run (sent once per reset). */
export interface RunStatic {
  key: string;
  /** The plane shown is [−extent, extent]². */
  extent: number;
  train: PointSet;
  test: PointSet;
  /** Predicted ratio ‖∂L/∂W_l‖ / ‖∂L/∂W_{l+1}‖ at initialisation, where a theory exists (plain stack). */
  theoryRatio: number | null;
}

export interface TrainView extends RunStatic {
  history: History;
  boundary: Boundary | null;
  diverged: boolean;
}

/** Significant digits of the losses, accuracies and gradient norms in the props. */
const DIGITS = 6;

export type PackedView = Omit<TrainView, 'history' | 'boundary'> & {
  history: { stride: number; records: PackedFields<TrainRecord, Exclude<keyof TrainRecord, 'step'>>[] };
  boundary: PackedFields<Boundary, 'prob'> | null;
};

/** A JSON-safe copy for the island's props (see ../shared/pack.ts; points keep 4 digits, probabilities 3 decimals). */
export function packView(v: TrainView): PackedView {
  const rec = (r: TrainRecord) => ({
    step: r.step,
    trainLoss: packNumber(r.trainLoss, DIGITS),
    testLoss: packNumber(r.testLoss, DIGITS),
    trainAccuracy: packNumber(r.trainAccuracy, DIGITS),
    testAccuracy: packNumber(r.testAccuracy, DIGITS),
    grad: packArray(r.grad, DIGITS),
  });
  return {
    ...v,
    train: { x: v.train.x.map((n) => Number(n.toPrecision(4))), y: v.train.y },
    test: { x: v.test.x.map((n) => Number(n.toPrecision(4))), y: v.test.y },
    history: { stride: v.history.stride, records: v.history.records.map(rec) },
    boundary: v.boundary && {
      res: v.boundary.res,
      prob: v.boundary.prob.map((p) => (Number.isFinite(p) ? Math.round(p * 1000) / 1000 : String(p))),
    },
  };
}

export function unpackView(v: PackedView): TrainView {
  const rec = (r: PackedView['history']['records'][number]): TrainRecord => ({
    step: r.step,
    trainLoss: Number(r.trainLoss),
    testLoss: Number(r.testLoss),
    trainAccuracy: Number(r.trainAccuracy),
    testAccuracy: Number(r.testAccuracy),
    grad: unpackArray(r.grad),
  });
  return {
    ...v,
    history: { stride: v.history.stride, records: v.history.records.map(rec) },
    boundary: v.boundary && { res: v.boundary.res, prob: unpackArray(v.boundary.prob) },
  };
}

/** Table of the history: about `rows` evenly spaced records (the last always included). */
export function tableRows(h: History, rows = 12): string[][] {
  const rs = h.records;
  if (rs.length === 0) return [];
  const every = Math.max(1, Math.ceil(rs.length / rows));
  const picked = rs.filter((_, i) => i % every === 0 || i === rs.length - 1);
  return picked.map((r) => [
    String(r.step),
    lossText(r.trainLoss),
    lossText(r.testLoss),
    accuracyText(r.trainAccuracy),
    accuracyText(r.testAccuracy),
    gradText(r.grad[0]),
    gradText(r.grad[r.grad.length - 1]),
  ]);
}

export const TABLE_HEADERS = [
  '단계',
  '훈련 손실',
  '시험 손실',
  '훈련 정확도',
  '시험 정확도',
  '1층 ‖∂L/∂W‖',
  '출력층 ‖∂L/∂W‖',
];

/** Text alternative of the heatmap: first and output layer at the start and now. */
export function heatmapDesc(h: History): string {
  const rs = h.records.filter((r) => r.step > 0);
  const first = rs[0];
  const last = lastRecord(h);
  if (!first || !last) return '아직 학습 단계가 없어 기울기 기록이 없습니다.';
  const n = last.grad.length;
  return `가로축은 학습 단계, 세로축은 층(아래가 입력층, 맨 위가 출력층), 색은 가중치 기울기 노름의 로그입니다. ${first.step}단계에서 1층 ${gradText(first.grad[0])}, 출력층 ${gradText(first.grad[n - 1])}; ${last.step}단계에서 1층 ${gradText(last.grad[0])}, 출력층 ${gradText(last.grad[n - 1])}.`;
}

export function lossDesc(h: History, pinned: boolean): string {
  const last = lastRecord(h);
  if (!last) return '아직 학습 기록이 없습니다.';
  return `실선은 훈련 손실, 파선은 시험 손실, 점선은 시험 정확도(오른쪽 축)입니다.${pinned ? ' 회색 파선은 고정한 실행의 훈련 손실입니다.' : ''} 지금 ${last.step}단계: 훈련 손실 ${lossText(last.trainLoss)}, 시험 손실 ${lossText(last.testLoss)}, 시험 정확도 ${accuracyText(last.testAccuracy)}.`;
}
