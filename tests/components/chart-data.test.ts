/** Data preparation from src/lib results: explorer curves, lab views, the lib bridge. */
import { describe, expect, test } from 'vitest';
import { createNetwork } from '../../src/lib/index';
import { EXPLORER_DEFAULTS } from '../../src/components/charts/explorer/spec';
import { LAB_DEFAULTS } from '../../src/components/charts/lab/spec';
import { explorerView, valuesAt } from '../../src/components/charts/explorer/data';
import { lowDerivativeRegions, sampleXs } from '../../src/components/charts/shared/sampling';
import { computeLab, computeLabView, labNetwork, nearestFirst } from '../../src/components/charts/lab/compute';
import { decadeDomain, gradientRatio, labView, summarize } from '../../src/components/charts/lab/data';
import { labKey, packLabView, unpackLabView } from '../../src/components/charts/lab/pack';

describe('explorer data', () => {
  test('samples include x = 0 for the ReLU kink', () => {
    expect(sampleXs(-6, 6)).toContain(0);
    expect(sampleXs(-1, 2, 4)).toEqual([-1, 0, 1, 2]);
    expect(sampleXs(-1.5, 2.5, 3)).toEqual([-1.5, 0, 0.5, 2.5]);
  });

  test('sigmoid: peak 0.25 at x = 0, saturation where |x| > 5.99 (1 % of max f′)', () => {
    const view = explorerView({ ...EXPLORER_DEFAULTS, activations: ['sigmoid'], domain: [-10, 10] });
    expect(view.peaks).toEqual([expect.objectContaining({ x: 0, y: 0.25, label: '최대 f′ = 0.25' })]);
    expect(view.shades).toHaveLength(2);
    expect(view.shades[0].x0).toBe(-10);
    expect(view.shades[0].x1).toBeCloseTo(-5.99, 2);
    expect(view.shades[1].x0).toBeCloseTo(5.99, 2);
    expect(view.desc).toContain('x = 0에서 최댓값 0.25');
  });

  test('ReLU family: no peak mark (plateau), no saturation shading; leaky slope reaches f′', () => {
    const view = explorerView({
      ...EXPLORER_DEFAULTS,
      activations: ['relu', 'leaky-relu'],
      slope: 0.2,
      domain: [-4, 4],
    });
    expect(view.peaks).toEqual([]);
    expect(view.shades).toEqual([]);
    const [relu, leaky] = valuesAt(view.fns, -2);
    expect(relu.df).toBe(0);
    expect(leaky.df).toBe(0.2);
    expect(leaky.f).toBeCloseTo(-0.4, 12);
  });

  test('lines, legend and table follow showDerivative', () => {
    const on = explorerView(EXPLORER_DEFAULTS);
    const off = explorerView({ ...EXPLORER_DEFAULTS, showDerivative: false });
    expect(on.lines).toHaveLength(8);
    expect(off.lines).toHaveLength(4);
    expect(on.table.headers).toHaveLength(9);
    expect(off.table.rows()[0]).toHaveLength(5);
    expect(on.yDomain[0]).toBeLessThanOrEqual(-1);
    expect(on.yDomain[1]).toBeGreaterThanOrEqual(6);
  });

  test('low-derivative regions are refined to the threshold crossing', () => {
    const r = lowDerivativeRegions((x) => x * x, [-2, -1, 0, 1, 2], 0.25);
    expect(r).toHaveLength(1);
    expect(r[0][0]).toBeCloseTo(-0.5, 5);
    expect(r[0][1]).toBeCloseTo(0.5, 5);
  });
});

