/**
 * The settings form of <TrainingLab>: one input per field of trainSpec, its
 * kind, bounds and step from spec.ts, its label from labels.ts. The island
 * memoizes the element, so per-frame redraws of the charts skip the form.
 */
import type { FieldSpec } from '../url-state';
import { FIELD_LABELS, VALUE_LABELS, valueShort, valueText } from './labels';
import { INPUT_STEP, trainSpec, validClip, type TrainKey, type TrainState } from './spec';

/** Groups of the form, in order (`steps` is a build setting, not a control). */
const GROUPS: { legend: string; keys: TrainKey[] }[] = [
  { legend: '데이터', keys: ['dataset', 'noise', 'seed'] },
  { legend: '신경망', keys: ['activation', 'init', 'initScale', 'depth', 'width', 'residual', 'norm'] },
  { legend: '학습', keys: ['loss', 'optimizer', 'learningRate', 'batchSize', 'clip'] },
];

/** Number inputs (typed values) rather than sliders. */
const TYPED: TrainKey[] = ['seed', 'learningRate', 'clip'];

interface ControlsProps {
  id: string;
  state: TrainState;
  /** Korean labels of the activations and initialisations, from src/lib (props, so the bundle skips the registry). */
  libLabels: Record<string, string>;
  onChange: (patch: Partial<TrainState>) => void;
}

function optionLabel(key: TrainKey, value: string, libLabels: Record<string, string>): string {
  if (key === 'activation' || key === 'init') return libLabels[`${key}.${value}`] ?? value;
  return VALUE_LABELS[key]?.[value] ?? value;
}

function Field({ id, k, state, libLabels, onChange }: ControlsProps & { k: TrainKey }) {
  const field: FieldSpec = trainSpec[k];
  const inputId = `${id}-${k}`;
  const label = FIELD_LABELS[k];
  if (field.kind === 'enum') {
    return (
      <div class="dl-field dl-narrow">
        <label for={inputId}>{label}</label>
        <select id={inputId} value={state[k] as string} onChange={(e) => onChange({ [k]: e.currentTarget.value })}>
          {field.values.map((v) => (
            <option key={v} value={v}>
              {optionLabel(k, v, libLabels)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (field.kind === 'bool') {
    return (
      <label class="dl-check dl-toggle">
        <input id={inputId} type="checkbox" checked={state[k] as boolean} onChange={(e) => onChange({ [k]: e.currentTarget.checked })} />
        {label}
      </label>
    );
  }
  if (field.kind !== 'int' && field.kind !== 'number') return null;
  const value = state[k] as number;
  const step = INPUT_STEP[k] ?? (field.kind === 'int' ? 1 : 'any');
  if (TYPED.includes(k)) {
    return (
      <div class="dl-field dl-narrow">
        <label for={inputId}>{label}</label>
        <input
          id={inputId}
          type="number"
          min={field.min}
          max={field.max}
          step={step}
          value={value}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            const v = Number(raw);
            const ok = raw !== '' && Number.isFinite(v) && v >= field.min && v <= field.max && (field.kind === 'number' || Number.isInteger(v)) && (k !== 'clip' || validClip(v));
            e.currentTarget.setAttribute('aria-invalid', ok ? 'false' : 'true');
            if (ok) onChange({ [k]: v });
          }}
        />
      </div>
    );
  }
  return (
    <div class="dl-field">
      <label for={inputId}>{label}</label>
      <input
        id={inputId}
        type="range"
        min={field.min}
        max={field.max}
        step={step}
        value={value}
        aria-valuetext={valueText(k, value)}
        onInput={(e) => onChange({ [k]: Number(e.currentTarget.value) })}
      />
      <output for={inputId}>{valueShort(k, value)}</output>
    </div>
  );
}

export function Controls(props: ControlsProps) {
  return (
    <div class="dl-train-settings">
      {GROUPS.map((g) => (
        <fieldset key={g.legend} class="dl-controls">
          <legend>{g.legend}</legend>
          {g.keys.map((k) => (
            <Field key={k} {...props} k={k} />
          ))}
        </fieldset>
      ))}
    </div>
  );
}
