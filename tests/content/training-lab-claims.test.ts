/**
 * Every claim of the note "학습이 멈추는 순간" (src/content/docs/notes/training-lab.mdx), checked
 * by training with the lab's own code: the preset links are parsed out of the MDX, read with the
 * lab's URL parser (defaults from the lab's spec, nothing retyped here), turned into a trainer
 * spec by the lab's `trainerSpec` and trained by src/lib's `createTrainer` for the link's
 * `train.steps`. Each threshold below is written once, with the words the note uses for it, and
 * `expectInNote` ties those words to the text, so a changed number in the note or a changed
 * behaviour of the trainer fails here.
 *
 * The note says its results hold for the link's seed and for seeds 2 and 3; claims the note
 * limits to seed 1 say so (`seeds: [1]`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import {
  DIVERGENCE_LIMIT,
  createTrainer,
  parameterLayout,
  sigmoid,
  theoreticalVarianceFactor,
  type ActivationId,
  type InitId,
  type Trainer,
} from '../../src/lib';
import { lossSum, outputGradient } from '../../src/lib/training/loss';
import { ADAM_EPSILON, applyUpdate, createOptimizerState } from '../../src/lib/training/optimizers';
import { decodeValue } from '../../src/components/charts/url-state';
import { boundaryGrid, planeExtent } from '../../src/components/charts/training/compute';
import {
  TRAIN_DEFAULTS,
  parseTrainState,
  runKey,
  trainSpec,
  trainerSpec,
  validClip,
  type TrainKey,
  type TrainState,
} from '../../src/components/charts/training/spec';

const LAB_ID = 'train';
const SEEDS = [1, 2, 3] as const;

const source = readFileSync(fileURLToPath(new URL('../../src/content/docs/notes/training-lab.mdx', import.meta.url)), 'utf8');
const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');

function expectInNote(text: string): void {
  expect(body.includes(text), `training-lab.mdx should contain ${JSON.stringify(text)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// The preset links: `[label](?train.<key>=<value>&…#<heading>)`

interface Preset {
  label: string;
  query: string;
  hash: string;
  /** The lab's state for the link (parseTrainState: each missing key keeps the spec's default). */
  state: TrainState;
}

const presets: Preset[] = [...body.matchAll(/\[([^\]]+)\]\((\?[^)#\s]+)#([^)\s]+)\)/g)].map(([, label, query, hash]) => ({
  label,
  query,
  hash,
  state: parseTrainState(query, LAB_ID, TRAIN_DEFAULTS),
}));

function preset(label: string): Preset {
  const found = presets.filter((p) => p.label === label);
  expect(found, `exactly one preset link labelled [${label}]`).toHaveLength(1);
  return found[0];
}

// ---------------------------------------------------------------------------------------------
// Training runs

