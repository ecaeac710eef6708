/**
 * Horizontal overflow on a narrow viewport. `measureOverflow` runs inside the
 * page (it is serialised by Playwright, so it must not close over anything);
 * `findOverflow` is the pure decision, unit-tested in tests/audit/.
 */

/** Pixels of slack for sub-pixel rounding. */
export const OVERFLOW_TOLERANCE = 1;

/**
 * In the page: the document's widths and every element whose right edge lies
 * past the viewport, with what the decision needs to know about it.
 */
export function measureOverflow() {
  const vw = document.documentElement.clientWidth;
  const scrolls = (el) => {
    const s = getComputedStyle(el);
    return ['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX);
  };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : [];
    if (cls.length) s += '.' + cls.join('.');
    const parent = el.parentElement;
    return parent && parent !== document.body ? `${describe(parent).split(' > ').pop()} > ${s}` : s;
  };
  const offending = new Set();
  const elements = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right <= vw + 1) continue;
    offending.add(el);
    const style = getComputedStyle(el);
    let insideScroller = false;
    let ancestorOffends = false;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      if (offending.has(a)) ancestorOffends = true;
      if (scrolls(a)) {
        insideScroller = true;
        break;
      }
    }
    elements.push({
      selector: describe(el),
      right: Math.round(r.right * 10) / 10,
      width: Math.round(r.width * 10) / 10,
      height: Math.round(r.height * 10) / 10,
      hidden: style.visibility === 'hidden' || style.display === 'none',
      insideScroller,
      ancestorOffends,
    });
  }
  return {
    viewportWidth: vw,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    elements,
  };
}

/**
 * @param {ReturnType<typeof measureOverflow>} m
 * @param {number} [tolerance]
 * @returns {string[]} one line per problem; empty when the page fits
 */
export function findOverflow(m, tolerance = OVERFLOW_TOLERANCE) {
  const problems = [];
  if (m.scrollWidth > m.clientWidth + tolerance) {
    problems.push(`page scrolls sideways: scrollWidth ${m.scrollWidth} px > clientWidth ${m.clientWidth} px`);
  }
  for (const e of m.elements) {
    if (e.hidden || e.insideScroller || e.ancestorOffends) continue;
    if (e.width <= 0 || e.height <= 0) continue;
    if (e.right <= m.viewportWidth + tolerance) continue;
    problems.push(`${e.selector} ends at ${e.right} px, past the ${m.viewportWidth} px viewport`);
  }
  return problems;
}
