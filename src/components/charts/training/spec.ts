/**
 * The settings of <TrainingLab>: one declaration per field (see ../shared/fields.ts).
 * Numeric bounds come from src/lib's TRAIN_LIMITS, the one place they live.
 */
import {
  activationIds,
  datasetIds,
  initIds,
  lossIds,
  normIds,
  optimizerIds,
  TRAIN_LIMITS,
  type TrainerSpec,
} from '../lib-adapter';
import { defaultsOf, SEED_RANGE, type PropsOf, type Spec, type StateOf } from '../shared/fields';
import { parseState } from '../shared/url-state';

/** Build-time pre-training: at most this many steps (the build trains the page's preset once). */
const MAX_PRETRAIN_STEPS = 2000;
/** Points in the generated data set (half train, half test). */
export const DATASET_SIZE = 400;

const { clip, depth, width, initScale, learningRate, batchSize, noise } = TRAIN_LIMITS;

export const trainSpec = {
  dataset: {
    kind: 'enum',
    values: datasetIds,
    default: 'circle',
    label: '데이터셋',
    noun: '데이터셋',
    options: { circle: '원 안과 밖', xor: 'XOR (네 사분면)', spiral: '두 갈래 나선', gauss: '가우스 덩어리 두 개' },
  },
  activation: { kind: 'enum', values: activationIds, default: 'sigmoid', label: '활성화 함수', noun: '활성화 함수' },
  init: { kind: 'enum', values: initIds, default: 'standard', label: '가중치 초기화', noun: '초기화 방법' },
  initScale: {
    kind: 'number',
    ...initScale,
    step: 0.25,
    default: 1,
    label: '초기화 배율',
    spoken: (v) => `${v}배`,
    short: (v) => `×${v}`,
  },
  depth: {
    kind: 'int',
    ...depth,
    default: 10,
    label: '깊이 (은닉층 수)',
    spoken: (v) => `은닉층 ${v}개`,
    short: (v) => `${v}층`,
  },
  width: {
    kind: 'int',
    ...width,
    default: 16,
    label: '너비 (층마다 유닛 수)',
    spoken: (v) => `유닛 ${v}개`,
    short: (v) => `${v}개`,
  },
  residual: { kind: 'bool', default: false, label: '잔차 연결' },
  norm: {
    kind: 'enum',
    values: normIds,
    default: 'none',
    label: '정규화',
    noun: '정규화 방법',
    options: { none: '없음', batch: '배치 정규화' },
  },
  /** 0 = off; otherwise a global-norm limit inside TRAIN_LIMITS.clip. */
  clip: {
    kind: 'number',
    min: 0,
    max: clip.max,
    default: 0,
    typed: true,
    label: '기울기 클리핑 (0 = 끔)',
    valid: {
      test: (v) => v === 0 || v >= clip.min,
      text: `0(끄기)이거나 ${clip.min} 이상 ${clip.max} 이하의 숫자여야 합니다`,
    },
  },
  loss: {
    kind: 'enum',
    values: lossIds,
    default: 'bce',
    label: '손실 함수',
    noun: '손실 함수',
    options: { bce: '이진 교차 엔트로피 (BCE)', mse: '평균 제곱 오차 (MSE)' },
  },
  optimizer: {
    kind: 'enum',
    values: optimizerIds,
    default: 'sgd',
    label: '옵티마이저',
    noun: '옵티마이저',
    options: { sgd: 'SGD', momentum: '모멘텀 (0.9)', adam: 'Adam' },
  },
  learningRate: { kind: 'number', ...learningRate, default: 0.1, typed: true, label: '학습률' },
  /** At most the training half of the data set. */
  batchSize: {
    kind: 'int',
    min: batchSize.min,
    max: Math.min(batchSize.max, DATASET_SIZE / 2),
    default: 32,
    label: '배치 크기',
    spoken: (v) => `배치 ${v}개`,
  },
  seed: { kind: 'int', ...SEED_RANGE, default: 1, typed: true, label: '난수 시드' },
  noise: { kind: 'number', ...noise, step: 0.05, default: 0.1, label: '잡음' },
  /** Sizes the build's pre-training only; not a control. */
  steps: { kind: 'int', min: 0, max: MAX_PRETRAIN_STEPS, default: 300, label: '미리 학습할 단계 수' },
} as const satisfies Spec;

export type TrainState = StateOf<typeof trainSpec>;
export type TrainKey = keyof TrainState;
export type TrainingProps = PropsOf<typeof trainSpec>;
export const TRAIN_DEFAULTS: TrainState = defaultsOf(trainSpec);

/** Settings that change the run (all but `steps`, which only sizes the build's pre-training). */
const RUN_KEYS = (Object.keys(trainSpec) as TrainKey[]).filter((k) => k !== 'steps');

/** Reads the state from a query; each missing or invalid key keeps its default. */
export const parseTrainState = (search: string, id: string, defaults: TrainState) =>
  parseState(search, id, trainSpec, defaults);

/** Cache key of a run's settings. */
export const runKey = (s: TrainState) => RUN_KEYS.map((k) => String(s[k])).join('|');

/** The lib's trainer spec of a setting (contract: docs/components.md, src/lib README). */
export function trainerSpec(s: TrainState): TrainerSpec {
  const { dataset, noise, seed, clip, steps: _, ...network } = s;
  return {
    ...network,
    dataset: { kind: dataset, size: DATASET_SIZE, noise, seed },
    clip: clip === 0 ? null : clip,
    seed,
  };
}
