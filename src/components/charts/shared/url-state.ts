/**
 * Chart settings in the URL query, namespaced per chart: `?<id>.<key>=<value>`.
 * Pure functions (no `window`): the islands pass in `location.href` and call
 * `history.replaceState` with the result themselves.
 *
 * Invalid, out-of-range or unknown values never throw: that key falls back
 * to its default (the chart's MDX props).
 */
import { isOneOf, validNumber, validRange, type FieldSpec, type Spec, type StateOf, type ValueOf } from './fields';

/** Query key of one setting: `lab` + `depth` → `lab.depth`. */
function paramKey(id: string, key: string): string {
  return `${id}.${key}`;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A plain decimal (no hex, no "Infinity", no blanks), or NaN. */
function parseNumber(raw: string): number {
  const s = raw.trim();
  return NUMBER.test(s) ? Number(s) : NaN;
}

/** Decodes one query value (or an input's text); `undefined` when it is not valid for `field`. */
export function decodeValue<F extends FieldSpec>(field: F, raw: string): ValueOf<F> | undefined;
export function decodeValue(field: FieldSpec, raw: string): unknown {
  switch (field.kind) {
    case 'enum':
      return isOneOf(field.values, raw) ? raw : undefined;
    case 'list': {
      const unique = [...new Set(raw.split(',').map((s) => s.trim()))].filter(Boolean);
      return unique.length >= 1 && unique.every((v) => isOneOf(field.values, v)) ? unique : undefined;
    }
    case 'int':
    case 'number': {
      const n = parseNumber(raw);
      return validNumber(field, n) ? n : undefined;
    }
    case 'bool':
      return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;
    case 'range': {
      const parts = raw.split(',');
      if (parts.length !== 2) return undefined;
      const [a, b] = parts.map(parseNumber);
      return validRange(field, a, b) ? [a, b] : undefined;
    }
  }
}

/** A number without float noise: 0.30000000000000004 → "0.3". */
function numberText(n: number): string {
  return String(Number(n.toPrecision(10)));
}

/** Encodes one value for the query. */
export function encodeValue(value: string | number | boolean | readonly (string | number)[]): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'number' ? numberText(v) : String(v))).join(',');
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return numberText(value);
  return String(value);
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
    const value = raw === null ? undefined : decodeValue(spec[key], raw);
    if (value !== undefined) state[key] = value;
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
    const text = encodeValue(state[key]);
    if (text === encodeValue(defaults[key])) out.delete(paramKey(id, key));
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
  // Keep commas readable (a,b rather than a%2Cb); they are safe in a query.
  const query = serializeState(url.searchParams, id, spec, state, defaults).toString().replace(/%2C/gi, ',');
  return `${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
}
