import { describe, expect, test } from 'vitest';
import { ChartPropsError, parseProps } from '../../../src/components/charts/shared/props-schema';
import { TRAIN_DEFAULTS, trainSpec } from '../../../src/components/charts/training/spec';
import { TRAIN_LIMITS } from '../../../src/lib/index';

const parseTrainingProps = (input: Record<string, unknown>, where?: string) =>
  parseProps('TrainingLab', trainSpec, 'train', input, where);

function linesOf(input: Record<string, unknown>): string[] {
  try {
    parseTrainingProps(input, '페이지 /notes/x/');
  } catch (e) {
    if (e instanceof ChartPropsError) {
      expect(e.message).toContain('<TrainingLab> (페이지 /notes/x/)의 속성이 올바르지 않습니다.');
      return e.lines;
    }
    throw e;
  }
  throw new Error('expected a ChartPropsError');
}

describe('<TrainingLab> props', () => {
  test('no props: id "train" and the defaults', () => {
    expect(parseTrainingProps({})).toEqual({ id: 'train', ...TRAIN_DEFAULTS });
  });

  test('every prop of the spec is accepted at its bounds', () => {
    const props = parseTrainingProps({
      depth: TRAIN_LIMITS.depth.max,
      width: TRAIN_LIMITS.width.min,
      clip: TRAIN_LIMITS.clip.min,
      residual: true,
      norm: 'batch',
    });
    expect(props).toMatchObject({
      depth: TRAIN_LIMITS.depth.max,
      width: TRAIN_LIMITS.width.min,
      clip: TRAIN_LIMITS.clip.min,
      residual: true,
      norm: 'batch',
    });
  });

  test('bad values name the prop and the valid values, in Korean, one line each', () => {
    const lines = linesOf({
      dataset: 'moons',
      depth: 0,
      optimizer: 'rmsprop',
      residual: 'yes',
      clip: TRAIN_LIMITS.clip.min / 2,
    });
    expect([...lines].sort()).toEqual(
      [
        `**dataset**: "moons"은(는) 알 수 없는 데이터셋입니다. 가능한 값: ${trainSpec.dataset.values.join(', ')}`,
        `**depth**: ${TRAIN_LIMITS.depth.min} 이상 ${TRAIN_LIMITS.depth.max} 이하의 정수여야 합니다 (받은 값: 0).`,
        '**residual**: true 또는 false여야 합니다 (받은 값: "yes"). 예: residual={true}',
        `**clip**: 0(끄기)이거나 ${TRAIN_LIMITS.clip.min} 이상 ${TRAIN_LIMITS.clip.max} 이하의 숫자여야 합니다 (받은 값: ${TRAIN_LIMITS.clip.min / 2}).`,
        `**optimizer**: "rmsprop"은(는) 알 수 없는 옵티마이저입니다. 가능한 값: ${trainSpec.optimizer.values.join(', ')}`,
      ].sort(),
    );
  });

  test('an unknown prop lists the known ones', () => {
    const [line] = linesOf({ lr: 0.1 });
    expect(line).toMatch(/^\*\*lr\*\*: 없는 속성입니다\. 가능한 속성: id, dataset, .*learningRate.*, caption$/);
  });
});
