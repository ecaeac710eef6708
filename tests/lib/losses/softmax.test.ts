import { describe, expect, it } from 'vitest';
import { logSumExp, sigmoid, softmax, softmaxCrossEntropy } from '../../../src/lib';
import { expectAllClose, expectClose } from '../../helpers/expect-close';

/** e^{z_k}/Σ e^{z_j} exactly as written, which overflows for large logits. */
function naiveSoftmax(z: number[]): number[] {
  const e = z.map(Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

describe('softmax', () => {
  it('matches the definition, is positive and sums to 1', () => {
    const z = [1.5, -0.3, 0, 2.2];
    const p = softmax(z);
    expectAllClose(p, naiveSoftmax(z), { rel: 1e-15 });
    expectClose(
      p.reduce((a, b) => a + b, 0),
      1,
      { rel: 1e-15 },
    );
    for (const v of p) expect(v).toBeGreaterThan(0);
  });

  it('is shift invariant: adding c to every logit changes nothing', () => {
    const z = [0.4, -1.2, 3];
    for (const c of [-50, 7, 300]) expectAllClose(softmax(z.map((v) => v + c)), softmax(z), { rel: 1e-13 });
  });

  it('subtracting the maximum keeps large logits finite where the definition gives NaN', () => {
    expect(Math.exp(1000)).toBe(Infinity);
    expect(naiveSoftmax([1000, 999]).every(Number.isNaN)).toBe(true);
    expectAllClose(softmax([1000, 999]), [sigmoid(1), sigmoid(-1)], { rel: 1e-15 });
    expectClose(logSumExp([1000, 999]), 1000 + Math.log1p(Math.exp(-1)), { rel: 1e-15 });
  });

  it('with two classes is the sigmoid of the logit difference', () => {
    for (const [a, b] of [
      [2, -1],
      [-3, 0.5],
      [0, 0],
      [30, -12],
    ]) {
      expectClose(softmax([a, b])[0], sigmoid(a - b), { rel: 1e-14 });
      expectClose(softmax([a, b])[1], sigmoid(b - a), { rel: 1e-14 });
    }
  });

  it('rejects an empty vector', () => {
    expect(() => softmax([])).toThrow(RangeError);
  });
});

describe('softmax cross-entropy', () => {
  const z = [0.5, -1, 2, 0.1];

  it('is −log softmax(z)_k', () => {
    for (let k = 0; k < z.length; k++)
      expectClose(softmaxCrossEntropy.value(z, k), -Math.log(softmax(z)[k]), { rel: 1e-14 });
  });

  it('∂L/∂z = softmax(z) − onehot(k), matching a central difference', () => {
    const h = 1e-6;
    for (let k = 0; k < z.length; k++) {
      const g = softmaxCrossEntropy.dz(z, k);
      for (let j = 0; j < z.length; j++) {
        const up = [...z];
        const down = [...z];
        up[j] += h;
        down[j] -= h;
        const numeric = (softmaxCrossEntropy.value(up, k) - softmaxCrossEntropy.value(down, k)) / (2 * h);
        expectClose(g[j], numeric, { abs: 1e-8, label: `k=${k} j=${j}` });
        expectClose(g[j], softmax(z)[j] - (j === k ? 1 : 0), { abs: 1e-16 });
      }
      expectClose(
        g.reduce((a, b) => a + b, 0),
        0,
        { abs: 1e-15 },
      );
    }
  });

  it('with two classes equals binary cross-entropy on the logit difference', () => {
    // −log σ(a − b) for class 0: the same as bce on z = a − b with y = 1.
    for (const [a, b] of [
      [2, -1],
      [-6, 0],
      [40, 0],
    ]) {
      expectClose(softmaxCrossEntropy.value([a, b], 0), Math.log1p(Math.exp(-(a - b))), { rel: 1e-14, abs: 1e-300 });
    }
  });

  it('rejects a class outside the vector', () => {
    expect(() => softmaxCrossEntropy.value(z, 4)).toThrow(/Invalid class 4/);
    expect(() => softmaxCrossEntropy.dz(z, 1.5)).toThrow(RangeError);
  });
});
