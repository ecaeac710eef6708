/**
 * Data preparation for <GradientLab>: turns one simulated run (from src/lib
 * through lib-adapter.ts) into chart series, domains, the Korean readout,
 * the chain-rule comparison and the data table. Pure: no DOM, no Preact.
 */
import type { LabState } from './spec';
import { fixed, num, percent, sci, superscript, UNDERFLOW_TEXT } from '../shared/format';
import { activationLabel } from '../lib-adapter';
import type { LogSeries } from '../shared/LogGradientChart';
import { finiteExtent, niceDomain, plottable } from '../shared/scales';

export type LabParams = LabState;

/** One simulated lab setting (from compute.ts), as plain arrays: index l − 1 is layer l. */
export interface LabData {
  params: LabParams;
  /** Korean name of the initialisation. */
  initLabel: string;
  /** ‖∂L/∂h_l‖, h_l the output of layer l. */
  actGrad: number[];
  /** ‖∂L/∂W_l‖_F. */
  weightGrad: number[];
  mean: number[];
  std: number[];
  /** Saturated (sigmoid, tanh; 0 for others) or dead (ReLU family) fraction of units. */
  fraction: number[];
  fractionKind: 'saturated' | 'dead';
  /** Predicted ‖∂L/∂h_l‖, anchored at the output layer like the simulation. */
  theory: number[];
  /** max |f′| of the activation. */
  maxDerivative: number;
  /** Derivative factors between layer 1 and layer `depth`: depth − 1. */
  chainExponent: number;
  /** (max |f′|)^(depth − 1), the lib's chain-rule bound for that span. */
  chainBound: number;
}

/**
 * Everything <GradientLab> shows for one setting, ready to render. Built next to the
 * simulation (at build time, and in the worker in the browser), so the main thread
 * only renders.
 */
export interface LabView {
  params: LabParams;
  depth: number;
  /** The gradient chart's own props (LogGradientChart). */
  grad: { title: string; desc: string; series: LogSeries[]; yDomain: [number, number] };
  /** The distribution chart's own props (DistributionChart). */
  dist: {
    title: string;
    desc: string;
    mean: number[];
    std: number[];
    fraction: number[];
    fractionLabel: string;
    yDomain: [number, number];
  };
  /** The one-line readout, e.g. "입력층 쪽 기울기는 출력층의 1.2×10⁻¹⁵배". */
  summary: string;
  /** Input-side ÷ output-side gradient (may be 0, ∞ or NaN; format before showing). */
  ratio: number;
  chain: { boundFormula: string; bound: string; simulated: string; theory: string };
  table: { headers: string[]; rows: string[][] };
}

