/** Ids of the built-in activations, in the order the charts list them. */
export const activationIds = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  'elu',
  'gelu',
  'silu',
  'softplus',
  'linear',
] as const;

export type ActivationId = (typeof activationIds)[number];

/**
 * How an activation shapes gradient flow, which decides the per-layer statistics:
 * - `saturating`: bounded, f′ → 0 in both tails (sigmoid, tanh) → `saturatedFraction`;
 * - `relu`: piecewise linear with a kink at 0 (ReLU, leaky ReLU) → `deadFraction`;
 * - `smooth`: smooth ReLU-like curves (ELU, GELU, SiLU, softplus);
 * - `linear`: the identity.
 */
export type ActivationFamily = 'saturating' | 'relu' | 'smooth' | 'linear';

export interface Bilingual {
  readonly ko: string;
  readonly en: string;
}

/** Description of a tunable parameter (leaky-ReLU `slope`, ELU `alpha`). */
export interface ActivationParamSpec {
  readonly name: 'slope' | 'alpha';
  /** TeX symbol used for it in `tex` and `dtex`. */
  readonly symbol: string;
  readonly default: number;
  /** Valid interval [min, max] with the openness of each end. */
  readonly min: number;
  readonly max: number;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  readonly description: Bilingual;
}

/** Parameter values accepted by `getActivation` (and by `createNetwork`). */
export interface ActivationParams {
  /** Leaky-ReLU negative slope a ∈ [0, 1); default 0.01 (Maas et al. 2013). */
  readonly slope?: number;
  /** ELU saturation α ≥ 0 (finite); default 1 (Clevert et al. 2015). */
  readonly alpha?: number;
}

/**
 * One activation function: its value, its derivative and the metadata charts need.
 * Every field is plain data or a pure function of numbers.
 */
export interface Activation {
  readonly id: ActivationId;
  readonly label: Bilingual;
  /** f(x). NaN in → NaN out; finite for every finite x. */
  readonly f: (x: number) => number;
  /** f′(x). At a kink the value PyTorch and TensorFlow use (documented per activation). */
  readonly df: (x: number) => number;
  /**
   * Fills h[i] = f(z[i]) and d[i] = f′(z[i]) for i < n in one pass, sharing the work
   * (one exponential instead of two). Bit-identical to calling f and df. Each activation
   * writes its own loop on purpose: it is the hot loop of every layer, and a shared loop
   * calling f and df per element would compute the exponential twice.
   */
  readonly evaluate: (z: Float64Array, h: Float64Array, d: Float64Array, n: number) => void;
  /** Output range [lo, hi] of f over the reals (±Infinity allowed). */
  readonly range: readonly [number, number];
  /** Whether lo and hi are attained mathematically (floating point may round onto an open end). */
  readonly rangeInclusive: readonly [boolean, boolean];
  /** KaTeX source for f. */
  readonly tex: string;
  /** KaTeX source for f′. */
  readonly dtex: string;
  /**
   * sup |f′| and a point x where it is attained: df(x) === value
   * (x = Infinity for softplus, whose supremum 1 is only approached).
   */
  readonly maxDerivative: { readonly x: number; readonly value: number };
  /** True when f′ → 0 in both tails (the `saturating` family: sigmoid, tanh): the cause of vanishing gradients. */
  readonly saturates: boolean;
  readonly family: ActivationFamily;
  readonly params: readonly ActivationParamSpec[];
  /** Values of the parameters of this instance, e.g. { slope: 0.01 }. */
  readonly paramValues: Readonly<Partial<Record<'slope' | 'alpha', number>>>;
  /** Paper that introduced or popularised the function. */
  readonly reference: string;
}
