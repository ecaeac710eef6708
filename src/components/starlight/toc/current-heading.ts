/**
 * Which table-of-contents entry is "current": the last heading whose top edge
 * has scrolled up to the reading line (just under the sticky header).
 *
 * Pure, so it is unit-tested without a browser. Tops are asked for lazily and
 * in document order, so an update stops measuring at the first heading below
 * the line.
 *
 * @param headingTops top of each heading in viewport pixels, in document order (the page
 *   title first); NaN for a heading that is not rendered, which is skipped
 * @param line        the reading line, in viewport pixels from the top
 * @returns index of the current heading; 0 (the page title) when none has reached the line
 */
export function currentHeading(headingTops: readonly (() => number)[], line: number): number {
  let current = 0;
  for (let i = 0; i < headingTops.length; i++) {
    const top = headingTops[i]();
    if (Number.isNaN(top)) continue;
    if (top > line) break;
    current = i;
  }
  return current;
}
