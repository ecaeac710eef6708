import { describe, expect, test } from 'vitest';
import { findOverflow } from './lib/overflow.mjs';

const el = (
  over: Partial<{
    selector: string;
    right: number;
    width: number;
    height: number;
    hidden: boolean;
    insideScroller: boolean;
    ancestorOffends: boolean;
  }>,
) => ({
  selector: 'div.x',
  right: 500,
  width: 200,
  height: 20,
  hidden: false,
  insideScroller: false,
  ancestorOffends: false,
  ...over,
});
const page = (elements: ReturnType<typeof el>[], scrollWidth = 390) => ({
  viewportWidth: 390,
  clientWidth: 390,
  scrollWidth,
  elements,
});

describe('findOverflow', () => {
  test('a page that fits has no problems', () => {
    expect(findOverflow(page([]))).toEqual([]);
  });

  test('a document wider than the viewport is reported', () => {
    expect(findOverflow(page([], 420))).toEqual(['page scrolls sideways: scrollWidth 420 px > clientWidth 390 px']);
  });

  test('sub-pixel overflow within the tolerance is ignored', () => {
    expect(findOverflow(page([el({ right: 390.6 })], 391))).toEqual([]);
  });

  test('an element past the right edge is reported with its selector', () => {
    expect(findOverflow(page([el({ selector: 'table.wide', right: 612.5 })]))).toEqual([
      'table.wide ends at 612.5 px, past the 390 px viewport',
    ]);
  });

  test('content inside a scroll container is fine', () => {
    expect(findOverflow(page([el({ insideScroller: true })]))).toEqual([]);
  });

  test('hidden and zero-size elements are ignored', () => {
    expect(findOverflow(page([el({ hidden: true }), el({ width: 0 }), el({ height: 0 })]))).toEqual([]);
  });

  test('only the outermost overflowing element is reported', () => {
    const problems = findOverflow(
      page([el({ selector: 'figure' }), el({ selector: 'figure > svg', ancestorOffends: true })]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^figure ends/);
  });
});
