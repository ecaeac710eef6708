/**
 * The settings each chart accepts: valid values, ranges and defaults.
 * One source of truth for the MDX prop schema (props-schema.ts, build time)
 * and the URL state (url-state.ts, in the browser), so both agree.
 */
import type { Spec, StateOf } from './url-state';
import { ACTIVATION_IDS, INIT_IDS } from './lib-adapter';

export const EXPLORER_LIMITS = {
  domainAbsMax: 50,
  /** Narrower x-ranges collapse ticks and table rows into one printed value (and the scale to ∞). */
  domainMinSpan: 0.1,
  slope: { min: 0, max: 0.3, step: 0.01 },
  alpha: { min: 0.1, max: 3, step: 0.1 },
} as const;

export const LAB_LIMITS = {
  depth: { min: 1, max: 50 },
  width: { min: 8, max: 128 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const;

/** URL-state keys of <ActivationExplorer> (the prop names). */
export const explorerSpec = {
  activations: { kind: 'list', values: ACTIVATION_IDS, minItems: 1 },
  showDerivative: { kind: 'bool' },
  domain: { kind: 'range', min: -EXPLORER_LIMITS.domainAbsMax, max: EXPLORER_LIMITS.domainAbsMax, minSpan: EXPLORER_LIMITS.domainMinSpan },
  slope: { kind: 'number', ...EXPLORER_LIMITS.slope },
  alpha: { kind: 'number', ...EXPLORER_LIMITS.alpha },
} as const satisfies Spec;

/** URL-state keys of <GradientLab> (the prop names). */
export const labSpec = {
  activation: { kind: 'enum', values: ACTIVATION_IDS },
  init: { kind: 'enum', values: INIT_IDS },
  depth: { kind: 'int', ...LAB_LIMITS.depth },
  width: { kind: 'int', ...LAB_LIMITS.width },
  seed: { kind: 'int', ...LAB_LIMITS.seed },
} as const satisfies Spec;

export type ExplorerState = StateOf<typeof explorerSpec>;
export type LabState = StateOf<typeof labSpec>;

export const EXPLORER_DEFAULTS: ExplorerState = {
  activations: ['sigmoid', 'tanh', 'relu', 'leaky-relu'],
  showDerivative: true,
  domain: [-6, 6],
  slope: 0.01,
  alpha: 1,
};

export const LAB_DEFAULTS: LabState = {
  activation: 'sigmoid',
  init: 'standard',
  depth: 20,
  width: 64,
  seed: 1,
};

/** Props the islands receive (validated, defaults filled). */
export interface ExplorerProps extends ExplorerState {
  id: string;
  caption?: string;
}
export interface LabProps extends LabState {
  id: string;
  caption?: string;
}

/** Chart ids become DOM ids and URL keys: lower-case letters, digits and hyphens. */
export const CHART_ID = /^[a-z][a-z0-9-]{0,39}$/;
