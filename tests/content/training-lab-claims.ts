/**
 * The claims of the note "학습이 멈추는 순간", each a function that trains the preset with the
 * lab's own code and asserts what the note says (run by training-lab-claims.test.ts).
 */
import { expect } from 'vitest';
import { DIVERGENCE_LIMIT, createTrainer, type Trainer } from '../../src/lib';
import { ADAM_EPSILON } from '../../src/lib/training/optimizers';
import { boundaryGrid, planeExtent } from '../../src/components/charts/training/compute';
import { TRAIN_DEFAULTS, trainerSpec } from '../../src/components/charts/training/spec';
import {
  SEEDS,
  expectInNote,
  forSeeds,
  gap,
  preset,
  run,
  stepSizes,
  varianceFactor,
  type Step,
} from '../helpers/training-lab-note';

// Thresholds, each with the words the note uses for it.
const CHANCE = { value: 0.5, text: '50%' };
const ORDERS6 = { value: 1e6, text: '100만분의 1' };
const WITHIN100 = { value: 100, text: '100배 안쪽' };
const BELOW1E5 = { value: 1e5, text: '10만 배 아래' };
const LOSS_BAND = 0.01;
const SAME_ANSWER = 0.001;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "첫 층과 출력층의 기울기 노름 차이가 학습 내내 100배 안쪽": either way round, at every record. */
function expectGapWithin100(trace: Step[], seed: number): void {
  for (const s of trace) {
    expect(gap(s), `seed ${seed}, step ${s.step}`).toBeLessThan(WITHIN100.value);
    expect(gap(s), `seed ${seed}, step ${s.step}`).toBeGreaterThan(1 / WITHIN100.value);
  }
}

