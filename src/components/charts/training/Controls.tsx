/**
 * The settings form of <TrainingLab>: one input per field of trainSpec (spec.ts), its
 * attributes and label derived from the field (../shared/Field.tsx). The island memoizes
 * the element, so per-frame redraws of the charts skip the form.
 */
import { CheckField, NumberInput, SelectField } from '../shared/Field';
import { trainSpec, type TrainKey, type TrainState } from './spec';

/** Groups of the form, in order (`steps` is a build setting, not a control). */
const GROUPS: { legend: string; keys: TrainKey[] }[] = [
  { legend: '데이터', keys: ['dataset', 'noise', 'seed'] },
  { legend: '신경망', keys: ['activation', 'init', 'initScale', 'depth', 'width', 'residual', 'norm'] },
  { legend: '학습', keys: ['loss', 'optimizer', 'learningRate', 'batchSize', 'clip'] },
];

interface ControlsProps {
  id: string;
  state: TrainState;
  /** Korean labels of the activations and initialisations, from src/lib (props, so the bundle skips the registry). */
  libLabels: Record<string, string>;
  onChange: (patch: Partial<TrainState>) => void;
}

function Field({ id, k, state, libLabels, onChange }: ControlsProps & { k: TrainKey }) {
  const field = trainSpec[k];
  const inputId = `${id}-${k}`;
  // Each input decodes its value with this field's declaration, so v is valid for key k.
  const set = (v: string | number | boolean) => onChange({ [k]: v });
  switch (field.kind) {
    case 'enum': {
      const fromLib = k === 'activation' || k === 'init';
      const labelOf = (v: string) => (fromLib ? libLabels[`${k}.${v}`] : undefined) ?? v;
      return (
        <SelectField
          inputId={inputId}
          field={field}
          value={String(state[k])}
          onChange={set}
          labelOf={fromLib ? labelOf : undefined}
        />
      );
    }
    case 'bool':
      return <CheckField inputId={inputId} field={field} value={state[k] === true} onChange={set} />;
    default:
      return <NumberInput inputId={inputId} field={field} value={Number(state[k])} onChange={set} />;
  }
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
