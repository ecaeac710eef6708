/**
 * One declaration per field: the MDX prop schema, the URL decoder and the inputs all read the
 * chart's spec, so for every field of every chart they accept the same values and the inputs
 * carry the field's bounds.
 */
import { describe, expect, test } from 'vitest';
import { render } from 'preact-render-to-string';
import { explorerSpec } from '../../../src/components/charts/explorer/spec';
import { labSpec } from '../../../src/components/charts/lab/spec';
import { lossSpec } from '../../../src/components/charts/loss/spec';
import { trainSpec } from '../../../src/components/charts/training/spec';
import { defaultsOf, type FieldSpec, type Spec } from '../../../src/components/charts/shared/fields';
import { NumberInput } from '../../../src/components/charts/shared/Field';
import { propsSchema } from '../../../src/components/charts/shared/props-schema';
import { decodeValue, encodeValue } from '../../../src/components/charts/shared/url-state';

const SPECS: Record<string, Spec> = { explorer: explorerSpec, lab: labSpec, loss: lossSpec, train: trainSpec };

/** Candidate values of a field: its default, both ends, just outside them, and junk. */
function candidates(field: FieldSpec): unknown[] {
  switch (field.kind) {
    case 'enum':
      return [...field.values, 'nope', ''];
    case 'list':
      return [[field.values[0]], [...field.values], [], ['nope'], [field.values[0], field.values[0]]];
    case 'bool':
      return [true, false];
    case 'int':
    case 'number': {
      const { min, max } = field;
      return [min, max, (min + max) / 2, min - 1, max + 1, min + 0.5, min + (max - min) / 1e5, field.default];
    }
    case 'range': {
      const { min, max, minSpan } = field;
      return [[min, max], [0, minSpan], [0, minSpan / 2], [min - 1, 0], [1, 0], [...field.default]];
    }
  }
}

describe('each field is declared once', () => {
  for (const [chart, spec] of Object.entries(SPECS)) {
    test(`${chart}: the prop schema and the URL decoder accept the same values`, () => {
      const schema = propsSchema(spec, chart);
      for (const [key, field] of Object.entries(spec)) {
        for (const value of candidates(field)) {
          // Skip the list duplicates the URL decoder folds into one (the props reject them instead).
          const duplicated = Array.isArray(value) && new Set(value).size !== value.length;
          const byProps = schema.safeParse({ [key]: value }).success;
          const byUrl = decodeValue(field, Array.isArray(value) ? value.join(',') : String(value)) !== undefined;
          if (!duplicated && value !== '') expect(byUrl, `${chart}.${key} = ${JSON.stringify(value)}`).toBe(byProps);
        }
      }
    });

    test(`${chart}: every default is valid and survives the URL`, () => {
      const defaults = defaultsOf(spec);
      expect(propsSchema(spec, chart).parse({})).toEqual({ id: chart, ...defaults });
      for (const [key, field] of Object.entries(spec)) {
        expect(decodeValue(field, encodeValue(defaults[key]))).toEqual(defaults[key]);
      }
    });
  }

  test("a slider carries its field's label, bounds, step and spoken value", () => {
    const html = render(<NumberInput inputId="lab-depth" field={labSpec.depth} value={7} onChange={() => {}} />);
    expect(html).toContain(`<label for="lab-depth">${labSpec.depth.label}</label>`);
    expect(html).toContain(`min="${labSpec.depth.min}" max="${labSpec.depth.max}" step="1"`);
    expect(html).toContain(`aria-valuetext="${labSpec.depth.spoken(7)}"`);
    expect(html).toContain(`>${labSpec.depth.short(7)}</output>`);
  });
});
