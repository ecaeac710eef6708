/**
 * The inputs of a chart's settings, their attributes derived from the field's declaration
 * (fields.ts): label, bounds, step, allowed values. A typed value is checked by the same
 * decoder as the URL (url-state.ts), so an input never accepts what the URL would reject.
 */
import type { ComponentChildren } from 'preact';
import type { BoolField, EnumField, ListField, NumberField, Spec, StateOf, ValueOf } from './fields';
import { decodeValue } from './url-state';

interface Base<F, V> {
  /** Input id: `<chart id>-<key>`. */
  inputId: string;
  field: F;
  value: V;
  onChange: (value: V) => void;
}

/** min, max and step of a number input. */
const numberAttrs = (f: NumberField) => ({ min: f.min, max: f.max, step: f.step ?? (f.kind === 'int' ? 1 : 'any') });

function SelectField<V extends string>({
  inputId,
  field,
  value,
  onChange,
  labelOf,
}: Base<EnumField<V>, V> & { labelOf?: (v: V) => string }) {
  return (
    <div class="dl-field dl-narrow">
      <label for={inputId}>{field.label}</label>
      <select
        id={inputId}
        value={value}
        onChange={(e) => {
          const v = decodeValue(field, e.currentTarget.value);
          if (v !== undefined) onChange(v);
        }}
      >
        {field.values.map((v) => (
          <option key={v} value={v}>
            {labelOf?.(v) ?? field.options?.[v] ?? v}
          </option>
        ))}
      </select>
    </div>
  );
}

function CheckField({ inputId, field, value, onChange }: Base<BoolField, boolean>) {
  return (
    <label class="dl-check dl-toggle">
      <input
        id={inputId}
        name={inputId}
        type="checkbox"
        checked={value}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {field.label}
    </label>
  );
}

/** A slider with its value beside it, or (field.typed) a number box marked aria-invalid while its text is not a valid value. */
export function NumberInput({
  inputId,
  field,
  value,
  onChange,
  children,
}: Base<NumberField, number> & { children?: ComponentChildren }) {
  if (field.typed) {
    const input = (
      <input
        id={inputId}
        type="number"
        {...numberAttrs(field)}
        value={value}
        onInput={(e) => {
          const v = decodeValue(field, e.currentTarget.value);
          e.currentTarget.setAttribute('aria-invalid', v === undefined ? 'true' : 'false');
          if (v !== undefined) onChange(v);
        }}
      />
    );
    return (
      <div class="dl-field dl-narrow">
        <label for={inputId}>{field.label}</label>
        {children ? (
          <div class="dl-row">
            {input}
            {children}
          </div>
        ) : (
          input
        )}
      </div>
    );
  }
  return (
    <div class="dl-field">
      <label for={inputId}>{field.label}</label>
      <input
        id={inputId}
        type="range"
        {...numberAttrs(field)}
        value={value}
        aria-valuetext={field.spoken?.(value) ?? String(value)}
        onInput={(e) => onChange(Number(e.currentTarget.value))}
      />
      <output for={inputId}>{field.short?.(value) ?? String(value)}</output>
    </div>
  );
}

/**
 * The input of field `k` of a chart's spec, by the field's kind: a select, a checkbox, or a
 * slider or number box. `labelOf` names an enum's values when their labels live in src/lib.
 */
export function SpecField<S extends Spec, K extends keyof S & string>(props: {
  id: string;
  spec: S;
  k: K;
  state: StateOf<S>;
  onChange: (patch: Partial<StateOf<S>>) => void;
  labelOf?: (value: ValueOf<S[K]>) => string | undefined;
}) {
  const { spec, k, state, labelOf } = props;
  const field = spec[k];
  const inputId = `${props.id}-${k}`;
  // Each input decodes its value with this field's declaration, so v is a valid value for key k.
  const set = (v: string | number | boolean) => props.onChange({ [k]: v } as Partial<StateOf<S>>);
  switch (field.kind) {
    case 'enum':
      return (
        <SelectField
          inputId={inputId}
          field={field}
          value={String(state[k])}
          onChange={set}
          // The select offers only the field's values, which are ValueOf<S[K]>.
          labelOf={labelOf && ((v) => labelOf(v as ValueOf<S[K]>) ?? v)}
        />
      );
    case 'bool':
      return <CheckField inputId={inputId} field={field} value={state[k] === true} onChange={set} />;
    case 'int':
    case 'number':
      return <NumberInput inputId={inputId} field={field} value={Number(state[k])} onChange={set} />;
    default:
      return null;
  }
}

/**
 * A checkbox per allowed value of a list field (class `c-<value>` sets its colour); the
 * last checked box is disabled, since the list keeps at least one value.
 */
export function CheckList<V extends string>({
  name,
  field,
  value,
  onChange,
  labelOf,
}: Omit<Base<ListField<V>, V[]>, 'inputId'> & { name: string; labelOf: (v: V) => string }) {
  return (
    <fieldset class="dl-field">
      <legend>{field.label}</legend>
      <div class="dl-row">
        {field.values.map((v) => {
          const checked = value.includes(v);
          return (
            <label key={v} class={`dl-check c-${v}`}>
              <input
                type="checkbox"
                name={`${name}-${v}`}
                value={v}
                checked={checked}
                disabled={checked && value.length === 1}
                onChange={(e) => onChange(e.currentTarget.checked ? [...value, v] : value.filter((x) => x !== v))}
              />
              {labelOf(v)}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
