import { describe, expect, test } from 'vitest';
import { EXPLORER_DEFAULTS, explorerSpec } from '../../../src/components/charts/explorer/spec';
import { LAB_DEFAULTS, labSpec } from '../../../src/components/charts/lab/spec';
import { claimChartId } from '../../../src/components/charts/shared/chart-props';
import { propsErrorOf as errorOf } from '../../helpers/chart-props';
import { parseProps } from '../../../src/components/charts/shared/props-schema';

const parseExplorerProps = (input: Record<string, unknown>, where?: string) =>
  parseProps('ActivationExplorer', explorerSpec, 'explorer', input, where);
const parseLabProps = (input: Record<string, unknown>, where?: string) =>
  parseProps('GradientLab', labSpec, 'lab', input, where);

describe('<ActivationExplorer> props', () => {
  test('defaults', () => {
    expect(parseExplorerProps({})).toEqual({ id: 'explorer', ...EXPLORER_DEFAULTS });
    expect(
      parseExplorerProps({ id: 'sig-tanh', activations: ['sigmoid', 'tanh'], showDerivative: true, domain: [-6, 6] }),
    ).toMatchObject({
      id: 'sig-tanh',
      activations: ['sigmoid', 'tanh'],
      slope: 0.01,
    });
  });

  test('an unknown activation names the prop, the component and the valid ids', () => {
    const e = errorOf(() => parseExplorerProps({ activations: ['sigmoid', 'foo'] }, '페이지 /notes/x/'));
    expect(e.message).toContain('<ActivationExplorer> (페이지 /notes/x/)');
    expect(e.lines).toEqual([
      '**activations[1]**: "foo"은(는) 알 수 없는 활성화 함수입니다. 가능한 값: sigmoid, tanh, relu, leaky-relu, elu, gelu, silu, softplus, linear',
    ]);
  });

  test('unknown props fail (strict) and list the valid props', () => {
    const e = errorOf(() => parseExplorerProps({ activation: 'relu' }));
    expect(e.lines[0]).toBe(
      '**activation**: 없는 속성입니다. 가능한 속성: id, activations, showDerivative, domain, slope, alpha, caption',
    );
  });

  test('ranges and shapes, every problem at once', () => {
    const e = errorOf(() =>
      parseExplorerProps({ id: 'Bad Id', domain: [6, -6], slope: 0.5, alpha: 0, showDerivative: 'yes', caption: '' }),
    );
    const text = e.lines.join('\n');
    expect(text).toContain('**id**: "Bad Id"은(는) 쓸 수 없는 id입니다');
    expect(text).toContain('**domain**: 최댓값이 최솟값보다 0.1 이상 커야 합니다');
    expect(text).toContain('**slope**: 0 이상 0.3 이하의 숫자여야 합니다 (받은 값: 0.5).');
    expect(text).toContain('**alpha**: 0.1 이상 3 이하의 숫자여야 합니다 (받은 값: 0).');
    expect(text).toContain('**showDerivative**: true 또는 false여야 합니다');
    expect(text).toContain('**caption**');
    expect(errorOf(() => parseExplorerProps({ domain: [-60, 6] })).lines[0]).toContain(
      '**domain[0]**: -50 이상 50 이하의 숫자여야 합니다',
    );
    expect(errorOf(() => parseExplorerProps({ activations: [] })).lines[0]).toContain(
      '**activations**: 하나 이상 골라야 합니다',
    );
  });
});

describe('<GradientLab> props', () => {
  test('defaults', () => {
    expect(parseLabProps({})).toEqual({ id: 'lab', ...LAB_DEFAULTS });
    expect(
      parseLabProps({ id: 'lab', activation: 'sigmoid', init: 'standard', depth: 20, width: 64, seed: 1 }),
    ).toEqual({ id: 'lab', ...LAB_DEFAULTS });
  });

  test('messages name the prop and list valid values', () => {
    const e = errorOf(() => parseLabProps({ activation: 'relu6', init: 'kaiming', depth: 51, width: 64.5, seed: -1 }));
    expect(e.message).toContain('<GradientLab>');
    expect(e.lines).toEqual([
      '**activation**: "relu6"은(는) 알 수 없는 활성화 함수입니다. 가능한 값: sigmoid, tanh, relu, leaky-relu, elu, gelu, silu, softplus, linear',
      '**init**: "kaiming"은(는) 알 수 없는 초기화 방법입니다. 가능한 값: small, standard, xavier, he',
      '**depth**: 1 이상 50 이하의 정수여야 합니다 (받은 값: 51).',
      '**width**: 8 이상 128 이하의 정수여야 합니다 (받은 값: 64.5).',
      '**seed**: 0 이상 2147483647 이하의 정수여야 합니다 (받은 값: -1).',
    ]);
    expect(errorOf(() => parseLabProps({ depth: '20' })).lines[0]).toBe(
      '**depth**: 1 이상 50 이하의 정수여야 합니다 (받은 값: "20").',
    );
    expect(errorOf(() => parseLabProps({ client: 'visible' })).lines[0]).toMatch(/^\*\*client\*\*: 없는 속성입니다/);
  });
});

describe('chart ids', () => {
  test('an id may appear once per page render', () => {
    const locals = {};
    expect(claimChartId(locals, 'lab')).toBeNull();
    expect(claimChartId(locals, 'sig-tanh')).toBeNull();
    expect(claimChartId(locals, 'lab')).toContain('**id**: "lab"은(는) 이 페이지의 다른 차트가 이미 쓰고 있습니다');
    expect(claimChartId({}, 'lab')).toBeNull();
  });
});
