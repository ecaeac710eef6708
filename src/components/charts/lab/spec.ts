/** The settings of <GradientLab>: one declaration per field (see ../shared/fields.ts). */
import { activationIds, initIds } from '../lib-adapter';
import { defaultsOf, SEED_RANGE, type PropsOf, type Spec, type StateOf } from '../shared/fields';

export const labSpec = {
  activation: { kind: 'enum', values: activationIds, default: 'sigmoid', label: '활성화 함수', noun: '활성화 함수' },
  init: { kind: 'enum', values: initIds, default: 'standard', label: '가중치 초기화', noun: '초기화 방법' },
  /** Within src/lib's LIMITS.maxDepth (200): 50 layers already show every effect the notes describe. */
  depth: {
    kind: 'int',
    min: 1,
    max: 50,
    default: 20,
    label: '깊이 (층 수)',
    spoken: (v) => `깊이 ${v}층`,
    short: (v) => `${v}층`,
  },
  width: {
    kind: 'int',
    min: 8,
    max: 128,
    default: 64,
    label: '너비 (층마다 유닛 수)',
    spoken: (v) => `너비 유닛 ${v}개`,
    short: (v) => `${v}개`,
  },
  seed: { kind: 'int', ...SEED_RANGE, default: 1, typed: true, label: '난수 시드' },
} as const satisfies Spec;

export type LabState = StateOf<typeof labSpec>;
export type LabProps = PropsOf<typeof labSpec>;
export const LAB_DEFAULTS: LabState = defaultsOf(labSpec);
