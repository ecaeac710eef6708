import { getActivation, type Network, type Readout } from '../../src/lib';

type Matrix = number[][];

/**
 * Independent reference: plain nested arrays, explicit matrices, ∂L/∂W formed entry by entry.
 * Only f and f′ come from the library (they are tested on their own).
 */
export function naiveGradientFlow(network: Network, input: Float64Array, batch: number, readout: Readout = 'sum') {
  const sign = (j: number) => (readout === 'alternating' && j % 2 === 1 ? -1 : 1);
  const { depth, width, activation, slope, alpha } = network.spec;
  const act = getActivation(activation, { slope, alpha });
  const Ws: Matrix[] = network.layers.map((l) =>
    Array.from({ length: width }, (_, o) => Array.from({ length: width }, (_, i) => l.weights[o * width + i])),
  );
  const bs = network.layers.map((l) => Array.from(l.bias));
  let h: Matrix = Array.from({ length: batch }, (_, b) => Array.from(input.subarray(b * width, (b + 1) * width)));
  const ins: Matrix[] = [];
  const zs: Matrix[] = [];
  const outs: Matrix[] = [];
  for (let l = 0; l < depth; l++) {
    ins.push(h);
    const z = h.map((row) => Ws[l].map((wRow, o) => wRow.reduce((s, w, i) => s + w * row[i], 0) + bs[l][o]));
    zs.push(z);
    h = z.map((row) => row.map(act.f));
    outs.push(h);
  }
  const flat = (m: Matrix) => m.flat();
  const loss = outs[depth - 1].reduce((s, row) => s + row.reduce((t, v, j) => t + sign(j) * v, 0), 0) / batch;
  const weightGradNorm: number[] = [];
  const biasGradNorm: number[] = [];
  const activationGradNorm: number[] = [];
  let g: Matrix = Array.from({ length: batch }, () => Array.from({ length: width }, (_, j) => sign(j) / batch));
  for (let l = depth - 1; l >= 0; l--) {
    activationGradNorm[l] = Math.sqrt(flat(g).reduce((s, v) => s + v * v, 0));
    const dz = g.map((row, b) => row.map((v, j) => v * act.df(zs[l][b][j])));
    const dW: Matrix = Array.from({ length: width }, (_, o) =>
      Array.from({ length: width }, (_, i) => dz.reduce((s, row, b) => s + row[o] * ins[l][b][i], 0)),
    );
    weightGradNorm[l] = Math.sqrt(flat(dW).reduce((s, v) => s + v * v, 0));
    const db = Array.from({ length: width }, (_, o) => dz.reduce((s, row) => s + row[o], 0));
    biasGradNorm[l] = Math.sqrt(db.reduce((s, v) => s + v * v, 0));
    g = dz.map((row) => Array.from({ length: width }, (_, i) => row.reduce((s, v, o) => s + Ws[l][o][i] * v, 0)));
  }
  const moments = (m: Matrix) => {
    const xs = flat(m);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    return [mean, Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length)];
  };
  const stats = zs.map((z, l) => {
    const ders = flat(z).map((v) => Math.abs(act.df(v)));
    const [mean, std] = moments(outs[l]);
    const [preActMean, preActStd] = moments(z);
    const saturated = ders.filter((d) => d < 0.01 * act.maxDerivative.value).length / ders.length;
    let dead = 0;
    for (let j = 0; j < width; j++) if (z.every((row) => row[j] <= 0)) dead++;
    return {
      mean,
      std,
      preActMean,
      preActStd,
      meanAbsDerivative: ders.reduce((s, v) => s + v, 0) / ders.length,
      saturatedFraction: act.saturates ? saturated : 0,
      deadFraction: act.family === 'relu' ? dead / width : 0,
    };
  });
  const column = (k: keyof (typeof stats)[number]) => stats.map((s) => s[k]);
  return {
    loss,
    weightGradNorm,
    biasGradNorm,
    activationGradNorm,
    mean: column('mean'),
    std: column('std'),
    preActMean: column('preActMean'),
    preActStd: column('preActStd'),
    meanAbsDerivative: column('meanAbsDerivative'),
    saturatedFraction: column('saturatedFraction'),
    deadFraction: column('deadFraction'),
  };
}
