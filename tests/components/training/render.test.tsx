/** SSR of <TrainingLab>'s island and charts (preact-render-to-string, no DOM). */
import { describe, expect, test } from 'vitest';
import { render } from 'preact-render-to-string';
import { LAB_FRAMES } from '../../../src/components/charts/shared/frame';
import {
  boundaryGrid,
  computeTrainView,
  planeExtent,
  theoryRatio,
} from '../../../src/components/charts/training/compute';
import { summaryText } from '../../../src/components/charts/training/format';
import type { TrainRecord } from '../../../src/components/charts/training/history';
import { LossChart, lossDomain } from '../../../src/components/charts/training/LossChart';
import { theoryLine } from '../../../src/components/charts/training/ProfileChart';
import { TRAIN_DEFAULTS, type TrainState } from '../../../src/components/charts/training/spec';
import TrainingLabIsland from '../../../src/components/charts/training/TrainingLabIsland';
import { packView, unpackView, type TrainView } from '../../../src/components/charts/training/view';
import { theoreticalVarianceFactor } from '../../../src/lib/index';

const SHORT: TrainState = { ...TRAIN_DEFAULTS, steps: 40 };
const rec = (step: number, loss: number, grad = [1e-3, 1e-2, 1e-1]): TrainRecord => ({
  step,
  trainLoss: loss,
  testLoss: loss,
  trainAccuracy: 0.5,
  testAccuracy: 0.5,
  grad,
});

describe('<TrainingLab> server render', () => {
  const view = computeTrainView(SHORT);
  const html = render(
    <TrainingLabIsland
      id="train"
      {...SHORT}
      initial={packView(view)}
      libLabels={{ 'activation.sigmoid': '시그모이드' }}
    />,
  );

  test('the build-time run is drawn: loss curves, heatmap, profile, boundary, points and a table', () => {
    expect(html).toMatch(/<path class="series c-train" data-series="train-loss" d="M[\d.]+,[\d.]+L/);
    expect(html).toMatch(/<g class="heat" data-columns="\d+"><path fill="#[0-9a-f]{6}" d="M/);
    expect(html.match(/<svg class="dl-svg[^"]*" viewBox="[^"]+" role="img"/g)?.length).toBe(5);
    expect(html).toContain('class="pt pt-0"');
    expect(html).toContain(`data-step="${SHORT.steps}"`);
    const rows = html.match(/<tr><th scope="row">/g) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(html).toContain(`<th scope="row">${SHORT.steps}</th>`);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  test('the page does not start or mention a worker in its markup, and nothing is busy', () => {
    expect(html).not.toContain('aria-busy');
    expect(html).toContain('data-status="paused"');
    expect(html).toContain('aria-live="polite"');
  });

  test('packing for the props keeps the run (6 significant digits) and spells non-finite numbers as strings', () => {
    const back = unpackView(JSON.parse(JSON.stringify(packView(view))) as TrainView);
    expect(back.history.records.length).toBe(view.history.records.length);
    const a = view.history.records.at(-1)!;
    const b = back.history.records.at(-1)!;
    expect(b.trainLoss).toBeCloseTo(a.trainLoss, 5);
    expect(b.grad.length).toBe(a.grad.length);
    const odd = { ...view, history: { stride: 1, records: [rec(1, Infinity, [0, NaN, Infinity])] } };
    const round = unpackView(JSON.parse(JSON.stringify(packView(odd))) as TrainView);
    expect(round.history.records[0].trainLoss).toBe(Infinity);
    expect(round.history.records[0].grad).toEqual([0, NaN, Infinity]);
  });

  test('the build is deterministic: the same preset gives the same view', () => {
    expect(JSON.stringify(computeTrainView(SHORT))).toBe(JSON.stringify(view));
  });
});

describe('loss chart', () => {
  test('a pinned run is a dashed path of its own; a divergence is marked at its step', () => {
    const html = render(
      <LossChart
        idPrefix="l"
        title="t"
        desc="d"
        frame={LAB_FRAMES.wide}
        records={[rec(0, 0.7), rec(5, 1e7)]}
        pinned={[rec(0, 0.7), rec(9, 0.3)]}
        divergedStep={5}
        yLabel="손실"
      />,
    );
    expect(html).toMatch(/<path class="series c-pin deriv thin" data-series="pinned" d="M[\d.]+,[\d.]+L/);
    expect(html).toMatch(/<g class="c-diverged" data-diverged="5">/);
    expect(html).toContain('폭주');
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  test('the y range stops at 4× the first loss, so a diverging run does not flatten the rest', () => {
    expect(lossDomain([[rec(0, 0.7), rec(5, 1e7)]])[1]).toBeLessThanOrEqual(0.7 * 4 * 1.5);
    expect(lossDomain([[rec(0, 0.7), rec(5, 0.2)], [rec(0, 0.75)]])).toEqual([0, 0.8]);
    expect(lossDomain([[rec(0, NaN)]])).toEqual([0, 1]);
  });
});

describe('guards and helpers', () => {
  test('the readout never shows NaN or Infinity; a divergence says 기울기 폭주 and what to try', () => {
    const text = summaryText(rec(12, NaN), false) + summaryText({ ...rec(12, Infinity), testAccuracy: NaN }, true);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(summaryText(rec(12, Infinity), true)).toMatch(
      /12단계에서 기울기 폭주.*학습률을 낮추거나, 기울기 클리핑을 켜거나, 초기화 배율을 줄여 보세요/,
    );
    expect(summaryText(undefined, false)).toMatch(/아직 학습하지 않았습니다/);
  });

  test('the theory ratio is √(n·Var[W]·E[f′²]) × initScale from src/lib, only for a plain stack', () => {
    const s = { ...TRAIN_DEFAULTS, activation: 'tanh', init: 'xavier', initScale: 2 } as const;
    expect(theoryRatio(s)).toBeCloseTo(Math.sqrt(theoreticalVarianceFactor('tanh', 'xavier', s.width).factor) * 2, 12);
    expect(theoryRatio({ ...s, residual: true })).toBeNull();
    expect(theoryRatio({ ...s, norm: 'batch' })).toBeNull();
    expect(theoryRatio({ ...s, depth: 1 })).toBeNull();
  });

  test('the theory line runs through the last hidden layer and shrinks by the ratio per layer toward the input', () => {
    expect(theoryLine([9, 9, 8, 5], 0.5)).toEqual([2, 4, 8]);
    expect(theoryLine([0, 0, 0, 1], 0.5)).toEqual([]);
  });

  test('the boundary grid covers the plane cell by cell from the bottom-left; the plane holds every point', () => {
    const g = boundaryGrid(1, 2);
    expect(Array.from(g)).toEqual([-0.5, -0.5, 0.5, -0.5, -0.5, 0.5, 0.5, 0.5]);
    expect(planeExtent([{ x: [0.1, -1.3], y: [0] }])).toBeGreaterThanOrEqual(1.3);
  });
});

describe('step counts', () => {
  test('group thousands with commas and never print NaN', async () => {
    const { stepText } = await import('../../../src/components/charts/training/format');
    expect([0, 999, 1000, 1234567].map(stepText)).toEqual(['0', '999', '1,000', '1,234,567']);
    expect(stepText(NaN)).toBe('–');
  });
});
