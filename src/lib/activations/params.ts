import type { ActivationParamSpec } from './types';

export const SLOPE_PARAM: ActivationParamSpec = Object.freeze({
  name: 'slope',
  symbol: 'a',
  default: 0.01,
  min: 0,
  max: 1,
  minInclusive: true,
  maxInclusive: false,
  description: Object.freeze({
    ko: '음수 구간의 기울기 a (0 ≤ a < 1)',
    en: 'slope a of the negative part (0 ≤ a < 1)',
  }),
});

/** α is capped only to keep it finite; α > 1 makes f′(0) = α the largest slope. */
export const ALPHA_PARAM: ActivationParamSpec = Object.freeze({
  name: 'alpha',
  symbol: '\\alpha',
  default: 1,
  min: 0,
  max: Infinity,
  minInclusive: true,
  maxInclusive: false,
  description: Object.freeze({
    ko: '음수 쪽 포화값 −α를 정하는 α (α ≥ 0)',
    en: 'α sets the negative saturation value −α (α ≥ 0)',
  }),
});

function describe(p: ActivationParamSpec): string {
  const lo = p.minInclusive ? '[' : '(';
  const hi = p.maxInclusive ? ']' : ')';
  return `${lo}${p.min}, ${p.max === Infinity ? 'Infinity' : p.max}${hi}`;
}

/** Returns `value ?? p.default` after checking it lies in p's interval; RangeError otherwise. */
export function checkParam(p: ActivationParamSpec, value: number | undefined): number {
  if (value === undefined) return p.default;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (p.minInclusive ? value >= p.min : value > p.min) &&
    (p.maxInclusive ? value <= p.max : value < p.max);
  if (!ok) {
    throw new RangeError(`Invalid ${p.name} ${String(value)}: ${p.name} must be a finite number in ${describe(p)}.`);
  }
  return value;
}
