/** Korean labels of <TrainingLab>'s settings and values (the site's terms, see the glossary). */
import type { TrainKey } from './spec';

export const FIELD_LABELS: Record<TrainKey, string> = {
  dataset: '데이터셋',
  noise: '잡음',
  seed: '난수 시드',
  activation: '활성화 함수',
  init: '가중치 초기화',
  initScale: '초기화 배율',
  depth: '깊이 (은닉층 수)',
  width: '너비 (층마다 유닛 수)',
  residual: '잔차 연결',
  norm: '정규화',
  loss: '손실 함수',
  optimizer: '옵티마이저',
  learningRate: '학습률',
  batchSize: '배치 크기',
  clip: '기울기 클리핑 (0 = 끔)',
  steps: '미리 학습할 단계 수',
};

export const VALUE_LABELS: Partial<Record<TrainKey, Record<string, string>>> = {
  dataset: { circle: '원 안과 밖', xor: 'XOR (네 사분면)', spiral: '두 갈래 나선', gauss: '가우스 덩어리 두 개' },
  norm: { none: '없음', batch: '배치 정규화' },
  loss: { bce: '이진 교차 엔트로피 (BCE)', mse: '평균 제곱 오차 (MSE)' },
  optimizer: { sgd: 'SGD', momentum: '모멘텀 (0.9)', adam: 'Adam' },
};

/** Spoken value of a range input (aria-valuetext). */
export function valueText(key: TrainKey, v: number): string {
  switch (key) {
    case 'depth':
      return `은닉층 ${v}개`;
    case 'width':
      return `유닛 ${v}개`;
    case 'initScale':
      return `${v}배`;
    case 'batchSize':
      return `배치 ${v}개`;
    default:
      return String(v);
  }
}

/** Shown next to a range input. */
export function valueShort(key: TrainKey, v: number): string {
  switch (key) {
    case 'depth':
      return `${v}층`;
    case 'width':
      return `${v}개`;
    case 'initScale':
      return `×${v}`;
    default:
      return String(v);
  }
}
