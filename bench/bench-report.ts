/** Timing helpers shared by the benchmarks: a machine-speed calibration and a comparison table. */

export interface Row {
  name: string;
  medianMs: number;
  meanMs: number;
  p99Ms: number;
}

export function summarize(rows: Row[], reference: string): void {
  const ref = rows.find((r) => r.name === reference);
  console.log(
    `\n${'benchmark'.padEnd(44)} ${'median ms'.padStart(10)} ${'mean ms'.padStart(9)} ${'p99 ms'.padStart(9)}  ratio to ${reference}`,
  );
  for (const r of rows) {
    const ratio = ref ? (r.medianMs / ref.medianMs).toFixed(2) + '×' : '';
    console.log(
      `${r.name.padEnd(44)} ${r.medianMs.toFixed(3).padStart(10)} ${r.meanMs.toFixed(3).padStart(9)} ${r.p99Ms.toFixed(3).padStart(9)}  ${ratio}`,
    );
  }
}

/**
 * Machine speed at this moment: median ms of a fixed scalar multiply-add loop (2²² terms over
 * two 64 × 64 Float64Arrays). This 2-core machine runs the same code up to 1.5× faster or
 * slower from minute to minute, so a timing is read beside the calibration taken with it.
 */
export function calibrate(): number {
  const a = new Float64Array(4096).map((_, i) => (i % 7) - 3);
  const b = new Float64Array(4096).map((_, i) => (i % 5) - 2);
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    let s = 0;
    for (let k = 0; k < 1024; k++) for (let i = 0; i < 4096; i++) s += a[i] * b[(i + k) & 4095];
    times.push(performance.now() - t0);
    sink += s;
  }
  if (!Number.isFinite(sink)) throw new Error('calibration overflowed');
  return times.sort((x, y) => x - y)[7];
}

export function row(name: string, result: { latency: { p50?: number; mean?: number; p99?: number } }): Row {
  return {
    name,
    medianMs: result.latency.p50 ?? NaN,
    meanMs: result.latency.mean ?? NaN,
    p99Ms: result.latency.p99 ?? NaN,
  };
}

/**
 * A kernel variant beside its baseline at one size: ms (median) and the gain, baseline / variant − 1
 * (a variant stays in src/lib only while this is ≥ 20 % at the charts' sizes).
 */
export function gains(pairs: { size: string; variant: Row; baseline: Row }[]): void {
  console.log(
    `\n${'size'.padEnd(48)} ${'variant'.padEnd(10)} ${'ms'.padStart(7)} ${'baseline'.padEnd(10)} ${'ms'.padStart(7)}  gain`,
  );
  for (const { size, variant, baseline } of pairs) {
    const gain = ((baseline.medianMs / variant.medianMs - 1) * 100).toFixed(0);
    console.log(
      `${size.padEnd(48)} ${'wasm'.padEnd(10)} ${variant.medianMs.toFixed(2).padStart(7)} ${'JS'.padEnd(10)} ${baseline.medianMs.toFixed(2).padStart(7)}  ${gain} %`,
    );
  }
}
