import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erf, erfc, normalCdf, normalPdf } from '../../../src/lib';
import { expectClose } from '../../helpers/expect-close';

// Reference values from mpmath at 50 digits, evaluated at the exact binary value of each x.
const ERF_REFERENCE: [number, number, number][] = [
  [0, 0.0, 1.0],
  [1e-300, 1.1283791670955126e-300, 1.0],
  [1e-10, 1.1283791670955126e-10, 0.99999999988716208],
  [0.1, 0.1124629160182849, 0.8875370839817151],
  [0.25, 0.27632639016823693, 0.72367360983176307],
  [0.4999, 0.52041199516138659, 0.47958800483861341],
  [0.5, 0.52049987781304654, 0.47950012218695346],
  [0.75, 0.71115563365351513, 0.28884436634648487],
  [1, 0.84270079294971487, 0.15729920705028513],
  [1.5, 0.96610514647531073, 0.033894853524689273],
  [2, 0.99532226501895273, 0.0046777349810472658],
  [2.5, 0.99959304798255504, 0.00040695201744495894],
  [3, 0.99997790950300141, 2.2090496998585441e-5],
  [3.75, 0.99999988627274343, 1.1372725656979665e-7],
  [4.5, 0.99999999980338396, 1.9661604415428875e-10],
  [5.5, 0.99999999999999264, 7.3578479179743981e-15],
  [5.99, 0.99999999999999998, 2.4300455127321346e-17],
  [6, 0.99999999999999998, 2.1519736712498913e-17],
  [7, 1.0, 4.1838256077794144e-23],
  [10, 1.0, 2.0884875837625448e-45],
  [15, 1.0, 7.2129941724512067e-100],
  [20, 1.0, 5.3958656116079009e-176],
  [26, 1.0, 5.6631924088561428e-296],
  [27, 1.0, 5.2370489237892557e-319],
];
const NEGATIVE_ERFC: [number, number][] = [
  [-0.3, 1.3286267594591274],
  [-1, 1.8427007929497149],
  [-3, 1.9999779095030014],
  [-6, 2.0],
];
const CDF_REFERENCE: [number, number, number][] = [
  [-38, 2.8854283600687843e-316, 1.097221052007593e-314],
  [-30, 4.9067139271481871e-198, 1.4736461348785475e-196],
  [-20, 2.7536241186062337e-89, 5.5209483621597632e-88],
  [-10, 7.6198530241605261e-24, 7.6945986267064193e-23],
  [-5, 2.8665157187919391e-7, 1.4867195147342977e-6],
  [-2, 0.022750131948179207, 0.053990966513188052],
  [-1, 0.15865525393145705, 0.24197072451914335],
  [-0.1, 0.46017216272297102, 0.39695254747701177],
  [0, 0.5, 0.39894228040143268],
  [0.1, 0.53982783727702898, 0.39695254747701177],
  [1, 0.84134474606854295, 0.24197072451914335],
  [2, 0.97724986805182079, 0.053990966513188052],
  [5, 0.99999971334842812, 1.4867195147342977e-6],
  [10, 1.0, 7.6945986267064193e-23],
];

/** Tolerance for values that may be subnormal (fewer than 53 significant bits). */
const SUBNORMAL_ABS = 1e-320;

describe('erf and erfc', () => {
  it('match 50-digit reference values to within 1e-15 relative, including the far right tail', () => {
    for (const [x, e, ec] of ERF_REFERENCE) {
      expectClose(erf(x), e, { rel: 1e-15, label: `erf(${x})` });
      expectClose(erfc(x), ec, { rel: 1e-15, abs: SUBNORMAL_ABS, label: `erfc(${x})` });
    }
  });

  it('give erfc of negative arguments as 2 − erfc(−x)', () => {
    for (const [x, ec] of NEGATIVE_ERFC) expectClose(erfc(x), ec, { rel: 1e-15, label: `erfc(${x})` });
  });

  it('is odd, with erf(±0) = ±0', () => {
    expect(Object.is(erf(0), 0)).toBe(true);
    expect(Object.is(erf(-0), -0)).toBe(true);
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        expect(erf(-x)).toBe(-erf(x));
      }),
    );
  });

  it('keeps erf + erfc = 1 to rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expectClose(erf(x) + erfc(x), 1, { abs: 4e-16 });
      }),
    );
  });

  it('is monotone increasing (erf) and decreasing (erfc)', () => {
    let prevErf = -1;
    let prevErfc = 2;
    for (let x = -7; x <= 27.5; x += 1 / 128) {
      const e = erf(x);
      const c = erfc(x);
      expect(e).toBeGreaterThanOrEqual(prevErf);
      expect(c).toBeLessThanOrEqual(prevErfc);
      prevErf = e;
      prevErfc = c;
    }
  }, 30_000);

  it('saturates exactly at the ends and passes NaN through', () => {
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(1000)).toBe(1);
    expect(erf(-1000)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(1000)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(-1000)).toBe(2);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });
});

describe('normalCdf and normalPdf', () => {
  it('match 50-digit reference values deep into the left tail', () => {
    for (const [x, cdf, pdf] of CDF_REFERENCE) {
      expectClose(normalCdf(x), cdf, { rel: 2e-15, abs: SUBNORMAL_ABS, label: `Φ(${x})` });
      expectClose(normalPdf(x), pdf, { rel: 2e-15, abs: SUBNORMAL_ABS, label: `φ(${x})` });
    }
  });

  it('satisfies Φ(x) + Φ(−x) = 1 and φ(x) = φ(−x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        expectClose(normalCdf(x) + normalCdf(-x), 1, { abs: 4e-16 });
        expect(normalPdf(-x)).toBe(normalPdf(x));
      }),
    );
  });

  it('underflows to 0 (not NaN) far in the tails and passes NaN through', () => {
    expect(normalCdf(-1000)).toBe(0);
    expect(normalCdf(1000)).toBe(1);
    expect(normalPdf(1000)).toBe(0);
    expect(normalPdf(-1000)).toBe(0);
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalPdf(NaN)).toBeNaN();
  });
});
