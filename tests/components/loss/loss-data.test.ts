/** <LossExplorer> data: curves, marks and text come from src/lib's losses. */
import { describe, expect, test } from 'vitest';
import { bce, mse, sigmoidDerivative } from '../../../src/lib';
import {
  LOST,
  MSE_MAX_DZ,
  lossView,
  lostGradientRegions,
  readingAt,
  readingText,
} from '../../../src/components/charts/loss/loss-data';
import { LOSS_DEFAULTS } from '../../../src/components/charts/loss/spec';
import { expectClose } from '../../helpers/expect-close';

describe('loss view', () => {
  test('one loss line and one dashed ∂L/∂z line per shown loss, sampled from src/lib', () => {
    const view = lossView(LOSS_DEFAULTS);
    expect(view.loss.lines.map((l) => l.key)).toEqual(['bce-L', 'mse-L']);
    expect(view.grad.lines.map((l) => [l.key, l.deriv])).toEqual([
      ['bce-dz', true],
      ['mse-dz', true],
    ]);
    for (const [z, v] of view.grad.lines[0].points) expect(v).toBe(bce.dz(z, 1));
    for (const [z, v] of view.loss.lines[1].points) expect(v).toBe(mse.value(z, 1));
    const only = lossView({ ...LOSS_DEFAULTS, losses: ['mse'] });
    expect(only.loss.lines).toHaveLength(1);
    expect(only.table.headers).toEqual(['z', 'ŷ = σ(z)', '평균 제곱 오차 L', '평균 제곱 오차 ∂L/∂z']);
  });

  test('y-ranges contain every sampled value and 0', () => {
    for (const y of [0, 1]) {
      const view = lossView({ ...LOSS_DEFAULTS, y });
      for (const plot of [view.loss, view.grad]) {
        expect(plot.yDomain[0]).toBeLessThanOrEqual(0);
        expect(plot.yDomain[1]).toBeGreaterThanOrEqual(0);
        for (const l of plot.lines)
          for (const [, v] of l.points) {
            expect(v).toBeGreaterThanOrEqual(plot.yDomain[0]);
            expect(v).toBeLessThanOrEqual(plot.yDomain[1]);
          }
      }
    }
  });

  test('MSE peak mark: |∂L/∂z| = 4/27 at z = −ln 2 for y = 1, +ln 2 for y = 0', () => {
    const one = lossView(LOSS_DEFAULTS).grad.peaks;
    expect(one).toHaveLength(1);
    expectClose(one[0].x, -Math.LN2, { rel: 1e-15 });
    expectClose(one[0].y, -MSE_MAX_DZ, { rel: 1e-14 });
    expect(one[0].label).toBe('최대 |∂L/∂z| = 0.148');
    const zero = lossView({ ...LOSS_DEFAULTS, y: 0 }).grad.peaks;
    expectClose(zero[0].x, Math.LN2, { rel: 1e-15 });
    expectClose(zero[0].y, MSE_MAX_DZ, { rel: 1e-14 });
    expect(lossView({ ...LOSS_DEFAULTS, losses: ['bce'] }).grad.peaks).toEqual([]);
  });

  test('the lost-gradient shade covers only the confidently wrong side, ending where |∂L/∂z| = 1 % of max', () => {
    const xs = Array.from({ length: 241 }, (_, i) => -8 + i * (16 / 240));
    const [region, ...rest] = lostGradientRegions(1, xs);
    expect(rest).toEqual([]);
    expect(region[0]).toBe(-8);
    expectClose(Math.abs(mse.dz(region[1], 1)), LOST * MSE_MAX_DZ, { rel: 1e-4 });
    // Mirror image for y = 0.
    const [mirror] = lostGradientRegions(0, xs);
    expectClose(mirror[0], -region[1], { rel: 1e-5 });
    expect(mirror[1]).toBe(8);
    expect(lossView({ ...LOSS_DEFAULTS, losses: ['bce'] }).grad.shades).toEqual([]);
  });

  test('data table: one row per tick, no NaN or Infinity even far out', () => {
    const view = lossView({ ...LOSS_DEFAULTS, domain: [-30, 30] });
    const rows = view.table.rows();
    expect(rows.length).toBeGreaterThan(5);
    expect(JSON.stringify(rows)).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(view)).not.toMatch(/NaN|Infinity/);
  });
});

describe('readout', () => {
  test('at z = −6, y = 1: both gradients, the σ′ factor and their ratio 1/σ′(z)', () => {
    const r = readingAt(LOSS_DEFAULTS, -6);
    expect(r.values.map((v) => v.dz)).toEqual([bce.dz(-6, 1), mse.dz(-6, 1)]);
    expectClose(r.ratio!, 1 / sigmoidDerivative(-6), { rel: 1e-12 });
    const t = readingText(r, 1);
    expect(t.head).toBe('z = −6');
    expect(t.losses[0].text).toBe('교차 엔트로피: L = 6, ∂L/∂z = ŷ − y = −0.998');
    expect(t.losses[1].text).toBe('평균 제곱 오차: L = 0.498, ∂L/∂z = (ŷ − y)·σ′(z) = −0.998 × 0.00247 = −0.00246');
    expect(t.ratio).toBe('∂L/∂z의 비: 교차 엔트로피가 평균 제곱 오차의 405배 (= 1/σ′(z))');
  });

  test('no ratio when only one loss is shown or both gradients round to 0', () => {
    expect(readingAt({ ...LOSS_DEFAULTS, losses: ['bce'] }, -6).ratio).toBeNull();
    const far = readingAt(LOSS_DEFAULTS, 40);
    expect(far.ratio).toBeNull();
    expect(JSON.stringify(readingText(far, 1))).not.toMatch(/NaN|Infinity/);
  });
});
