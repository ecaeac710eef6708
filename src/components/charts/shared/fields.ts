/**
 * One declaration per chart setting. Each chart's `spec.ts` lists its fields here once
 * (kind, allowed values or bounds, step, default, Korean label); the MDX prop schema
 * (props-schema.ts), the URL decoder and encoder (url-state.ts) and the inputs' attributes
 * (Field.tsx) are all derived from that one object. Bounds the library owns come from
 * src/lib (LIMITS, TRAIN_LIMITS) by reference.
 */

interface Common {
  /** Korean label of the input (and of the prop in docs). */
  label: string;
}

export interface EnumField<V extends string = string> extends Common {
  kind: 'enum';
  values: readonly V[];
  default: V;
  /** What a value names, for "알 수 없는 …입니다" (e.g. 활성화 함수). */
  noun: string;
  /** Korean names of the values for the select; ids whose labels live in src/lib come as props instead. */
  options?: Readonly<Record<V, string>>;
}

export interface ListField<V extends string = string> extends Common {
  kind: 'list';
  values: readonly V[];
  default: readonly V[];
  noun: string;
}

export interface NumberField extends Common {
  kind: 'int' | 'number';
  min: number;
  max: number;
  default: number;
  /** Input step; the URL and the props accept any value in range. Default: 1 for int, 'any' for number. */
  step?: number | 'any';
  /** A typed number input rather than a slider. */
  typed?: boolean;
  /** A further condition inside [min, max] (e.g. clip: 0 or ≥ 0.01), and its Korean message. */
  valid?: { test: (v: number) => boolean; text: string };
  /** Spoken value (aria-valuetext) and the short text next to a slider. */
  spoken?: (v: number) => string;
  short?: (v: number) => string;
}

export interface BoolField extends Common {
  kind: 'bool';
  default: boolean;
}

interface RangeField extends Common {
  kind: 'range';
  min: number;
  max: number;
  /** Smallest max − min. */
  minSpan: number;
  default: readonly [number, number];
}

export type FieldSpec = EnumField | ListField | NumberField | BoolField | RangeField;
export type Spec = Record<string, FieldSpec>;

/** The value a field holds: the id union for enums (ActivationId, …), never widened to string. */
export type ValueOf<F> = F extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : F extends { kind: 'list'; values: readonly (infer V)[] }
    ? V[]
    : F extends { kind: 'int' | 'number' }
      ? number
      : F extends { kind: 'bool' }
        ? boolean
        : F extends { kind: 'range' }
          ? [number, number]
          : never;

export type StateOf<S extends Spec> = { [K in keyof S]: ValueOf<S[K]> };

/** Props of a chart island: its state plus the chart id and an optional caption. */
export type PropsOf<S extends Spec> = StateOf<S> & { id: string; caption?: string };

/** The MDX props a chart accepts (every setting optional). */
export type InputPropsOf<S extends Spec> = Partial<StateOf<S>> & { id?: string; caption?: string };

/** Seeds: any unsigned 31-bit integer (every chart's seed field). */
export const SEED_RANGE = { min: 0, max: 2 ** 31 - 1 } as const;

/** Whether `v` is one of `values`, narrowing it to the id union. */
export function isOneOf<V extends string>(values: readonly V[], v: unknown): v is V {
  return values.some((x) => x === v);
}

/** Whether a number is valid for the field: bounds, integer-ness and its extra condition. */
export function validNumber(field: NumberField, n: number): boolean {
  return (
    Number.isFinite(n) &&
    n >= field.min &&
    n <= field.max &&
    (field.kind === 'number' || Number.isInteger(n)) &&
    (field.valid?.test(n) ?? true)
  );
}

/** Whether [a, b] is a valid range for the field. */
export function validRange(field: RangeField, a: number, b: number): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && a >= field.min && b <= field.max && b - a >= field.minSpan;
}

/** The default of every field. */
export function defaultsOf<S extends Spec>(spec: S): StateOf<S> {
  const out: Partial<Record<keyof S, unknown>> = {};
  for (const key of Object.keys(spec) as (keyof S)[]) {
    const d = spec[key].default;
    out[key] = Array.isArray(d) ? [...d] : d;
  }
  // Built key by key from the spec, each value its field's default (ValueOf of that field).
  return out as StateOf<S>;
}
