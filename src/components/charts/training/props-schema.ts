/**
 * zod schema of <TrainingLab>'s MDX props, generated from trainSpec (spec.ts) so
 * the bounds are declared once. Build time only (zod never ships to the browser).
 * Messages are Korean, one line per problem, like ../props-schema.ts.
 */
import { z } from 'astro/zod';
import { boundedNumber, caption, chartId, list, parseWith, shown } from '../props-schema';
import type { FieldSpec } from '../url-state';
import { TRAIN_LIMITS } from './lib-bridge';
import { TRAIN_DEFAULTS, trainSpec, validClip, type TrainKey, type TrainState } from './spec';

/** What each enum names, for "알 수 없는 …입니다". */
const ENUM_NOUN: Partial<Record<TrainKey, string>> = {
  dataset: '데이터셋',
  activation: '활성화 함수',
  init: '초기화 방법',
  norm: '정규화 방법',
  loss: '손실 함수',
  optimizer: '옵티마이저',
};

function fieldSchema(key: TrainKey, field: FieldSpec): z.ZodType {
  switch (field.kind) {
    case 'enum':
      return z.enum(field.values as [string, ...string[]], {
        error: (iss) => `${shown(iss.input)}은(는) 알 수 없는 ${ENUM_NOUN[key] ?? '값'}입니다. 가능한 값: ${list(field.values)}`,
      });
    case 'int':
      return boundedNumber(field.min, field.max, { integer: true });
    case 'number':
      return boundedNumber(field.min, field.max);
    case 'bool':
      return z.boolean({ error: (iss) => `true 또는 false여야 합니다 (받은 값: ${shown(iss.input)}). 예: ${key}={true}` });
    default:
      throw new Error(`trainSpec.${key}: no schema for kind ${field.kind}`);
  }
}

const shape = Object.fromEntries(
  (Object.keys(trainSpec) as TrainKey[]).map((key) => {
    let s = fieldSchema(key, trainSpec[key]);
    if (key === 'clip') {
      const { min, max } = TRAIN_LIMITS.clip;
      s = (s as z.ZodNumber).refine(validClip, {
        error: (iss) => `0(끄기)이거나 ${min} 이상 ${max} 이하의 숫자여야 합니다 (받은 값: ${shown(iss.input)}).`,
      });
    }
    return [key, s.default(TRAIN_DEFAULTS[key] as never)];
  }),
) as unknown as Record<TrainKey, z.ZodType>;

export const trainingPropsSchema = z.object({ id: chartId('train'), ...shape, caption }).strict();

export interface TrainingProps extends TrainState {
  id: string;
  caption?: string;
}

/** Validates the MDX props of <TrainingLab>; throws ChartPropsError listing every problem. */
export function parseTrainingProps(input: unknown, where?: string): TrainingProps {
  return parseWith(
    trainingPropsSchema as unknown as z.ZodType<TrainingProps>,
    'TrainingLab',
    input,
    Object.keys(trainingPropsSchema.shape),
    where,
  );
}
