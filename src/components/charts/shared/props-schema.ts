/**
 * zod schemas of the charts' MDX props, derived from each chart's field spec (fields.ts).
 * Used at build time by the .astro wrappers only (zod never ships to the browser).
 * Messages are Korean and formatted like Starlight's: `**prop**: 무엇이 틀렸고 가능한 값은 …`.
 */
import { z } from 'astro/zod';
import { isOneOf, type FieldSpec, type InputPropsOf, type PropsOf, type Spec } from './fields';

/** Chart ids become DOM ids and URL keys: lower-case letters, digits and hyphens. */
const CHART_ID = /^[a-z][a-z0-9-]{0,39}$/;

const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));
const list = (values: readonly string[]) => values.join(', ');
const literal = (v: unknown) => (typeof v === 'string' ? `'${v}'` : String(v));
const got = (iss: { input?: unknown }) => `(받은 값: ${shown(iss.input)})`;

const chartId = (fallback: string) =>
  z
    .string({ error: (iss) => `문자열이어야 합니다 ${got(iss)}. 예: id="${fallback}"` })
    .regex(CHART_ID, {
      error: (iss) =>
        `${shown(iss.input)}은(는) 쓸 수 없는 id입니다. 영어 소문자로 시작하고 소문자·숫자·하이픈(-)만, 40자까지 쓸 수 있습니다. 예: id="${fallback}"`,
    })
    .default(fallback);

const caption = z
  .string({ error: (iss) => `한국어 설명 문장(문자열)이어야 합니다 ${got(iss)}.` })
  .trim()
  .min(1, { error: '빈 문자열은 쓸 수 없습니다. 설명이 필요 없으면 caption을 지우세요.' })
  .optional();

function boundedNumber(min: number, max: number, integer: boolean) {
  const what = (iss: { input?: unknown }) =>
    `${min} 이상 ${max} 이하의 ${integer ? '정수' : '숫자'}여야 합니다 ${got(iss)}.`;
  const n = z.number({ error: what });
  return (integer ? n.int({ error: what }) : n).min(min, { error: what }).max(max, { error: what });
}

function enumOf<V extends string>(values: readonly V[], noun: string) {
  return z.custom<V>((v) => isOneOf(values, v), {
    error: (iss) => `${shown(iss.input)}은(는) 알 수 없는 ${noun}입니다. 가능한 값: ${list(values)}`,
  });
}

/** The schema of one field, with its default. */
function fieldSchema(key: string, field: FieldSpec) {
  switch (field.kind) {
    case 'enum':
      return enumOf(field.values, field.noun).default(field.default);
    case 'list':
      return z
        .array(enumOf(field.values, field.noun), {
          error: (iss) =>
            `${field.noun} id의 배열이어야 합니다 ${got(iss)}. 예: ${key}={[${field.default.map(literal).join(', ')}]}. 가능한 값: ${list(field.values)}`,
        })
        .min(1, { error: `하나 이상 골라야 합니다. 가능한 값: ${list(field.values)}` })
        .refine((ids) => new Set(ids).size === ids.length, { error: `같은 ${field.noun}가 두 번 들어 있습니다.` })
        .default([...field.default]);
    case 'int':
    case 'number': {
      const n = boundedNumber(field.min, field.max, field.kind === 'int');
      const { valid } = field;
      return (valid ? n.refine(valid.test, { error: (iss) => `${valid.text} ${got(iss)}.` }) : n).default(
        field.default,
      );
    }
    case 'bool':
      return z
        .boolean({ error: (iss) => `true 또는 false여야 합니다 ${got(iss)}. 예: ${key}={${!field.default}}` })
        .default(field.default);
    case 'range': {
      const end = boundedNumber(field.min, field.max, false);
      return z
        .tuple([end, end], {
          error: (iss) =>
            `[최솟값, 최댓값] 형태의 숫자 두 개여야 합니다 ${got(iss)}. 예: ${key}={[${field.default.join(', ')}]}`,
        })
        .refine(([a, b]) => b - a >= field.minSpan, {
          error: (iss) => `최댓값이 최솟값보다 ${field.minSpan} 이상 커야 합니다 ${got(iss)}.`,
        })
        .default([field.default[0], field.default[1]]);
    }
  }
}

/** A check across fields (e.g. z inside the domain): the prop it names, the test and the Korean message. */
export interface CrossCheck<S extends Spec> {
  path: keyof S & string;
  test: (props: PropsOf<S>) => boolean;
  text: (props: PropsOf<S>) => string;
}

/** The strict object schema of a chart's props: `id`, every field of the spec, `caption`. */
export function propsSchema<S extends Spec>(spec: S, fallbackId: string) {
  const shape: Record<string, z.ZodType> = { id: chartId(fallbackId) };
  for (const [key, field] of Object.entries(spec)) shape[key] = fieldSchema(key, field);
  shape.caption = caption;
  return z.object(shape).strict();
}

/** `['activations', 1]` → `activations[1]`. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, key) => (typeof key === 'number' ? `${s}[${key}]` : s ? `${s}.${String(key)}` : String(key)),
    '',
  );
}

/** One Starlight-style line per problem: `**prop**: message`. */
function formatIssues(issues: readonly z.core.$ZodIssue[], knownProps: readonly string[]): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map(
          (key) => `**${issuePath([...issue.path, key])}**: 없는 속성입니다. 가능한 속성: ${list(knownProps)}`,
        )
      : [`**${issuePath(issue.path) || '(props)'}**: ${issue.message}`],
  );
}

export class ChartPropsError extends Error {
  constructor(
    readonly component: string,
    readonly lines: string[],
    readonly where?: string,
  ) {
    super(`<${component}>${where ? ` (${where})` : ''}의 속성이 올바르지 않습니다.\n${lines.join('\n')}`);
    this.name = 'ChartPropsError';
  }
}

/**
 * Validates a chart's MDX props against its spec; throws ChartPropsError listing every problem
 * (page, prop, valid values). Cross-field checks run once every field is valid.
 */
export function parseProps<S extends Spec>(
  component: string,
  spec: S,
  fallbackId: string,
  input: InputPropsOf<S> | Record<string, unknown> | undefined,
  where?: string,
  checks: readonly CrossCheck<S>[] = [],
): PropsOf<S> {
  const schema = propsSchema(spec, fallbackId);
  const result = schema.safeParse(input ?? {});
  if (!result.success)
    throw new ChartPropsError(component, formatIssues(result.error.issues, Object.keys(schema.shape)), where);
  // The schema was built field by field from `spec`, so its output is exactly PropsOf<S>.
  const props = result.data as PropsOf<S>;
  const failed = checks.filter((c) => !c.test(props)).map((c) => `**${c.path}**: ${c.text(props)}`);
  if (failed.length) throw new ChartPropsError(component, failed, where);
  return props;
}
