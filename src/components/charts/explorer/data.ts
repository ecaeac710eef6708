/**
 * Data preparation for <ActivationExplorer>: samples f and f′ from src/lib,
 * finds saturation regions and derivative peaks, and builds the text of the
 * chart (title, description, legend, data table). Pure: no DOM, no Preact.
 */
import type { ExplorerState } from './spec';
import { fixed, num } from '../shared/format';
import { activationFns, activationIds, type ActivationFns, type ActivationId } from '../lib-adapter';
import type { PeakMark, PlotLine, Point, ShadeRegion } from '../shared/LinePlot';
import type { LegendEntry } from '../shared/marks';
import { finiteExtent, niceDomain as nice, ticksOf } from '../shared/scales';
import { lowDerivativeRegions, sampleXs } from '../shared/sampling';

/** A region is "saturated" where |f′| < 1 % of max f′. */
const SATURATION = 0.01;

interface ExplorerView {
  fns: ActivationFns[];
  xDomain: [number, number];
  yDomain: [number, number];
  lines: PlotLine[];
  shades: ShadeRegion[];
  peaks: PeakMark[];
  legend: LegendEntry[];
  title: string;
  desc: string;
  table: { headers: string[]; rows: () => string[][] };
}

/** Index of an activation in the registry: fixes its symbol shape on every page. */
const symbolIndex = (id: ActivationId) => activationIds.indexOf(id);

/** Whether f′ has a single interior maximum at x inside the domain (not a plateau, not an edge). */
function isPeak(fn: ActivationFns, [a, b]: readonly [number, number]): boolean {
  const { x, value } = fn.maxDerivative;
  if (!Number.isFinite(x) || x <= a || x >= b) return false;
  const d = (b - a) / 50;
  return fn.df(x - d) < value - 1e-6 && fn.df(x + d) < value - 1e-6;
}

/** A nice y-range holding [0, 1] and the sampled values, with a little headroom. */
function niceDomain(values: number[]): [number, number] {
  const [lo, hi] = finiteExtent(values, [0, 1]);
  const pad = (hi - lo) * 0.04;
  return nice([lo - (lo < 0 ? pad : 0), hi + pad], 8);
}

export function explorerView(state: ExplorerState): ExplorerView {
  const [a, b] = state.domain;
  const xs = sampleXs(a, b);
  const fns = state.activations.map((id) => activationFns(id, { slope: state.slope, alpha: state.alpha }));
  /** The curves drawn (and the table's columns): each activation's f, then its f′ when shown. */
  const curves = fns.flatMap((fn) =>
    (state.showDerivative ? [false, true] : [false]).map((deriv) => ({ fn, deriv, g: deriv ? fn.df : fn.f })),
  );
  const lines: PlotLine[] = curves.map(({ fn, deriv, g }) => ({
    key: `${fn.id}-${deriv ? 'df' : 'f'}`,
    colorClass: `c-${fn.id}`,
    deriv,
    points: xs.map((x): Point => [x, g(x)]),
    symbol: symbolIndex(fn.id),
    endLabel: deriv ? `${fn.short} f′` : fn.short,
  }));

  const shades: ShadeRegion[] = [];
  const saturating = fns.filter((fn) => fn.saturates);
  saturating.forEach((fn, row) => {
    const regions = lowDerivativeRegions(fn.df, xs, SATURATION * fn.maxDerivative.value);
    regions.forEach(([x0, x1], k) =>
      shades.push({ key: `${fn.id}-${k}`, colorClass: `c-${fn.id}`, x0, x1, label: `${fn.short} 포화`, row }),
    );
  });

  const peaks: PeakMark[] = state.showDerivative
    ? fns
        .filter((fn) => isPeak(fn, state.domain))
        .map((fn) => ({
          key: fn.id,
          colorClass: `c-${fn.id}`,
          x: fn.maxDerivative.x,
          y: fn.maxDerivative.value,
          label: `최대 f′ = ${fixed(fn.maxDerivative.value, 3)}`,
        }))
    : [];

  const legend: LegendEntry[] = fns.map((fn) => ({
    key: fn.id,
    label: fn.label,
    colorClass: `c-${fn.id}`,
    line: 'solid',
    symbol: symbolIndex(fn.id),
  }));
  if (state.showDerivative) {
    legend.push(
      { key: 'key-f', label: '실선: f(x)', colorClass: 'c-neutral', line: 'solid', symbol: -1 },
      { key: 'key-df', label: '점선: 도함수 f′(x)', colorClass: 'c-neutral', line: 'dashed', symbol: -1 },
    );
  }
  if (shades.length) {
    legend.push({
      key: 'key-sat',
      label: '음영: 포화 구간 (|f′| < 최댓값의 1%)',
      colorClass: 'c-neutral',
      line: 'none',
      symbol: -1,
      box: 'band',
    });
  }

  const names = fns.map((fn) => fn.label).join(', ');
  const peakText = peaks.map(
    (p) => `${fns.find((f) => f.id === p.key)!.label}의 도함수는 x = ${fixed(p.x, 2)}에서 최댓값 ${fixed(p.y, 3)}`,
  );
  const satText = saturating.length
    ? `음영은 ${saturating.map((f) => f.label).join(', ')}의 도함수가 최댓값의 1%보다 작은 포화 구간입니다.`
    : '';
  const desc = [
    `x가 ${fixed(a, 2)}부터 ${fixed(b, 2)}까지일 때 ${names}의 f(x)를 실선${state.showDerivative ? '으로, 도함수 f′(x)를 점선으로' : '으로'} 그렸습니다.`,
    peakText.length ? `${peakText.join('이고, ')}입니다.` : '',
    satText,
  ]
    .filter(Boolean)
    .join(' ');

  const headers = ['x', ...curves.map(({ fn, deriv }) => `${fn.label} ${deriv ? 'f′(x)' : 'f(x)'}`)];
  const rows = () => ticksOf(state.domain, 12).map((x) => [fixed(x, 2), ...curves.map(({ g }) => num(g(x)))]);

  return {
    fns,
    xDomain: [a, b],
    yDomain: niceDomain(lines.flatMap((l) => l.points.map((p) => p[1]))),
    lines,
    shades,
    peaks,
    legend,
    title: `활성화 함수 그래프: ${names}`,
    desc,
    table: { headers, rows },
  };
}

/** Crosshair values at x for each shown activation. */
export function valuesAt(fns: readonly ActivationFns[], x: number) {
  return fns.map((fn) => ({ id: fn.id, label: fn.label, f: fn.f(x), df: fn.df(x) }));
}