interface Step {
  step: number;
  trainLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** ‖∂L/∂W‖ of the first and of the output layer (the heatmap's bottom and top rows). */
  first: number;
  output: number;
  diverged: boolean;
  divergedAt: number | null;
}

interface Run {
  trainer: Trainer;
  /** Step 0 (before training), then every `stride` steps up to the link's `steps` (or the divergence). */
  trace: Step[];
  start: Step;
  end: Step;
}

function record(t: Trainer): Step {
  const s = t.snapshot();
  return {
    step: s.step,
    trainLoss: s.trainLoss,
    trainAccuracy: s.trainAccuracy,
    testAccuracy: s.testAccuracy,
    first: s.gradNorm[0],
    output: s.gradNorm[s.gradNorm.length - 1],
    diverged: s.diverged,
    divergedAt: s.divergedAt,
  };
}

/**
 * Steps between records: every step for the link's own seed (what the reader sees, and more
 * often than the lab's charts sample it); every tenth step for the other seeds, since each
 * record evaluates the whole data set and costs several training steps.
 */
const strideFor = (seed: number) => (seed === SEEDS[0] ? 1 : 10);

const runs = new Map<string, Run>();

/** Trains the preset (optionally with another seed) with the lab's code, recording as it goes. */
function run(p: Preset, seed: number = p.state.seed): Run {
  const state = { ...p.state, seed };
  const key = `${runKey(state)}|${state.steps}`;
  const cached = runs.get(key);
  if (cached) return cached;
  const trainer = createTrainer(trainerSpec(state) as Parameters<typeof createTrainer>[0]);
  const trace = [record(trainer)];
  const stride = strideFor(seed);
  for (let done = 0; done < state.steps && !trace[trace.length - 1].diverged; done += stride) {
    trainer.step(Math.min(stride, state.steps - done));
    trace.push(record(trainer));
  }
  const result = { trainer, trace, start: trace[0], end: trace[trace.length - 1] };
  runs.set(key, result);
  return result;
}

/** Output-layer over first-layer gradient norm. */
const gap = (s: Step) => s.output / s.first;

/** "첫 층과 출력층의 기울기 노름 차이가 학습 내내 100배 안쪽": either way round, at every record. */
function expectGapWithin100(trace: Step[], seed: number): void {
  for (const s of trace) {
    expect(gap(s), `seed ${seed}, step ${s.step}`).toBeLessThan(WITHIN100.value);
    expect(gap(s), `seed ${seed}, step ${s.step}`).toBeGreaterThan(1 / WITHIN100.value);
  }
}

/** Runs the claim for every seed the note vouches for. */
function forSeeds(p: Preset, seeds: readonly number[], check: (r: Run, seed: number) => void): void {
  for (const seed of seeds) check(run(p, seed), seed);
}

/** The layer-to-layer variance factor n·Var[W]·E[f′²] of the note's network (src/lib/theory.ts). */
const varianceFactor = (s: TrainState) =>
  theoreticalVarianceFactor(s.activation as ActivationId, s.init as InitId, s.width).factor;

// Thresholds, each with the words the note uses for it.
const CHANCE = { value: 0.5, text: '50 %' };
const ORDERS6 = { value: 1e6, text: '100만분의 1' };
const WITHIN100 = { value: 100, text: '100배 안쪽' };
const BELOW1E5 = { value: 1e5, text: '10만 배 아래' };
const LOSS_BAND = 0.01;
const SAME_ANSWER = 0.001;
const pct = (x: number) => `${Math.round(x * 100)} %`;

describe('노트의 실험 링크', () => {
  it('링크는 실험실이 받아들이는 키와 값만 쓰고, 단계 수를 밝히며, 실험실이 있는 절을 가리킨다', () => {
    expect(presets.length).toBeGreaterThanOrEqual(12);
    const slugger = new GithubSlugger();
    const headings = [...body.matchAll(/^#{2,4} (.+)$/gm)].map((m) => slugger.slug(m[1]));
    // the lab sits under its heading, with no props: the links' defaults are the spec's defaults
    const labHeading = /^## (.+)\n\n<TrainingLab id="train" \/>$/m.exec(body);
    expect(labHeading, '<TrainingLab id="train" /> right under a heading, without other props').not.toBeNull();
    const labSlug = new GithubSlugger().slug(labHeading![1]);
    expect(headings).toContain(labSlug);
    for (const p of presets) {
      expect(p.hash, p.label).toBe(labSlug);
      const params = new URLSearchParams(p.query);
      expect(params.has(`${LAB_ID}.steps`), `${p.label}: states its steps`).toBe(true);
      for (const [key, value] of params) {
        const [id, field] = key.split('.');
        expect(id, `${p.label}: ${key}`).toBe(LAB_ID);
        expect(Object.keys(trainSpec), `${p.label}: ${key}`).toContain(field);
        const decoded = decodeValue(trainSpec[field as TrainKey], value);
        expect(decoded, `${p.label}: ${key}=${value} is a value the lab accepts`).not.toBeUndefined();
        expect(p.state[field as TrainKey], `${p.label}: ${key}`).toEqual(decoded);
      }
      expect(validClip(p.state.clip), p.label).toBe(true);
      // "원 안과 밖의 점을 가르는 작은 분류 문제", "폭 16"
      expect(p.state.dataset, p.label).toBe('circle');
      expect(p.state.width, p.label).toBe(16);
    }
    // every preset link has its claims below
    expect(presets.map((p) => p.label).sort()).toEqual(Object.keys(claimed).sort());
  });

  it('본문은 시드 1과 함께 시드 2, 3도 확인한다고 말한다', () => {
    for (const p of presets) expect(p.state.seed, p.label).toBe(SEEDS[0]);
    expectInNote('링크의 설정 그대로(난수 시드 1), 그리고 시드 2와 3으로도');
  });
});

/** Each preset's claims, by link label; every entry runs the trainer. */
const claimed: Record<string, () => void> = {
  '시그모이드 + SGD': () => {
    const p = preset('시그모이드 + SGD');
    expect(p.state).toMatchObject({ activation: 'sigmoid', init: 'standard', depth: 10, optimizer: 'sgd', dataset: 'circle' });
    expectInNote(`원 안과 밖의 점을 가르는 작은 분류 문제를 만들고, 깊이 ${p.state.depth}, 폭 ${p.state.width}인`);
    expectInNote(`${p.state.steps}단계 내내 손실은 $\\ln 2 \\approx 0.693$에서 ${LOSS_BAND} 안쪽에 머물고, 정확도는 정확히 ${CHANCE.text}입니다`);
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
    expectInNote(`| 시그모이드 + standard, SGD | 정확도 ${CHANCE.text}, 손실 $\\ln 2$ | 없음: 층마다 분산 배율 $\\le \\tfrac1{48}$ |`);
    expectInNote('시그모이드 + standard에서는 층을 하나 거꾸로 지날 때마다 기울기의 분산에 $\\tfrac1{48}$ 이하가 곱해집니다');
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
    expectInNote(`첫 층과 출력층의 기울기 노름 차이가 학습 내내 ${WITHIN100.text}이고, ${p.state.steps}단계 뒤 시험 정확도가 ${pct(acc)}를 넘습니다`);
    expectInNote(`| 시그모이드 + 배치 정규화 | 시험 정확도 ${pct(acc)} 넘음 |`);
    forSeeds(p, SEEDS, ({ trace, end }, seed) => {
      expect(end.testAccuracy, `seed ${seed}`).toBeGreaterThan(acc);
      expectGapWithin100(trace, seed);
    });
  },

  '시그모이드 + 잔차 연결': () => {
    const p = preset('시그모이드 + 잔차 연결');
    expect(p.state).toMatchObject({ activation: 'sigmoid', residual: true, norm: 'none' });
    expectInNote(`기울기 노름의 차이가 학습 내내 ${BELOW1E5.text}로 줄어듭니다. 그런데도 ${p.state.steps}단계 뒤 정확도는 여전히 ${CHANCE.text}입니다`);
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
    expectInNote(`폭주 없이 ${p.state.steps}단계를 마치고 손실이 처음의 1,000분의 1 아래로 내려가지만, 여전히 1을 넘습니다`);
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
    expectInNote(`| 초기화 배율 ${preset('배율 3').state.initScale}, ${p.state.initScale} | 기울기 폭주 | 클리핑으로 폭주를 막음 |`);
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
    // "처음부터 학습 데이터의 99 %가 넘는 점에서 출력 ŷ가 0이나 1과 10⁻⁶도 차이 나지 않는"
    expectInNote('처음부터 학습 데이터의 99 %가 넘는 점에서 출력 $\\hat y$가 0이나 1과 $10^{-6}$도 차이 나지 않는');
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
    expectInNote(`시드 2와 3에서도 시험 정확도가 교차 엔트로피보다 ${Math.round(lead * 100)} %p 넘게 낮습니다`);
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
    // "처음 10단계 동안 첫 층 가중치가 움직인 폭(평균 제곱근)은 SGD에서는 출력층의 1,000분의 1도 되지
    // 않지만, Adam에서는 두 층의 차이가 10배 안쪽입니다"
    const early = 10;
    expectInNote(`처음 ${early}단계 동안 첫 층 가중치가 움직인 폭(평균 제곱근)은 SGD에서는 출력층의 1,000분의 1도 되지 않지만, Adam에서는 두 층의 차이가 10배 안쪽입니다`);
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
    expect({ ...p.state, optimizer: first.optimizer, learningRate: first.learningRate, steps: first.steps }).toEqual(first);
    expect(p.state.learningRate).toBe(preset('Adam').state.learningRate);
    const below = 1e-9;
    expect(ADAM_EPSILON).toBe(1e-8);
    expectInNote('이 실험실의 Adam은 $\\epsilon = 10^{-8}$을 쓰는데');
    expectInNote(`첫 층의 기울기 노름이 학습 내내 $10^{-9}$보다 작아 $\\epsilon$에도 못 미치고, ${p.state.steps}단계 뒤에도 정확도 ${CHANCE.text}에 머뭅니다`);
    forSeeds(p, SEEDS, ({ trace, end }, seed) => {
      for (const s of trace) expect(s.first, `seed ${seed}, step ${s.step}`).toBeLessThan(below);
      expect(below).toBeLessThan(ADAM_EPSILON);
      expect(end.step).toBe(p.state.steps);
      expect(end.trainAccuracy, `seed ${seed}`).toBeCloseTo(CHANCE.value, 2);
      expect(end.testAccuracy, `seed ${seed}`).toBeCloseTo(CHANCE.value, 2);
    });
  },
};

/** Root-mean-square change of the first and the output layer's weights over the first n steps. */
function stepSizes(state: TrainState, seed: number, n: number): { first: number; output: number } {
  const t = createTrainer(trainerSpec({ ...state, seed }) as Parameters<typeof createTrainer>[0]);
  const before = t.parameters();
  t.step(n);
  const after = t.parameters();
  const layout = parameterLayout(state.depth, state.width, state.norm === 'batch');
  const rms = (l: number) => {
    const from = layout.weight[l];
    const count = layout.fanIn[l] * layout.fanOut[l];
    let sum = 0;
    for (let i = from; i < from + count; i++) sum += (after[i] - before[i]) ** 2;
    return Math.sqrt(sum / count);
  };
  return { first: rms(0), output: rms(state.depth) };
}

/** "시그모이드 깊이 3 신경망은 600단계 뒤에도 SGD와 모멘텀으로는 정확도 50 %에 머물지만" */
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

describe('링크마다 실험실의 코드로 학습시킨 결과가 본문과 같다', () => {
  // Generous limits: a few hundred steps take well under a second each, but CI machines are shared.
  for (const [label, check] of Object.entries(claimed)) it(`[${label}]`, check, 120_000);
});

describe('본문의 식', () => {
  it('∂ℓ/∂z: 교차 엔트로피는 ŷ − y, 평균 제곱 오차는 2(ŷ − y)ŷ(1 − ŷ) (라이브러리의 손실과 유한 차분)', () => {
    expectInNote('\\text{교차 엔트로피: } \\frac{\\partial \\ell}{\\partial z} = \\hat y - y');
    expectInNote('\\text{평균 제곱 오차: } \\frac{\\partial \\ell}{\\partial z} = 2(\\hat y - y)\\,\\hat y\\,(1 - \\hat y)');
    const one = (loss: 'bce' | 'mse', z: number, y: number) => lossSum(loss, Float64Array.of(z), Float64Array.of(y), 1);
    const grad = (loss: 'bce' | 'mse', z: number, y: number) => {
      const out = new Float64Array(1);
      outputGradient(loss, Float64Array.of(z), Float64Array.of(y), 1, 1, out);
      return out[0];
    };
    for (const z of [-4, -1, 0, 0.5, 3]) {
      for (const y of [0, 1]) {
        const s = sigmoid(z);
        expect(grad('bce', z, y)).toBeCloseTo(s - y, 14);
        expect(grad('mse', z, y)).toBeCloseTo(2 * (s - y) * s * (1 - s), 14);
        for (const loss of ['bce', 'mse'] as const) {
          const h = 1e-5;
          const fd = (one(loss, z + h, y) - one(loss, z - h, y)) / (2 * h);
          expect(grad(loss, z, y)).toBeCloseTo(fd, 8);
        }
      }
    }
    // confidently wrong (y = 0, ŷ → 1): cross-entropy's gradient → 1, MSE's → 0, and the more wrong the smaller
    expect(grad('bce', 20, 0)).toBeCloseTo(1, 8);
    expect(grad('mse', 20, 0)).toBeLessThan(1e-7);
    expect(grad('mse', 10, 0)).toBeLessThan(grad('mse', 5, 0));
    expectInNote('틀릴수록 오히려 덜 고치는 셈입니다');
  });

  it('초기화 배율 a: 가중치가 a배이므로 분산 배율은 a²배', () => {
    const p = preset('배율 3').state;
    const scaled = createTrainer(trainerSpec(p) as Parameters<typeof createTrainer>[0]).parameters();
    const plain = createTrainer(trainerSpec({ ...p, initScale: 1 }) as Parameters<typeof createTrainer>[0]).parameters();
    // every parameter (weights; the biases start at 0) is the same draw times a
    for (let i = 0; i < plain.length; i++) expect(scaled[i]).toBeCloseTo(p.initScale * plain[i], 12);
    expect(plain.some((w) => w !== 0)).toBe(true);
    expectInNote('배율이 $a$면 분산 배율은 $a^2$배가 되어, ReLU + He에서 신호와 기울기가 층마다 약 $a$배씩 커집니다');
    const r = (scale: number) => Math.sqrt(varianceFactor({ ...p, initScale: 1 }) * scale ** 2);
    expect(r(p.initScale)).toBeCloseTo(p.initScale, 14);
  });

  it('Adam의 갱신은 기울기의 척도와 무관하다, 기울기가 ε보다 훨씬 작아지기 전까지는', () => {
    expectInNote('$\\hat m$과 $\\sqrt{\\hat v}$가 함께 $c$배 작아져 비율은 그대로입니다');
    expectInNote('갱신이 $\\eta\\,\\hat m/\\epsilon$, 즉 다시 기울기에 비례하게 됩니다');
    const lr = 0.01;
    /** Total movement of one parameter after 50 Adam steps with a constant gradient g. */
    const moved = (g: number) => {
      const st = createOptimizerState(1, 'adam');
      const p = Float64Array.of(0);
      for (let i = 0; i < 50; i++) applyUpdate('adam', st, p, Float64Array.of(g), 1, lr);
      return -p[0];
    };
    // gradients 10³ and 10⁵ times smaller (still ≫ ε): the same steps
    expect(moved(1e-3) / moved(1)).toBeCloseTo(1, 4);
    expect(moved(1e-5) / moved(1)).toBeCloseTo(1, 2);
    // far below ε: proportional to g again, about lr·g/ε per step
    expect(moved(1e-11) / moved(1e-12)).toBeCloseTo(10, 1);
    expect(moved(1e-11) / ((50 * lr * 1e-11) / ADAM_EPSILON)).toBeCloseTo(1, 2);
  });
});
