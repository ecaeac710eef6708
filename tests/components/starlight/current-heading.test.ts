import { describe, expect, it } from 'vitest';
import { currentHeading } from '../../../src/components/starlight/toc/current-heading';

/** Headings at the given page offsets seen from a scroll position; records which were measured. */
function page(offsets: number[], scrollY: number) {
  const measured: number[] = [];
  const tops = offsets.map((y, i) => () => {
    measured.push(i);
    return y - scrollY;
  });
  return { tops, measured };
}

describe('currentHeading', () => {
  // The page title at 0, then headings at 500, 900 and 1500.
  const offsets = [0, 500, 900, 1500];
  const LINE = 100;

  it('is the page title before any heading reaches the reading line', () => {
    expect(currentHeading(page(offsets, 0).tops, LINE)).toBe(0);
  });

  it('is the last heading at or above the line', () => {
    expect(currentHeading(page(offsets, 400).tops, LINE)).toBe(1);
    expect(currentHeading(page(offsets, 799).tops, LINE)).toBe(1);
    expect(currentHeading(page(offsets, 800).tops, LINE)).toBe(2);
    expect(currentHeading(page(offsets, 1400).tops, LINE)).toBe(3);
    expect(currentHeading(page(offsets, 5000).tops, LINE)).toBe(3);
  });

  it('stops measuring at the first heading below the line', () => {
    const p = page(offsets, 400);
    currentHeading(p.tops, LINE);
    expect(p.measured).toEqual([0, 1, 2]);
  });

  it('skips a heading that is not rendered (NaN) without stopping at it', () => {
    const tops = [() => -500, () => NaN, () => -100, () => 400];
    expect(currentHeading(tops, LINE)).toBe(2);
    expect(currentHeading([() => -500, () => NaN], LINE)).toBe(0);
  });

  it('is 0 for an empty table of contents', () => {
    expect(currentHeading([], LINE)).toBe(0);
  });
});
