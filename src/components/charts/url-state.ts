/**
 * Chart settings in the URL query, namespaced per chart: `?<id>.<key>=<value>`.
 * Pure functions (no `window`): the islands pass in `location.href` and call
 * `history.replaceState` with the result themselves.
 *
 * Invalid, out-of-range or unknown values never throw: that key falls back
 * to its default (the chart's MDX props).
 */

export type FieldSpec =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'list'; values: readonly string[]; minItems?: number }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'range'; min: number; max: number; minSpan?: number };

export type Spec = Record<string, FieldSpec>;

type ValueOf<F> = F extends { kind: 'enum' }
  ? string
  : F extends { kind: 'list' }
    ? string[]
    : F extends { kind: 'int' | 'number' }
      ? number
      : F extends { kind: 'bool' }
        ? boolean
        : F extends { kind: 'range' }
          ? [number, number]
          : never;

export type StateOf<S extends Spec> = { [K in keyof S]: ValueOf<S[K]> };

/** Query key of one setting: `lab` + `depth` → `lab.depth`. */
export function paramKey(id: string, key: string): string {
  return `${id}.${key}`;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Decodes one query value; `undefined` when it is not valid for `field`. */
export function decodeValue(field: FieldSpec, raw: string): unknown {
  switch (field.kind) {
    case 'enum':
      return field.values.includes(raw) ? raw : undefined;
    case 'list': {
      const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
      const unique = [...new Set(items)];
      if (unique.length < (field.minItems ?? 1)) return undefined;
      return unique.every((v) => field.values.includes(v)) ? unique : undefined;
    }
    case 'int': {
      const n = parseNumber(raw);
      return n !== undefined && Number.isInteger(n) && n >= field.min && n <= field.max ? n : undefined;
    }
    case 'number': {
      const n = parseNumber(raw);
      return n !== undefined && n >= field.min && n <= field.max ? n : undefined;
    }
    case 'bool':
      return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;
    case 'range': {
      const parts = raw.split(',');
      if (parts.length !== 2) return undefined;
      const [a, b] = parts.map(parseNumber);
      if (a === undefined || b === undefined) return undefined;
      return b - a >= (field.minSpan ?? Number.MIN_VALUE) && a >= field.min && b <= field.max ? [a, b] : undefined;
    }
  }
}

/** A number without float noise: 0.30000000000000004 → "0.3". */
function numberText(n: number): string {
  return String(Number(n.toPrecision(10)));
}

/** Encodes one value for the query. */
export function encodeValue(field: FieldSpec, value: unknown): string {
  switch (field.kind) {
    case 'list':
      return (value as string[]).join(',');
    case 'range':
      return (value as [number, number]).map(numberText).join(',');
    case 'bool':
      return value ? '1' : '0';
    case 'int':
    case 'number':
      return numberText(value as number);
    default:
      return String(value);
  }
}

/** Reads a chart's state from a query string; every key missing or invalid keeps its default. */
export function parseState<S extends Spec>(
  search: string | URLSearchParams,
  id: string,
  spec: S,
  defaults: StateOf<S>,
): StateOf<S> {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = { ...defaults };
  for (const key of Object.keys(spec) as (keyof S & string)[]) {
    const raw = params.get(paramKey(id, key));
    if (raw === null) continue;
    const value = decodeValue(spec[key], raw);
    if (value !== undefined) state[key] = value as StateOf<S>[typeof key];
  }
  return state;
}

/**
 * Writes a chart's state into a copy of `params`: keys equal to their default
 * are removed (so the URL stays short), other charts' keys and unrelated
 * parameters are kept.
 */
export function serializeState<S extends Spec>(
  params: string | URLSearchParams,
  id: string,
  spec: S,
  state: StateOf<S>,
  defaults: StateOf<S>,
): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const key of Object.keys(spec) as (keyof S & string)[]) {
    const text = encodeValue(spec[key], state[key]);
    if (text === encodeValue(spec[key], defaults[key])) out.delete(paramKey(id, key));
    else out.set(paramKey(id, key), text);
  }
  return out;
}

/** The href with the chart's state written into its query; path and hash are kept. */
export function hrefWithState<S extends Spec>(
  href: string,
  id: string,
  spec: S,
  state: StateOf<S>,
  defaults: StateOf<S>,
): string {
  const url = new URL(href);
  const params = serializeState(url.searchParams, id, spec, state, defaults);
  // Keep commas readable (a,b rather than a%2Cb); they are safe in a query.
  const query = params.toString().replace(/%2C/gi, ',');
  return `${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
}
