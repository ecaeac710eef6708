/** <LossExplorer> props (build time) and URL state (browser) agree on one spec. */
import { describe, expect, test } from 'vitest';
import { propsErrorOf as errorOf } from '../../helpers/chart-props';
import { parseProps } from '../../../src/components/charts/shared/props-schema';
import { LOSS_CHECKS, LOSS_DEFAULTS, lossSpec } from '../../../src/components/charts/loss/spec';

const parseLossProps = (input: Record<string, unknown>, where?: string) =>
  parseProps('LossExplorer', lossSpec, 'loss', input, where, LOSS_CHECKS);
import { hrefWithState, parseState } from '../../../src/components/charts/shared/url-state';

describe('<LossExplorer> props', () => {
  test('defaults fill every setting', () => {
    expect(parseLossProps({})).toEqual({ id: 'loss', ...LOSS_DEFAULTS });
    expect(parseLossProps({ id: 'bce-mse', y: 0, domain: [-4, 4], z: 3 })).toMatchObject({
      id: 'bce-mse',
      y: 0,
      losses: ['bce', 'mse'],
      z: 3,
    });
  });

  test('bad values name the page, the prop and the valid values, in Korean', () => {
    const e = errorOf(() => parseLossProps({ losses: ['bce', 'hinge'], y: 2, domain: [5, 4] }, '페이지 /notes/x/'));
    expect(e.message).toContain('<LossExplorer> (페이지 /notes/x/)');
    expect(e.lines).toEqual([
      '**losses[1]**: "hinge"은(는) 알 수 없는 손실 함수입니다. 가능한 값: bce, mse',
      '**y**: 0 이상 1 이하의 정수여야 합니다 (받은 값: 2).',
      '**domain**: 최댓값이 최솟값보다 1 이상 커야 합니다 (받은 값: [5,4]).',
    ]);
  });

  test('unknown props and a z outside the domain fail', () => {
    expect(errorOf(() => parseLossProps({ activation: 'relu' })).lines[0]).toBe(
      '**activation**: 없는 속성입니다. 가능한 속성: id, losses, y, domain, z, caption',
    );
    expect(errorOf(() => parseLossProps({ domain: [-40, 4] })).lines).toEqual([
      '**domain[0]**: -30 이상 30 이하의 숫자여야 합니다 (받은 값: -40).',
    ]);
    expect(errorOf(() => parseLossProps({ domain: [-4, 4], z: -6 })).lines).toEqual([
      '**z**: domain 안의 값이어야 합니다 (받은 값: -6, domain: [-4, 4]).',
    ]);
  });
});

describe('<LossExplorer> URL state', () => {
  test('round trip: changed keys are written, defaults are left out', () => {
    const state = { ...LOSS_DEFAULTS, y: 0, z: 2.5, losses: ['mse' as const] };
    const href = hrefWithState('https://x.test/notes/output-layer/?a=1#c', 'loss', lossSpec, state, LOSS_DEFAULTS);
    expect(href).toBe('/notes/output-layer/?a=1&loss.losses=mse&loss.y=0&loss.z=2.5#c');
    expect(parseState(new URL(href, 'https://x.test').search, 'loss', lossSpec, LOSS_DEFAULTS)).toEqual(state);
  });

  test('garbage falls back to the default key by key', () => {
    const q = '?loss.y=7&loss.losses=bce,<script>&loss.domain=3,2&loss.z=1e999&loss.y=1';
    expect(parseState(q, 'loss', lossSpec, LOSS_DEFAULTS)).toEqual(LOSS_DEFAULTS);
    expect(parseState('?loss.y=0&loss.z=abc', 'loss', lossSpec, LOSS_DEFAULTS)).toEqual({ ...LOSS_DEFAULTS, y: 0 });
  });
});
