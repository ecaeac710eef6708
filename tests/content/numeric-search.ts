/** Root and extremum search on a grid, for numbers the notes state about f and f′. */

/** x in [a, b] where g changes sign (g continuous, one root). */
export function bisect(g: (x: number) => number, a: number, b: number): number {
  let lo = a;
  let hi = b;
  const gLo = g(lo);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(g(mid)) === Math.sign(gLo)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Grid maximum of g on [a, b]. */
export function gridMax(g: (x: number) => number, a: number, b: number, step = 1e-4): { x: number; y: number } {
  let best = { x: a, y: -Infinity };
  for (let x = a; x <= b; x += step) {
    const y = g(x);
    if (y > best.y) best = { x, y };
  }
  return best;
}

export function gridMin(g: (x: number) => number, a: number, b: number, step = 1e-4): { x: number; y: number } {
  const m = gridMax((x) => -g(x), a, b, step);
  return { x: m.x, y: -m.y };
}

export const grid = Array.from({ length: 241 }, (_, i) => -12 + i * 0.1);
