import { describe, expect, test } from 'vitest';
import { EXPLORER_DEFAULTS, explorerSpec, type ExplorerState } from '../../../src/components/charts/explorer/spec';
import { LAB_DEFAULTS, labSpec, type LabState } from '../../../src/components/charts/lab/spec';
import {
  decodeValue,
  hrefWithState,
  parseState,
  serializeState,
} from '../../../src/components/charts/shared/url-state';

describe('URL state: parse', () => {
  test('reads namespaced keys', () => {
    const s = parseState('?lab.activation=relu&lab.init=he&lab.depth=30', 'lab', labSpec, LAB_DEFAULTS);
    expect(s).toEqual({ ...LAB_DEFAULTS, activation: 'relu', init: 'he', depth: 30 });
  });

  test('garbage and out-of-range values fall back to the defaults, key by key', () => {
    const cases = [
      '?lab.depth=abc',
      '?lab.depth=9999',
      '?lab.depth=0',
      '?lab.depth=20.5',
      '?lab.depth=',
      '?lab.depth=1e400',
      '?lab.depth=Infinity',
      '?lab.depth=0x10',
      '?lab.width=4',
      '?lab.seed=-1',
      '?lab.seed=2147483648',
      '?lab.activation=%3Cscript%3Ealert(1)%3C/script%3E',
      '?lab.activation=<script>',
      '?lab.activation=__proto__',
      '?lab.init=HE',
      '?lab.init=',
    ];
    for (const q of cases) expect(parseState(q, 'lab', labSpec, LAB_DEFAULTS), q).toEqual(LAB_DEFAULTS);
    expect(parseState('?lab.depth=abc&lab.width=128', 'lab', labSpec, LAB_DEFAULTS)).toEqual({
      ...LAB_DEFAULTS,
      width: 128,
    });
  });

  test('explorer values: lists, booleans, ranges, numbers', () => {
    const q = '?e.activations=sigmoid,tanh&e.slope=0.1&e.domain=-4,4&e.showDerivative=0&e.alpha=2.5';
    expect(parseState(q, 'e', explorerSpec, EXPLORER_DEFAULTS)).toEqual({
      activations: ['sigmoid', 'tanh'],
      slope: 0.1,
      domain: [-4, 4],
      showDerivative: false,
      alpha: 2.5,
    });
    const bad = [
      '?e.activations=sigmoid,foo',
      '?e.activations=',
      '?e.activations=,,',
      '?e.slope=0.31',
      '?e.slope=-0.1',
      '?e.alpha=0',
      '?e.domain=4,-4',
      '?e.domain=1,1',
      '?e.domain=0,5e-324',
      '?e.domain=0,0.05',
      '?e.domain=-60,4',
      '?e.domain=-4',
      '?e.domain=-4,4,5',
      '?e.domain=a,b',
      '?e.showDerivative=yes',
    ];
    for (const b of bad) expect(parseState(b, 'e', explorerSpec, EXPLORER_DEFAULTS), b).toEqual(EXPLORER_DEFAULTS);
  });

  test('duplicates in a list are dropped', () => {
    expect(decodeValue(explorerSpec.activations, 'relu,relu,elu')).toEqual(['relu', 'elu']);
  });
});

describe('URL state: serialize', () => {
  test('round trip', () => {
    const state: LabState = { ...LAB_DEFAULTS, activation: 'relu', init: 'he', depth: 30, width: 128, seed: 7 };
    const params = serializeState('', 'lab', labSpec, state, LAB_DEFAULTS);
    expect(params.get('lab.depth')).toBe('30');
    expect(parseState(params, 'lab', labSpec, LAB_DEFAULTS)).toEqual(state);

    const ex: ExplorerState = {
      activations: ['relu', 'elu'],
      showDerivative: false,
      domain: [-4.5, 3],
      slope: 0.3,
      alpha: 0.1,
    };
    expect(
      parseState(serializeState('', 'x', explorerSpec, ex, EXPLORER_DEFAULTS), 'x', explorerSpec, EXPLORER_DEFAULTS),
    ).toEqual(ex);
  });

  test('defaults are omitted; float noise is not written', () => {
    expect(serializeState('', 'lab', labSpec, LAB_DEFAULTS, LAB_DEFAULTS).toString()).toBe('');
    const p = serializeState('', 'e', explorerSpec, { ...EXPLORER_DEFAULTS, slope: 0.1 + 0.2 }, EXPLORER_DEFAULTS);
    expect(p.get('e.slope')).toBe('0.3');
  });

  test('two charts on one page do not clash; other params and the hash are kept', () => {
    let href = 'http://x.test/notes/a/?utm=1&other.depth=5#section';
    href = 'http://x.test' + hrefWithState(href, 'lab', labSpec, { ...LAB_DEFAULTS, depth: 30 }, LAB_DEFAULTS);
    href = 'http://x.test' + hrefWithState(href, 'lab2', labSpec, { ...LAB_DEFAULTS, depth: 40 }, LAB_DEFAULTS);
    href =
      'http://x.test' +
      hrefWithState(
        href,
        'sig-tanh',
        explorerSpec,
        { ...EXPLORER_DEFAULTS, activations: ['sigmoid', 'tanh'] },
        EXPLORER_DEFAULTS,
      );
    const url = new URL(href);
    expect(url.hash).toBe('#section');
    expect(url.searchParams.get('utm')).toBe('1');
    expect(url.searchParams.get('other.depth')).toBe('5');
    expect(url.search).toContain('sig-tanh.activations=sigmoid,tanh');
    expect(parseState(url.search, 'lab', labSpec, LAB_DEFAULTS).depth).toBe(30);
    expect(parseState(url.search, 'lab2', labSpec, LAB_DEFAULTS).depth).toBe(40);
    // Back to the default removes only that chart's key.
    href = 'http://x.test' + hrefWithState(href, 'lab', labSpec, LAB_DEFAULTS, LAB_DEFAULTS);
    expect(new URL(href).searchParams.has('lab.depth')).toBe(false);
    expect(new URL(href).searchParams.get('lab2.depth')).toBe('40');
  });

  test('a prefix id does not read another chart (lab vs lab2)', () => {
    expect(parseState('?lab2.depth=40', 'lab', labSpec, LAB_DEFAULTS)).toEqual(LAB_DEFAULTS);
  });
});
