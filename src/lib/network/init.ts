import type { Bilingual } from '../activations/types';

/** Ids of the weight initialisations, in chart order. */
export const initIds = ['small', 'standard', 'xavier', 'he'] as const;
export type InitId = (typeof initIds)[number];

export interface InitScheme {
  readonly id: InitId;
  readonly label: Bilingual;
  readonly distribution: 'normal' | 'uniform';
  /** Var[W] for a layer with `fanIn` inputs and `fanOut` outputs. */
  readonly variance: (fanIn: number, fanOut: number) => number;
  /** KaTeX source for the distribution, n_in = fan-in, n_out = fan-out. */
  readonly tex: string;
  readonly reference: string;
}

function scheme(s: InitScheme): InitScheme {
  Object.freeze(s.label);
  return Object.freeze(s);
}

/** The four initialisations; all are zero-mean and every bias starts at 0. */
export const inits: Readonly<Record<InitId, InitScheme>> = Object.freeze({
  small: scheme({
    id: 'small',
    label: { ko: '작은 정규분포 초기화 N(0, 0.01²)', en: 'Small normal N(0, 0.01²)' },
    distribution: 'normal',
    variance: () => 1e-4,
    tex: 'W_{ij} \\sim \\mathcal{N}\\left(0,\\ 0.01^2\\right)',
    reference: 'The naive fixed-scale initialisation that vanishes with depth (Glorot & Bengio 2010, §4.2)',
  }),
  standard: scheme({
    id: 'standard',
    label: { ko: '관행적 균등 초기화 U[−1/√n, 1/√n]', en: 'Standard uniform U[−1/√n, 1/√n]' },
    distribution: 'uniform',
    variance: (fanIn: number) => 1 / (3 * fanIn),
    tex: 'W_{ij} \\sim U\\left[-\\tfrac{1}{\\sqrt{n_\\text{in}}},\\ \\tfrac{1}{\\sqrt{n_\\text{in}}}\\right]',
    reference: 'The "commonly used heuristic" of Glorot & Bengio (2010), eq. 1: Var[W] = 1/(3n)',
  }),
  xavier: scheme({
    id: 'xavier',
    label: { ko: 'Xavier (Glorot) 초기화', en: 'Xavier (Glorot)' },
    distribution: 'normal',
    variance: (fanIn: number, fanOut: number) => 2 / (fanIn + fanOut),
    tex: 'W_{ij} \\sim \\mathcal{N}\\left(0,\\ \\tfrac{2}{n_\\text{in} + n_\\text{out}}\\right)',
    reference:
      'Glorot & Bengio (2010), Understanding the difficulty of training deep feedforward neural networks, eq. 12 (normal form)',
  }),
  he: scheme({
    id: 'he',
    label: { ko: 'He (Kaiming) 초기화', en: 'He (Kaiming)' },
    distribution: 'normal',
    variance: (fanIn: number) => 2 / fanIn,
    tex: 'W_{ij} \\sim \\mathcal{N}\\left(0,\\ \\tfrac{2}{n_\\text{in}}\\right)',
    reference: 'He, Zhang, Ren & Sun (2015), Delving Deep into Rectifiers, eq. 10',
  }),
});

export function isInitId(id: unknown): id is InitId {
  return typeof id === 'string' && (initIds as readonly string[]).includes(id);
}

/** Var[W] of `init` for a fanIn → fanOut layer (fanOut defaults to fanIn: square layers). */
export function initVariance(init: InitId, fanIn: number, fanOut: number = fanIn): number {
  if (!isInitId(init)) {
    throw new RangeError(`Unknown init "${String(init)}". Valid inits: ${initIds.join(', ')}.`);
  }
  if (!(Number.isInteger(fanIn) && fanIn >= 1 && Number.isInteger(fanOut) && fanOut >= 1)) {
    throw new RangeError(`Invalid fan-in/fan-out ${fanIn}/${fanOut}: both must be integers ≥ 1.`);
  }
  return inits[init].variance(fanIn, fanOut);
}
