/**
 * The settings form of <TrainingLab>: one input per field of trainSpec (spec.ts), its
 * attributes and label derived from the field (../shared/Field.tsx). The island memoizes
 * the element, so per-frame redraws of the charts skip the form.
 */
import { SpecField } from '../shared/Field';
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

export function Controls(props: ControlsProps) {
  return (
    <div class="dl-train-settings">
      {GROUPS.map((g) => (
        <fieldset key={g.legend} class="dl-controls">
          <legend>{g.legend}</legend>
          {g.keys.map((k) => (
            <SpecField
              key={k}
              id={props.id}
              spec={trainSpec}
              k={k}
              state={props.state}
              onChange={props.onChange}
              labelOf={k === 'activation' || k === 'init' ? (v) => props.libLabels[`${k}.${v}`] : undefined}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}