/** Log-axis domain snapped to powers of ten around every plottable value. */
export function decadeDomain(arrays: readonly ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of arrays) {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (!plottable(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === Infinity) return [1e-300, 1];
  let e0 = Math.floor(Math.log10(lo));
  let e1 = Math.ceil(Math.log10(hi));
  if (e1 - e0 < 2) {
    e0 -= 1;
    e1 += 1;
  }
  return [Math.max(10 ** Math.max(e0, -300), 1e-300), 10 ** Math.min(e1, 300)];
}

/** Input-side gradient over output-side gradient. */
export function gradientRatio(actGrad: ArrayLike<number>): number {
  const n = actGrad.length;
  return n ? actGrad[0] / actGrad[n - 1] : NaN;
}

/** The readout sentence. Never says NaN or Infinity. */
export function summarize(ratio: number, depth: number, outputGrad: number): string {
  if (depth === 1) return '층이 하나뿐이라 입력층 쪽과 출력층 쪽 기울기가 같습니다.';
  if (!plottable(outputGrad)) return '출력층 기울기부터 0이거나 계산할 수 없어 비율을 구할 수 없습니다.';
  if (Number.isNaN(ratio)) return '기울기 비율을 계산할 수 없습니다.';
  if (!(Math.abs(ratio) >= 1e-300)) return `입력층 쪽 기울기는 출력층의 ${UNDERFLOW_TEXT}입니다 (사실상 0으로 사라짐).`;
  const text = `입력층 쪽 기울기는 출력층의 ${sci(ratio)}배`;
  if (ratio < 0.01) return `${text}입니다 (기울기 소실).`;
  if (ratio > 100) return `${text}입니다 (기울기 폭주).`;
  return `${text}입니다 (고르게 흐름).`;
}

function distDomainOf(activation: string, mean: readonly number[], std: readonly number[]): [number, number] {
  if (activation === 'sigmoid') return [0, 1];
  if (activation === 'tanh') return [-1, 1];
  // mean ± std is finite exactly when both are.
  const [lo, top] = finiteExtent(
    mean.flatMap((m, i) => [m - std[i], m + std[i]]),
    [0, 0],
  );
  const hi = top - lo < 1e-12 ? lo + 1 : top;
  return niceDomain([lo, hi], 6);
}

export function labView(run: LabData): LabView {
  const p = run.params;
  const { depth } = p;
  const actLabel = activationLabel(p.activation);
  const ratio = gradientRatio(run.actGrad);
  const series: LogSeries[] = [
    { key: 'h', colorClass: 'c-grad-h', style: 'solid', symbol: 0, endLabel: '∂L/∂h', values: run.actGrad },
    { key: 'w', colorClass: 'c-grad-w', style: 'solid', symbol: 1, endLabel: '∂L/∂W', values: run.weightGrad },
    { key: 'theory', colorClass: 'c-theory', style: 'theory', symbol: 2, endLabel: '이론', values: run.theory },
  ];
  const fraction = run.fraction;
  const fractionLabel = run.fractionKind === 'saturated' ? '포화된 유닛 비율' : '죽은 유닛 비율';
  const theoryRatio = gradientRatio(run.theory);
  const n = run.chainExponent;

  const setting = `${actLabel}, ${run.initLabel}, 깊이 ${depth}층, 너비 ${p.width}, 시드 ${p.seed}`;
  const summary = summarize(ratio, depth, run.actGrad[depth - 1]);
  const underflowed = run.actGrad.filter((v) => !plottable(v)).length;

  const headers = ['층', '‖∂L/∂h‖', '‖∂L/∂W‖', '이론 ‖∂L/∂h‖', '활성값 평균', '활성값 표준편차', fractionLabel];
  const rows = run.actGrad.map((g, i) => [
    String(i + 1),
    sci(g, 3),
    sci(run.weightGrad[i], 3),
    sci(run.theory[i], 3),
    num(run.mean[i]),
    num(run.std[i]),
    percent(fraction[i], 1),
  ]);

  return {
    params: p,
    depth,
    grad: {
      title: `층별 기울기 크기 (로그 눈금): ${setting}`,
      desc:
        `가로축은 층 번호(왼쪽이 입력층), 세로축은 기울기 노름의 로그 눈금입니다. ` +
        `실선은 시뮬레이션한 ‖∂L/∂h‖와 ‖∂L/∂W‖, 점선은 이론 예측입니다. ${summary}` +
        (underflowed ? ` ${underflowed}개 층의 기울기는 ${UNDERFLOW_TEXT}이라 아래쪽 삼각형으로 표시했습니다.` : ''),
      series,
      yDomain: decadeDomain(series.map((s) => s.values)),
    },
    dist: {
      title: `층별 활성값 분포: ${setting}`,
      desc:
        `띠는 층마다 활성값의 평균 ± 표준편차, 선은 평균, 막대는 ${fractionLabel}(오른쪽 축, %)입니다. ` +
        `1층 평균 ${num(run.mean[0])}, 표준편차 ${num(run.std[0])}; ${depth}층 평균 ${num(run.mean[depth - 1])}, 표준편차 ${num(run.std[depth - 1])}.`,
      mean: run.mean,
      std: run.std,
      fraction,
      fractionLabel,
      yDomain: distDomainOf(p.activation, run.mean, run.std),
    },
    summary,
    ratio,
    chain: {
      boundFormula: `${fixed(run.maxDerivative, 3)}${superscript(n)}`,
      bound: sci(run.chainBound, 2),
      simulated: depth === 1 ? '1' : sci(ratio, 2),
      theory: depth === 1 ? '1' : sci(theoryRatio, 2),
    },
    table: { headers, rows },
  };
}