/** Each preset's claims, by link label; every entry runs the trainer. */
export const claimed: Record<string, () => void> = {
  '시그모이드 + SGD': () => {
    const p = preset('시그모이드 + SGD');
    expect(p.state).toMatchObject({
      activation: 'sigmoid',
      init: 'standard',
      depth: 10,
      optimizer: 'sgd',
      dataset: 'circle',
    });
    expectInNote(`원 안과 밖의 점을 가르는 작은 분류 문제를 만들고, 깊이 ${p.state.depth}, 너비 ${p.state.width}인`);
    expectInNote(
      `${p.state.steps}단계 내내 손실은 $\\ln 2 \\approx 0.693$에서 ${LOSS_BAND} 안쪽에 머물고, 정확도는 정확히 ${CHANCE.text}입니다`,
    );
    expectInNote(`첫 층(맨 아래)의 기울기 노름이 학습 내내 출력층의 ${ORDERS6.text}도 되지 않습니다`);
    expectInNote(`${p.state.steps}단계 뒤에도 모든 점에 답하는 확률이 서로 ${SAME_ANSWER}도 차이 나지 않습니다`);
    forSeeds(p, SEEDS, ({ trainer, trace, end }, seed) => {
      expect(end.step, `seed ${seed}`).toBe(p.state.steps);
      for (const s of trace) {
        expect(gap(s), `seed ${seed}, step ${s.step}`).toBeGreaterThan(ORDERS6.value);
        if (s.step === 0) continue; // "300단계 내내": after each step
        expect(Math.abs(s.trainLoss - Math.LN2), `seed ${seed}, step ${s.step}`).toBeLessThan(LOSS_BAND);
        expect(s.trainAccuracy, `seed ${seed}, step ${s.step}`).toBe(CHANCE.value);
        expect(s.testAccuracy, `seed ${seed}, step ${s.step}`).toBe(CHANCE.value);
      }
      // every point gets (almost) the same probability: the features no longer depend on the input
      const { train, test } = trainer.dataset;
      const probs = [...trainer.predict(train.x), ...trainer.predict(test.x)];
      expect(Math.max(...probs) - Math.min(...probs), `seed ${seed}`).toBeLessThan(SAME_ANSWER);
      // … and over the whole plane the lab paints (its own boundary grid)
      const extent = planeExtent([train, test].map((set) => ({ x: Array.from(set.x), y: Array.from(set.y) })));
      const plane = trainer.predict(boundaryGrid(extent));
      expect(Math.max(...plane) - Math.min(...plane), `seed ${seed}`).toBeLessThan(SAME_ANSWER);
      // "두 클래스의 점 수가 같으므로"
      for (const set of [train, test]) expect(set.y.reduce((a, b) => a + b, 0) * 2).toBe(set.y.length);
    });
    expectInNote('입력 평면 전체가 그렇기 때문에 결정 경계 그림이 한 가지 색으로 칠해집니다');
    // the reasons the text gives
    expect(varianceFactor(p.state)).toBeCloseTo(1 / 48, 14);
    expectInNote(
      `| 시그모이드 + 관행적 균등 초기화, SGD | 정확도 ${CHANCE.text}, 손실 $\\ln 2$ | 없음: 층마다 분산 배율 $\\le \\tfrac1{48}$ |`,
    );
    expectInNote(
      '시그모이드 + 관행적 균등 초기화에서는 층을 하나 거꾸로 지날 때마다 기울기의 분산에 $\\tfrac1{48}$ 이하가 곱해집니다',
    );
    expect(-Math.log(0.5)).toBe(Math.LN2);
    expect(Math.LN2.toFixed(3)).toBe('0.693');
  },

  'ReLU + He': () => {
    const p = preset('ReLU + He');
    const base = preset('시그모이드 + SGD').state;
    expect({ ...p.state, activation: base.activation, init: base.init }).toEqual(base);
    const acc = 0.95;
    expectInNote(`같은 ${p.state.steps}단계 안에 시험 정확도가 ${pct(acc)}를 넘습니다`);
    expectInNote(`기울기 노름 차이가 학습 내내 ${WITHIN100.text}입니다`);
    expect(varianceFactor(p.state)).toBeCloseTo(1, 14);
    expectInNote('ReLU + He의 분산 배율은 1이어서');
    expectInNote(`| ReLU + He | 시험 정확도 ${pct(acc)} 넘음 | 분산 배율 1 |`);
    forSeeds(p, SEEDS, ({ trace, end }, seed) => {
      expect(end.diverged).toBe(false);
      expect(end.testAccuracy, `seed ${seed}`).toBeGreaterThan(acc);
      expectGapWithin100(trace, seed);
    });
  },

  '시그모이드 + 배치 정규화': () => {
    const p = preset('시그모이드 + 배치 정규화');
    expect(p.state).toMatchObject({ activation: 'sigmoid', norm: 'batch', residual: false });
    const acc = 0.9;
    expectInNote(
      `첫 층과 출력층의 기울기 노름 차이가 학습 내내 ${WITHIN100.text}이고, ${p.state.steps}단계 뒤 시험 정확도가 ${pct(acc)}를 넘습니다`,
    );
    expectInNote(`| 시그모이드 + 배치 정규화 | 시험 정확도 ${pct(acc)} 넘음 |`);
    forSeeds(p, SEEDS, ({ trace, end }, seed) => {
      expect(end.testAccuracy, `seed ${seed}`).toBeGreaterThan(acc);
      expectGapWithin100(trace, seed);
    });
  },

  '시그모이드 + 잔차 연결': () => {
    const p = preset('시그모이드 + 잔차 연결');
    expect(p.state).toMatchObject({ activation: 'sigmoid', residual: true, norm: 'none' });
    expectInNote(
      `기울기 노름의 차이가 학습 내내 ${BELOW1E5.text}로 줄어듭니다. 그런데도 ${p.state.steps}단계 뒤 정확도는 여전히 ${CHANCE.text}입니다`,
    );
    expectInNote(`| 시그모이드 + 잔차 연결 | 정확도 ${CHANCE.text} |`);
    forSeeds(p, SEEDS, ({ trace, end }, seed) => {
      for (const s of trace) expect(gap(s), `seed ${seed}, step ${s.step}`).toBeLessThan(BELOW1E5.value);
      expect(end.trainAccuracy, `seed ${seed}`).toBeCloseTo(CHANCE.value, 2);
      expect(end.testAccuracy, `seed ${seed}`).toBeCloseTo(CHANCE.value, 2);
    });
    // "줄어듭니다": the plain sigmoid net's gap was above 10⁶ the whole run
    expect(ORDERS6.value).toBeGreaterThan(BELOW1E5.value);
  },

  '잔차 연결 + 배치 정규화': () => {
    const p = preset('잔차 연결 + 배치 정규화');
    expect(p.state).toMatchObject({ activation: 'sigmoid', residual: true, norm: 'batch' });
    const acc = 0.95;
    expectInNote(`함께 쓰면 ${p.state.steps}단계 뒤 시험 정확도가 ${pct(acc)}를 넘습니다`);
    forSeeds(p, SEEDS, ({ end }, seed) => expect(end.testAccuracy, `seed ${seed}`).toBeGreaterThan(acc));
  },

  '배율 3': () => {
    const p = preset('배율 3');
    expect(p.state).toMatchObject({ activation: 'relu', init: 'he', initScale: 3, clip: 0 });
    expect(DIVERGENCE_LIMIT).toBe(1e6);
    expectInNote('첫 단계에서 손실이나 기울기 노름이 $10^6$을 넘어');
    forSeeds(p, SEEDS, ({ end }, seed) => {
      expect(end.diverged, `seed ${seed}`).toBe(true);
      expect(end.divergedAt, `seed ${seed}`).toBe(1);
    });
  },

  '배율 3 + 클리핑 1': () => {
    const p = preset('배율 3 + 클리핑 1');
    expect({ ...p.state, clip: 0 }).toEqual(preset('배율 3').state);
    expectInNote(`[배율 3 + 클리핑 ${p.state.clip}]`);
    const drop = 1000;
    expectInNote(
      `폭주 없이 ${p.state.steps}단계를 마치고 손실이 처음의 1,000분의 1 아래로 내려가지만, 여전히 1을 넘습니다`,
    );
    forSeeds(p, SEEDS, ({ start, end }, seed) => {
      expect(end.diverged, `seed ${seed}`).toBe(false);
      expect(end.step, `seed ${seed}`).toBe(p.state.steps);
      expect(end.trainLoss, `seed ${seed}`).toBeLessThan(start.trainLoss / drop);
      expect(end.trainLoss, `seed ${seed}`).toBeGreaterThan(1);
    });
  },

  '클리핑이 없으면': () => {
    const p = preset('클리핑이 없으면');
    expect(p.state).toMatchObject({ activation: 'relu', init: 'he', initScale: 2, clip: 0 });
    const within = 2;
    expectInNote(`${within}단계 안에 폭주하지만`);
    expectInNote(
      `| 초기화 배율 ${preset('배율 3').state.initScale}, ${p.state.initScale} | 기울기 폭주 | 클리핑으로 폭주를 막음 |`,
    );
    forSeeds(p, SEEDS, ({ end }, seed) => {
      expect(end.diverged, `seed ${seed}`).toBe(true);
      expect(end.divergedAt!, `seed ${seed}`).toBeLessThanOrEqual(within);
    });
  },

  '클리핑 1을 켜면': () => {
    const p = preset('클리핑 1을 켜면');
    expect({ ...p.state, clip: 0 }).toEqual(preset('클리핑이 없으면').state);
    expect(p.state.clip).toBe(1);
    const acc = 0.9;
    expectInNote(`${p.state.steps}단계 뒤 시험 정확도가 ${pct(acc)}를 넘습니다`);
    forSeeds(p, SEEDS, ({ end }, seed) => {
      expect(end.diverged, `seed ${seed}`).toBe(false);
      expect(end.testAccuracy, `seed ${seed}`).toBeGreaterThan(acc);
    });
  },

  '평균 제곱 오차로 바꾸면': () => {
    const p = preset('평균 제곱 오차로 바꾸면');
    const bce = preset('클리핑 1을 켜면');
    // "손실만 바꾸면": the previous section's preset with the other loss
    expect({ ...p.state, loss: 'bce' }).toEqual(bce.state);
    expect(p.state.loss).toBe('mse');
    expectInNote(`처음 출력층의 기울기 노름이 교차 엔트로피일 때의 ${ORDERS6.text}도 되지 않습니다`);
    // "처음부터 학습 데이터의 99%가 넘는 점에서 출력 ŷ가 0이나 1과 10⁻⁶도 차이 나지 않는"
    expectInNote('처음부터 학습 데이터의 99%가 넘는 점에서 출력 $\\hat y$가 0이나 1과 $10^{-6}$도 차이 나지 않는');
    const saturated = (t: Trainer) => {
      const probs = Array.from(t.predict(t.dataset.train.x));
      return probs.filter((q) => Math.min(q, 1 - q) < 1e-6).length / probs.length;
    };
    for (const seed of SEEDS) {
      const fresh = createTrainer(trainerSpec({ ...p.state, seed }) as Parameters<typeof createTrainer>[0]);
      expect(saturated(fresh), `seed ${seed}`).toBeGreaterThan(0.99);
    }
    forSeeds(p, SEEDS, ({ start }, seed) => {
      expect(start.output, `seed ${seed}`).toBeLessThan(run(bce, seed).start.output / ORDERS6.value);
    });
    // seed 1: stuck at loss 0.5 and chance accuracy
    expectInNote(`시드 1에서는 ${p.state.steps}단계 내내 손실이 0.5, 정확도가 ${CHANCE.text}에서 움직이지 않습니다`);
    expectInNote(`| 평균 제곱 오차 + 포화한 출력 | 정확도 ${CHANCE.text} (시드 1) |`);
    // "절반의 점을 확신에 차서 틀리고 있는 상태": half the points are wrong by more than 0.99
    expectInNote('절반의 점을 확신에 차서 틀리고 있는 상태입니다');
    {
      const t = run(p, 1).trainer;
      const { x, y } = t.dataset.train;
      const probs = t.predict(x);
      const wrong = Array.from(probs).filter((q, i) => Math.abs(q - y[i]) > 0.99).length / y.length;
      expect(wrong).toBeGreaterThan(0.45);
      expect(wrong).toBeLessThan(0.55);
    }
    for (const s of run(p, 1).trace) {
      expect(s.trainLoss, `step ${s.step}`).toBeCloseTo(0.5, 3);
      expect(s.trainAccuracy, `step ${s.step}`).toBe(CHANCE.value);
      expect(s.testAccuracy, `step ${s.step}`).toBe(CHANCE.value);
    }
    // seeds 2 and 3: well below cross-entropy
    const lead = 0.2;
    expectInNote(`시드 2와 3에서도 시험 정확도가 교차 엔트로피보다 ${Math.round(lead * 100)}%p 넘게 낮습니다`);
    for (const seed of [2, 3]) {
      expect(run(p, seed).end.testAccuracy, `seed ${seed}`).toBeLessThan(run(bce, seed).end.testAccuracy - lead);
    }
  },

  SGD: () => depth3Stall('SGD', 'sgd'),
  모멘텀: () => depth3Stall('모멘텀', 'momentum'),

  Adam: () => {
    const p = preset('Adam');
    expect(p.state).toMatchObject({ activation: 'sigmoid', init: 'standard', depth: 3, optimizer: 'adam' });
    expect({ ...p.state, optimizer: 'sgd', learningRate: TRAIN_DEFAULTS.learningRate }).toEqual(preset('SGD').state);
    const acc = 0.95;
    expectInNote(`(학습률 ${p.state.learningRate})으로는 시험 정확도가 ${pct(acc)}를 넘습니다`);
    forSeeds(p, SEEDS, ({ end }, seed) => expect(end.testAccuracy, `seed ${seed}`).toBeGreaterThan(acc));
    expectInNote(`| 시그모이드 깊이 ${p.state.depth}, Adam | 시험 정확도 ${pct(acc)} 넘음 |`);
    // "처음 10단계 동안 첫 층 가중치가 움직인 거리(평균 제곱근)는 SGD에서는 출력층의 1,000분의 1도 되지
    // 않지만, Adam에서는 두 층의 차이가 10배 안쪽입니다"
    const early = 10;
    expectInNote(
      `처음 ${early}단계 동안 첫 층 가중치가 움직인 거리(평균 제곱근)는 SGD에서는 출력층의 1,000분의 1도 되지 않지만, Adam에서는 두 층의 차이가 10배 안쪽입니다`,
    );
    for (const seed of SEEDS) {
      const sgd = stepSizes(preset('SGD').state, seed, early);
      const adam = stepSizes(p.state, seed, early);
      expect(sgd.output / sgd.first, `seed ${seed}`).toBeGreaterThan(1000);
      expect(adam.output / adam.first, `seed ${seed}`).toBeLessThan(10);
      expect(adam.output / adam.first, `seed ${seed}`).toBeGreaterThan(1 / 10);
    }
  },

  '깊이 10 신경망을 Adam으로': () => {
    const p = preset('깊이 10 신경망을 Adam으로');
    // "첫 절의 깊이 10 신경망": the first preset with another optimizer
    const first = preset('시그모이드 + SGD').state;
    expect({ ...p.state, optimizer: first.optimizer, learningRate: first.learningRate, steps: first.steps }).toEqual(
      first,
    );
    expect(p.state.learningRate).toBe(preset('Adam').state.learningRate);
    const below = 1e-9;
    expect(ADAM_EPSILON).toBe(1e-8);
    expectInNote('이 실험실의 Adam은 $\\epsilon = 10^{-8}$을 쓰는데');
    expectInNote(
      `첫 층의 기울기 노름이 학습 내내 $10^{-9}$보다 작아 $\\epsilon$에도 못 미치고, ${p.state.steps}단계 뒤에도 정확도 ${CHANCE.text}에 머뭅니다`,
    );
    forSeeds(p, SEEDS, ({ trace, end }, seed) => {
      for (const s of trace) expect(s.first, `seed ${seed}, step ${s.step}`).toBeLessThan(below);
      expect(below).toBeLessThan(ADAM_EPSILON);
      expect(end.step).toBe(p.state.steps);
      expect(end.trainAccuracy, `seed ${seed}`).toBeCloseTo(CHANCE.value, 2);
      expect(end.testAccuracy, `seed ${seed}`).toBeCloseTo(CHANCE.value, 2);
    });
  },
};

/** "시그모이드 깊이 3 신경망은 600단계 뒤에도 SGD와 모멘텀으로는 정확도 50%에 머물지만" */
function depth3Stall(label: string, optimizer: string): void {
  const p = preset(label);
  expect(p.state).toMatchObject({ activation: 'sigmoid', init: 'standard', depth: 3, optimizer });
  expectInNote(`시그모이드 깊이 ${p.state.depth} 신경망은 ${p.state.steps}단계 뒤에도`);
  expectInNote(`으로는 정확도 ${CHANCE.text}에 머물지만`);
  forSeeds(p, SEEDS, ({ end }, seed) => {
    expect(end.diverged).toBe(false);
    expect(end.trainAccuracy, `seed ${seed}`).toBeCloseTo(CHANCE.value, 2);
    expect(end.testAccuracy, `seed ${seed}`).toBeCloseTo(CHANCE.value, 2);
  });
}
