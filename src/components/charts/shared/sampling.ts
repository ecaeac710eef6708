/**
 * Sampling helpers shared by the line charts: evenly spaced x-values and the intervals where a
 * derivative is small. Kept apart from explorer/data.ts, which imports the activation registry,
 * so that a chart that needs only these does not bundle every activation.
 */

/** Points per curve. Odd, so a symmetric domain samples x = 0 exactly. */
const SAMPLES = 241;

/** `n` evenly spaced points over [a, b], plus 0 when it lies inside (the kink of the ReLU family). */
export function sampleXs(a: number, b: number, n = SAMPLES): number[] {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(Number((a + ((b - a) * i) / (n - 1)).toPrecision(12)));
  if (a < 0 && b > 0 && !xs.includes(0)) {
    xs.push(0);
    xs.sort((p, q) => p - q);
  }
  return xs;
}

/** Intervals of [a, b] where |f′| < threshold, with edges refined by bisection. */
export function lowDerivativeRegions(
  df: (x: number) => number,
  xs: readonly number[],
  threshold: number,
): [number, number][] {
  const low = (x: number) => Math.abs(df(x)) < threshold;
  const edge = (inside: number, outside: number) => {
    let p = inside;
    let q = outside;
    for (let k = 0; k < 30; k++) {
      const m = (p + q) / 2;
      if (low(m)) p = m;
      else q = m;
    }
    return Number(p.toPrecision(6));
  };
  const regions: [number, number][] = [];
  let start: number | null = null;
  for (let i = 0; i < xs.length; i++) {
    const isLow = low(xs[i]);
    if (isLow && start === null) start = i === 0 ? xs[0] : edge(xs[i], xs[i - 1]);
    if (!isLow && start !== null) {
      regions.push([start, edge(xs[i - 1], xs[i])]);
      start = null;
    }
  }
  if (start !== null) regions.push([start, xs[xs.length - 1]]);
  return regions;
}
