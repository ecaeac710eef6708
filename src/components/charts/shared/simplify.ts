/**
 * Polyline simplification (Ramer–Douglas–Peucker) in screen units.
 *
 * Why: a curve is sampled about every 2 px so that its kinks and its bends are exact, but
 * most of those samples sit on nearly straight stretches (the flat tails of a sigmoid, a
 * ReLU's two rays). They were half of a chart page's gzipped HTML and of its SVG parsing.
 * Keeping only the points needed to stay within a tenth of a pixel draws the same picture.
 */

/** Largest distance, in SVG user units (≈ CSS px), between the drawn and the sampled curve. */
export const PATH_TOLERANCE = 0.1;

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  // Project onto the segment and clamp, so a point beyond an end is measured to that end.
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Indices (ascending, first and last always included) of the points of the polyline
 * (xs[i], ys[i]) to keep so that every dropped point lies within `tolerance` of the
 * polyline through the kept ones. Iterative, so long runs cannot overflow the stack.
 */
export function simplifyIndices(xs: readonly number[], ys: readonly number[], tolerance: number): number[] {
  const n = xs.length;
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(xs[i], ys[i], xs[a], ys[a], xs[b], ys[b]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(i);
  return out;
}