describe('lab view', () => {
  test('the readout uses superscripts and never says NaN or Infinity', () => {
    expect(summarize(1.2e-15, 20, 1)).toBe('입력층 쪽 기울기는 출력층의 1.2×10⁻¹⁵배입니다 (기울기 소실).');
    expect(summarize(0, 20, 1)).toBe('입력층 쪽 기울기는 출력층의 10⁻³⁰⁰ 미만입니다 (사실상 0으로 사라짐).');
    expect(summarize(3.4e5, 20, 1)).toContain('3.4×10⁵배입니다 (기울기 폭주)');
    expect(summarize(0.8, 20, 1)).toContain('(고르게 흐름)');
    for (const s of [summarize(NaN, 20, 1), summarize(Infinity, 20, 1), summarize(1, 20, 0), summarize(1, 1, 1)]) {
      expect(s).not.toMatch(/NaN|Infinity/);
    }
  });

  test('log domain snaps to powers of ten and ignores zeros', () => {
    expect(decadeDomain([[0, 3e-15, 0.5]])).toEqual([1e-15, 1]);
    expect(decadeDomain([[0, NaN]])).toEqual([1e-300, 1]);
    expect(decadeDomain([[2, 3]])).toEqual([0.1, 100]);
    expect(gradientRatio([1e-10, 1])).toBe(1e-10);
  });

  test('the default setting: vanishing sigmoid gradients, theory beside the simulation', () => {
    const view = computeLabView(LAB_DEFAULTS);
    expect(view.depth).toBe(20);
    expect(view.grad.series.map((s) => s.values.length)).toEqual([20, 20, 20]);
    expect(view.summary).toMatch(/^입력층 쪽 기울기는 출력층의 \d(\.\d)?×10⁻¹[⁰¹²³⁴⁵⁶⁷⁸⁹]배입니다 \(기울기 소실\)\.$/);
    expect(view.chain.boundFormula).toBe('0.25¹⁹');
    expect(view.chain.bound).toBe('3.6×10⁻¹²');
    expect(view.table.rows).toHaveLength(20);
    expect(view.dist.fractionLabel).toBe('포화된 유닛 비율');
    // The theory curve and the simulation agree at the output layer by construction.
    expect(view.grad.series[2].values[19]).toBeCloseTo(view.grad.series[0].values[19], 12);
  });

  test('ReLU with He init: gradients flow; the dead-unit fraction is shown', () => {
    const view = computeLabView({ ...LAB_DEFAULTS, activation: 'relu', init: 'he', depth: 30 });
    expect(view.ratio).toBeGreaterThan(0.1);
    expect(view.ratio).toBeLessThan(10);
    expect(view.dist.fractionLabel).toBe('죽은 유닛 비율');
  });

  test('a run whose gradients underflow to 0 still yields a clean view', () => {
    const run = computeLab({ ...LAB_DEFAULTS, depth: 3 });
    run.actGrad = [0, 0, run.actGrad[2]];
    run.weightGrad = [0, Infinity, 1];
    const view = labView(run);
    expect(view.summary).toContain('10⁻³⁰⁰ 미만');
    const text = {
      ...view,
      grad: { ...view.grad, series: [] },
      dist: { ...view.dist, mean: [], std: [], fraction: [] },
      ratio: 0,
    };
    expect(JSON.stringify(text)).not.toMatch(/NaN|Infinity/);
    expect(view.table.rows[0][1]).toBe('10⁻³⁰⁰ 미만');
    expect(view.table.rows[1][2]).toBe('10³⁰⁰ 초과');
  });

  test('packing for props keeps non-finite values and round-trips', () => {
    const run = computeLab({ ...LAB_DEFAULTS, depth: 3 });
    run.weightGrad = [0, Infinity, NaN];
    const view = labView(run);
    const packed = JSON.parse(JSON.stringify(packLabView(view)));
    const back = unpackLabView(packed);
    expect(back.grad.series[1].values).toEqual([0, Infinity, NaN]);
    expect(back.dist.mean).toEqual(view.dist.mean.map((v) => Number(v.toPrecision(10))));
    expect(labKey(back.params)).toBe('sigmoid|standard|3|64|1');
  });
});

describe('bridge to src/lib', () => {
  test('a sliced cached network equals createNetwork at that depth (layers are drawn in order)', () => {
    for (const init of ['standard', 'he'] as const) {
      const sliced = labNetwork({ activation: 'tanh', init, depth: 7, width: 16, seed: 42 });
      const direct = createNetwork({ activation: 'tanh', init, depth: 7, width: 16, seed: 42 });
      expect(sliced.spec).toEqual(direct.spec);
      expect(sliced.layers.map((l) => Array.from(l.weights))).toEqual(direct.layers.map((l) => Array.from(l.weights)));
    }
  });

  test('the worker fills depths nearest first, within 1 … 50', () => {
    expect(nearestFirst(20).slice(0, 5)).toEqual([20, 21, 19, 22, 18]);
    const all = nearestFirst(50);
    expect(all).toHaveLength(50);
    expect(new Set(all).size).toBe(50);
    expect(Math.min(...all)).toBe(1);
  });
});
