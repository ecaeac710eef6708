/**
 * zod schemas of the MDX props of <ActivationExplorer> and <GradientLab>.
 * Used at build time by the .astro wrappers only (zod never ships to the browser).
 * Messages are Korean and formatted like Starlight's: `**prop**: 무엇이 틀렸고 가능한 값은 …`.
 */
import { z } from 'astro/zod';
import {
  CHART_ID,
  EXPLORER_DEFAULTS,
  EXPLORER_LIMITS,
  LAB_DEFAULTS,
  LAB_LIMITS,
  type ExplorerProps,
  type LabProps,
} from './chart-spec';
import { ACTIVATION_IDS, INIT_IDS } from './lib-adapter';

export const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v));
export const list = (values: readonly string[]) => values.join(', ');

export const chartId = (fallback: string) =>
  z
    .string({ error: (iss) => `문자열이어야 합니다 (받은 값: ${shown(iss.input)}). 예: id="${fallback}"` })
    .regex(CHART_ID, {
      error: (iss) =>
        `${shown(iss.input)}은(는) 쓸 수 없는 id입니다. 영어 소문자로 시작하고 소문자·숫자·하이픈(-)만, 40자까지 쓸 수 있습니다. 예: id="${fallback}"`,
    })
    .default(fallback);

const activationId = z.enum(ACTIVATION_IDS as [string, ...string[]], {
  error: (iss) => `${shown(iss.input)}은(는) 알 수 없는 활성화 함수입니다. 가능한 값: ${list(ACTIVATION_IDS)}`,
});

export const caption = z
  .string({ error: (iss) => `한국어 설명 문장(문자열)이어야 합니다 (받은 값: ${shown(iss.input)}).` })
  .trim()
  .min(1, { error: '빈 문자열은 쓸 수 없습니다. 설명이 필요 없으면 caption을 지우세요.' })
  .optional();

export function boundedNumber(min: number, max: number, { integer = false } = {}) {
  const what = `${min} 이상 ${max} 이하의 ${integer ? '정수' : '숫자'}여야 합니다`;
  let n = z.number({ error: (iss) => `${what} (받은 값: ${shown(iss.input)}).` });
  if (integer) n = n.int({ error: (iss) => `${what} (받은 값: ${shown(iss.input)}).` });
  return n
    .min(min, { error: (iss) => `${what} (받은 값: ${shown(iss.input)}).` })
    .max(max, { error: (iss) => `${what} (받은 값: ${shown(iss.input)}).` });
}

const { domainAbsMax: D } = EXPLORER_LIMITS;
const domainEnd = z
  .number({ error: (iss) => `숫자여야 합니다 (받은 값: ${shown(iss.input)}).` })
  .min(-D, { error: (iss) => `절댓값이 ${D} 이하여야 합니다 (받은 값: ${shown(iss.input)}).` })
  .max(D, { error: (iss) => `절댓값이 ${D} 이하여야 합니다 (받은 값: ${shown(iss.input)}).` });

export const explorerPropsSchema = z
  .object({
    id: chartId('explorer'),
    activations: z
      .array(activationId, {
        error: (iss) =>
          `활성화 함수 id의 배열이어야 합니다 (받은 값: ${shown(iss.input)}). 예: activations={['sigmoid', 'tanh']}. 가능한 값: ${list(ACTIVATION_IDS)}`,
      })
      .min(1, { error: `하나 이상 골라야 합니다. 가능한 값: ${list(ACTIVATION_IDS)}` })
      .refine((ids) => new Set(ids).size === ids.length, { error: '같은 활성화 함수가 두 번 들어 있습니다.' })
      .default(EXPLORER_DEFAULTS.activations),
    showDerivative: z
      .boolean({ error: (iss) => `true 또는 false여야 합니다 (받은 값: ${shown(iss.input)}). 예: showDerivative={false}` })
      .default(EXPLORER_DEFAULTS.showDerivative),
    domain: z
      .tuple([domainEnd, domainEnd], {
        error: (iss) => `[최솟값, 최댓값] 형태의 숫자 두 개여야 합니다 (받은 값: ${shown(iss.input)}). 예: domain={[-6, 6]}`,
      })
      .refine(([a, b]) => b - a >= EXPLORER_LIMITS.domainMinSpan, {
        error: (iss) => `최댓값이 최솟값보다 ${EXPLORER_LIMITS.domainMinSpan} 이상 커야 합니다 (받은 값: ${shown(iss.input)}).`,
      })
      .default(EXPLORER_DEFAULTS.domain),
    slope: boundedNumber(EXPLORER_LIMITS.slope.min, EXPLORER_LIMITS.slope.max).default(EXPLORER_DEFAULTS.slope),
    alpha: boundedNumber(EXPLORER_LIMITS.alpha.min, EXPLORER_LIMITS.alpha.max).default(EXPLORER_DEFAULTS.alpha),
    caption,
  })
  .strict();

export const labPropsSchema = z
  .object({
    id: chartId('lab'),
    activation: activationId.default(LAB_DEFAULTS.activation),
    init: z
      .enum(INIT_IDS as [string, ...string[]], {
        error: (iss) => `${shown(iss.input)}은(는) 알 수 없는 초기화 방법입니다. 가능한 값: ${list(INIT_IDS)}`,
      })
      .default(LAB_DEFAULTS.init),
    depth: boundedNumber(LAB_LIMITS.depth.min, LAB_LIMITS.depth.max, { integer: true }).default(LAB_DEFAULTS.depth),
    width: boundedNumber(LAB_LIMITS.width.min, LAB_LIMITS.width.max, { integer: true }).default(LAB_DEFAULTS.width),
    seed: boundedNumber(LAB_LIMITS.seed.min, LAB_LIMITS.seed.max, { integer: true }).default(LAB_DEFAULTS.seed),
    caption,
  })
  .strict();

/** `['activations', 1]` → `activations[1]`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, key) => (typeof key === 'number' ? `${s}[${key}]` : s ? `${s}.${String(key)}` : String(key)),
    '',
  );
}

/** One Starlight-style line per problem: `**prop**: message`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], knownProps: readonly string[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        lines.push(`**${issuePath([...issue.path, key])}**: 없는 속성입니다. 가능한 속성: ${list(knownProps)}`);
      }
    } else {
      lines.push(`**${issuePath(issue.path) || '(props)'}**: ${issue.message}`);
    }
  }
  return lines;
}

export class ChartPropsError extends Error {
  constructor(
    readonly component: string,
    readonly lines: string[],
    readonly where?: string,
  ) {
    super(
      `<${component}>${where ? ` (${where})` : ''}의 속성이 올바르지 않습니다.\n${lines.join('\n')}`,
    );
    this.name = 'ChartPropsError';
  }
}

export function parseWith<T>(
  schema: z.ZodType<T>,
  component: string,
  input: unknown,
  knownProps: readonly string[],
  where?: string,
): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new ChartPropsError(component, formatIssues(result.error.issues, knownProps), where);
}

/** Validates the MDX props of <ActivationExplorer>; throws ChartPropsError listing every problem. */
export function parseExplorerProps(input: unknown, where?: string): ExplorerProps {
  return parseWith(explorerPropsSchema, 'ActivationExplorer', input, Object.keys(explorerPropsSchema.shape), where);
}

/** Validates the MDX props of <GradientLab>; throws ChartPropsError listing every problem. */
export function parseLabProps(input: unknown, where?: string): LabProps {
  return parseWith(labPropsSchema, 'GradientLab', input, Object.keys(labPropsSchema.shape), where);
}
