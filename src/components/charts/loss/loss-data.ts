/**
 * Data preparation for <LossExplorer>: samples L(z) and ∂L/∂z of each shown loss from src/lib,
 * finds where MSE's gradient is lost on a confidently wrong output, and builds the text of the
 * chart (titles, descriptions, legend, readout, data table). Pure: no DOM, no Preact.
 */
import { lowDerivativeRegions, sampleXs } from '../shared/sampling';
import { fixed, num, times } from '../shared/format';
import type { PeakMark, PlotLine, Point, ShadeRegion } from '../shared/LinePlot';
import type { LegendEntry } from '../shared/marks';
import { finiteExtent, niceDomain, ticksOf } from '../shared/scales';
import { binaryLossIds, lossFns, sigmoid, sigmoidDerivative, type BinaryLossId, type LossFns } from '../lib-adapter';
import type { LossState } from './spec';

/** MSE's gradient counts as lost where |∂L/∂z| < 1 % of its largest value (as the explorer shades f′). */
export const LOST = 0.01;
/** max over z of |(σ(z) − y)·σ′(z)| for y ∈ {0, 1}: 4/27, at ŷ = 1/3 (y = 1) or 2/3 (y = 0). */
export const MSE_MAX_DZ = 4 / 27;

interface PlotView {
  yDomain: [number, number];
  lines: PlotLine[];
  shades: ShadeRegion[];
  peaks: PeakMark[];
  title: string;
  desc: string;
}

interface LossView {
  fns: LossFns[];
  xDomain: [number, number];
  loss: PlotView;
  grad: PlotView;
  legend: LegendEntry[];
  table: { headers: string[]; rows: () => string[][] };
}

const symbolOf = (id: BinaryLossId) => binaryLossIds.indexOf(id);
const colorOf = (id: string) => `c-${id}`;

/** A nice y-range that always contains 0 and the lines' values, with a little headroom. */
function yRange(lines: readonly PlotLine[]): [number, number] {
  const [lo, hi] = finiteExtent(
    lines.flatMap((l) => l.points.map((p) => p[1])),
    [0, 0],
  );
  const pad = (hi - lo || 1) * 0.06;
  return niceDomain([lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0], 5);
}

/** Where MSE's ∂L/∂z is below LOST·max while ŷ is on the wrong side of ½ (confidently wrong). */
export function lostGradientRegions(y: number, xs: readonly number[]): [number, number][] {
  const mse = lossFns('mse');
  const wrong = (z: number) => Math.abs(sigmoid(z) - y) > 0.5;
  return lowDerivativeRegions((z) => mse.dz(z, y), xs, LOST * MSE_MAX_DZ).filter(([a, b]) => wrong((a + b) / 2));
}

