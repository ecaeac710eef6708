/** The settings of <ActivationExplorer>: one declaration per field (see ../shared/fields.ts). */
import { activationIds } from '../lib-adapter';
import { defaultsOf, type PropsOf, type Spec, type StateOf } from '../shared/fields';
import { fixed } from '../shared/format';

export const explorerSpec = {
  activations: {
    kind: 'list',
    values: activationIds,
    default: ['sigmoid', 'tanh', 'relu', 'leaky-relu'],
    label: '활성화 함수',
    noun: '활성화 함수',
  },
  showDerivative: { kind: 'bool', default: true, label: '도함수 f′ 보기' },
  /** Narrower x-ranges than minSpan collapse ticks and table rows into one printed value (and the scale to ∞). */
  domain: { kind: 'range', min: -50, max: 50, minSpan: 0.1, default: [-6, 6], label: 'x 범위' },
  slope: {
    kind: 'number',
    min: 0,
    max: 0.3,
    step: 0.01,
    default: 0.01,
    label: 'Leaky ReLU 기울기 a',
    spoken: (v) => `Leaky ReLU 음수 쪽 기울기 ${fixed(v, 2)}`,
    short: (v) => `a = ${fixed(v, 2)}`,
  },
  alpha: {
    kind: 'number',
    min: 0.1,
    max: 3,
    step: 0.1,
    default: 1,
    label: 'ELU α',
    spoken: (v) => `ELU 알파 ${fixed(v, 1)}`,
    short: (v) => `α = ${fixed(v, 1)}`,
  },
} as const satisfies Spec;

export type ExplorerState = StateOf<typeof explorerSpec>;
export type ExplorerProps = PropsOf<typeof explorerSpec>;
export const EXPLORER_DEFAULTS: ExplorerState = defaultsOf(explorerSpec);