export function lossView(state: LossState): LossView {
  const [a, b] = state.domain;
  const { y } = state;
  const xs = sampleXs(a, b);
  const fns = binaryLossIds.filter((id) => state.losses.includes(id)).map(lossFns);
  const line = (fn: LossFns, deriv: boolean, endLabel: string): PlotLine => ({
    key: `${fn.id}-${deriv ? 'dz' : 'L'}`,
    deriv,
    points: xs.map((z): Point => [z, deriv ? fn.dz(z, y) : fn.value(z, y)]),
    endLabel,
    colorClass: colorOf(fn.id),
    symbol: symbolOf(fn.id),
  });
  const lossLines = fns.map((fn) => line(fn, false, fn.short));
  const gradLines = fns.map((fn) => line(fn, true, fn.dzFormula.replace('·σ′(z)', 'σ′')));

  const showsMse = state.losses.includes('mse');
  const shades: ShadeRegion[] = showsMse
    ? lostGradientRegions(y, xs).map(([x0, x1], k) => ({
        key: `lost-${k}`,
        colorClass: colorOf('mse'),
        x0,
        x1,
        label: 'MSE 기울기 소실',
        row: 0,
      }))
    : [];
  // The extreme of MSE's ∂L/∂z: at ŷ = 1/3 for y = 1 (z = −ln 2), at ŷ = 2/3 for y = 0 (z = ln 2).
  const peakZ = y === 1 ? -Math.LN2 : Math.LN2;
  const peaks: PeakMark[] =
    showsMse && peakZ > a && peakZ < b
      ? [
          {
            key: 'mse-peak',
            colorClass: colorOf('mse'),
            x: peakZ,
            y: lossFns('mse').dz(peakZ, y),
            label: `최대 |∂L/∂z| = ${fixed(MSE_MAX_DZ, 3)}`,
          },
        ]
      : [];

  const names = fns.map((f) => f.label).join(', ');
  const range = `z가 ${fixed(a, 2)}부터 ${fixed(b, 2)}까지`;
  const lossDesc = `정답 y = ${y}일 때 ${range} ${names}의 손실 L(z)를 그렸습니다.`;
  const gradParts = [
    `정답 y = ${y}일 때 ${range} ${fns.map((f) => `${f.label}의 ∂L/∂z = ${f.dzFormula}`).join(', ')}를 점선으로 그렸습니다.`,
  ];
  if (peaks.length)
    gradParts.push(
      `평균 제곱 오차의 기울기 크기는 z = ${fixed(peakZ, 2)}에서 최대 ${fixed(MSE_MAX_DZ, 3)}이고, 출력이 더 틀릴수록 오히려 작아집니다.`,
    );
  if (shades.length)
    gradParts.push('음영은 출력이 확신하며 틀렸는데도 평균 제곱 오차의 기울기가 최댓값의 1%보다 작은 구간입니다.');

  const legend: LegendEntry[] = fns.map((fn) => ({
    key: fn.id,
    label: fn.label,
    colorClass: colorOf(fn.id),
    line: 'solid',
    symbol: symbolOf(fn.id),
  }));
  legend.push(
    { key: 'key-L', label: '실선: 손실 L(z)', colorClass: 'c-neutral', line: 'solid', symbol: -1 },
    { key: 'key-dz', label: '점선: 기울기 ∂L/∂z', colorClass: 'c-neutral', line: 'dashed', symbol: -1 },
  );
  if (shades.length)
    legend.push({
      key: 'key-lost',
      label: '음영: 틀렸는데 MSE 기울기 < 최댓값의 1%',
      colorClass: 'c-neutral',
      line: 'none',
      symbol: -1,
      box: 'band',
    });

  const headers = ['z', 'ŷ = σ(z)'];
  for (const fn of fns) headers.push(`${fn.label} L`, `${fn.label} ∂L/∂z`);
  const rows = () =>
    ticksOf(state.domain, 12).map((z) => {
      const row = [fixed(z, 2), num(sigmoid(z))];
      for (const fn of fns) row.push(num(fn.value(z, y)), num(fn.dz(z, y)));
      return row;
    });

  return {
    fns,
    xDomain: [a, b],
    loss: {
      yDomain: yRange(lossLines),
      lines: lossLines,
      shades: [],
      peaks: [],
      title: `손실 L(z): ${names} (y = ${y})`,
      desc: lossDesc,
    },
    grad: {
      yDomain: yRange(gradLines),
      lines: gradLines,
      shades,
      peaks,
      title: `기울기 ∂L/∂z: ${names} (y = ${y})`,
      desc: gradParts.join(' '),
    },
    legend,
    table: { headers, rows },
  };
}

interface LossReading {
  z: number;
  yHat: number;
  /** σ′(z), the factor MSE's gradient carries and cross-entropy's does not. */
  dSigmoid: number;
  values: { id: string; label: string; dzFormula: string; L: number; dz: number }[];
  /** (∂L/∂z of cross-entropy) ÷ (∂L/∂z of MSE) = 1/σ′(z), when both are shown and nonzero. */
  ratio: number | null;
}

/** Values at the crosshair z. */
export function readingAt(state: LossState, z: number): LossReading {
  const fns = binaryLossIds.filter((id) => state.losses.includes(id)).map(lossFns);
  const values = fns.map((fn) => ({
    id: fn.id,
    label: fn.label,
    dzFormula: fn.dzFormula,
    L: fn.value(z, state.y),
    dz: fn.dz(z, state.y),
  }));
  const bce = values.find((v) => v.id === 'bce');
  const mse = values.find((v) => v.id === 'mse');
  const ratio = bce && mse && mse.dz !== 0 && bce.dz !== 0 ? bce.dz / mse.dz : null;
  return { z, yHat: sigmoid(z), dSigmoid: sigmoidDerivative(z), values, ratio };
}

/** The readout sentence parts, formatted (never NaN or Infinity: format.ts). */
export function readingText(r: LossReading, y: number) {
  return {
    head: `z = ${fixed(r.z, 2)}`,
    output: `ŷ = σ(z) = ${num(r.yHat)}, y = ${y}, σ′(z) = ${num(r.dSigmoid)}`,
    losses: r.values.map((v) => ({
      id: v.id,
      text:
        v.id === 'mse'
          ? `${v.label}: L = ${num(v.L)}, ∂L/∂z = ${v.dzFormula} = ${num(r.yHat - y)} × ${num(r.dSigmoid)} = ${num(v.dz)}`
          : `${v.label}: L = ${num(v.L)}, ∂L/∂z = ${v.dzFormula} = ${num(v.dz)}`,
    })),
    ratio: r.ratio === null ? null : `∂L/∂z의 비: 교차 엔트로피가 평균 제곱 오차의 ${times(r.ratio, 3)} (= 1/σ′(z))`,
  };
}
