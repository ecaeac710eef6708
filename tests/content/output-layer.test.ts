/**
 * Every number the note 출력층과 손실 함수 states, recomputed through src/lib (the same losses the
 * chart draws) and the chart's own data code, then found in the MDX source as the reader sees it.
 * Expected strings are derived once here from the computed values, never typed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bce, logSumExp, lossIds, mse, sigmoid, sigmoidDerivative, softmax } from '../../src/lib';
import { lossView, MSE_MAX_DZ, readingAt } from '../../src/components/charts/loss/loss-data';
import { LOSS_DEFAULTS } from '../../src/components/charts/loss/spec';
import { TRAIN_DEFAULTS, parseTrainState } from '../../src/components/charts/training/spec';
import { body as trainingLabNote } from '../helpers/training-lab-note';

const source = readFileSync(new URL('../../src/content/docs/notes/output-layer.mdx', import.meta.url), 'utf8');
const [frontmatter, body] = (() => {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
  return [m[1], m[2]];
})();

function expectInNote(text: string): void {
  expect(body.includes(text), `output-layer.mdx should contain ${JSON.stringify(text)}`).toBe(true);
}
/** 0.0024726… → "0.00247" (significant digits, as the prose rounds). */
const sig = (x: number, digits: number) => Number(x.toPrecision(digits)).toString();
/** A signed value as KaTeX source: -0.998 → "-0.998". */
const tex = (x: number, digits: number) => sig(x, digits);
/** 22027.5 → "2.2 \times 10^{4}". */
function sciTex(x: number, digits = 2): string {
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  return `${mantissa} \\times 10^{${Number(exponent)}}`;
}

describe('출력층과 손실 함수: 확신하며 틀린 출력 (y = 1, z = −6)', () => {
  // The chart's default is this very point, so the reader sees these numbers on load.
  const z = LOSS_DEFAULTS.z;
  const y = LOSS_DEFAULTS.y;
  const reading = readingAt(LOSS_DEFAULTS, z);
  const [ce, sq] = reading.values;

  it('the chart opens at the case the note computes', () => {
    expect(body).toContain(`<LossExplorer id="loss" y={${y}} domain={[${LOSS_DEFAULTS.domain.join(', ')}]} z={${z}}`);
    expect([ce.id, sq.id]).toEqual(['bce', 'mse']);
  });

  it('ŷ = σ(−6) ≈ 0.00247 and σ′(−6) ≈ 0.00247', () => {
    expect(reading.yHat).toBe(sigmoid(z));
    expectInNote(`$\\hat{y} = \\sigma(${z}) \\approx ${sig(reading.yHat, 3)}$`);
    expectInNote(`$\\sigma'(${z}) \\approx ${sig(reading.dSigmoid, 3)}$`);
  });

  it('cross-entropy: loss ≈ 6.00, ∂L/∂z = ŷ − y ≈ −0.998', () => {
    expect(ce.dz).toBe(reading.yHat - y);
    expectInNote(
      `손실은 약 ${ce.L.toFixed(2)}이고, $\\partial \\mathcal{L}/\\partial z = \\hat{y} - y \\approx ${tex(ce.dz, 3)}$`,
    );
  });

  it('MSE: loss ≈ 0.498 (max 0.5), ∂L/∂z = (ŷ − y)σ′(z) ≈ −0.00246', () => {
    expect(sq.dz).toBeCloseTo((reading.yHat - y) * reading.dSigmoid, 18);
    expect(mse.value(-1000, 1)).toBe(0.5);
    expectInNote(`손실은 약 ${sig(sq.L, 3)}로 최댓값 ${mse.value(-1000, 1)}에 가깝지만`);
    expectInNote(`$\\partial \\mathcal{L}/\\partial z \\approx ${tex(sq.dz, 3)}$`);
  });

  it('the ratio is 1/σ′(z): about 405 at z = −6, about 2.2 × 10⁴ at z = −10', () => {
    expect(reading.ratio! * reading.dSigmoid).toBeCloseTo(1, 12);
    expectInNote(`약 ${sig(reading.ratio!, 3)}배입니다`);
    const far = bce.dz(-10, 1) / mse.dz(-10, 1);
    expectInNote(`로짓이 $-10$이면 이 비가 약 $${sciTex(far)}$배로`);
  });
});

describe('출력층과 손실 함수: 평균 제곱 오차의 기울기가 가장 센 곳', () => {
  it('|∂L/∂z| peaks at ŷ = 1/3, z = −ln 2 ≈ −0.693, with 4/27 ≈ 0.148 (the chart marks it)', () => {
    const peak = lossView(LOSS_DEFAULTS).grad.peaks[0];
    expect(sigmoid(peak.x)).toBeCloseTo(1 / 3, 15);
    expect(Math.abs(peak.y)).toBeCloseTo(MSE_MAX_DZ, 15);
    // Nowhere larger: a fine grid over the chart's range.
    for (let z = -8; z <= 8; z += 1e-3) expect(Math.abs(mse.dz(z, 1))).toBeLessThanOrEqual(MSE_MAX_DZ + 1e-15);
    expectInNote(
      `$\\hat{y} = \\tfrac13$, 곧 $z = -\\ln 2 \\approx ${tex(peak.x, 3)}$에서 최댓값 $\\tfrac{4}{27} \\approx ${sig(MSE_MAX_DZ, 3)}$`,
    );
    // With y = 1 the marked gradient is negative: its value is −4/27, its size 4/27.
    expect(peak.y).toBeCloseTo(-MSE_MAX_DZ, 15);
    expectInNote('표시된 점의 값이 −4/27, 곧 크기가 4/27입니다.');
  });
});

describe('출력층과 손실 함수: 소프트맥스와 안정한 계산', () => {
  it('e^1000 overflows float64 (max ≈ 1.8 × 10^308) past a logit of about 709.78', () => {
    expect(Math.exp(1000)).toBe(Infinity);
    const limit = Math.log(Number.MAX_VALUE);
    expect(Math.exp(limit)).toBeLessThan(Infinity);
    expect(Math.exp(limit + 1e-9)).toBe(Infinity);
    expectInNote(`float64의 최댓값(약 $${sciTex(Number.MAX_VALUE)}$)`);
    expectInNote(`로짓이 약 ${limit.toFixed(2)}만 넘어도`);
  });

  it('softmax of (1000, 999): NaN as written, (0.731, 0.269) after subtracting the max', () => {
    const naive = [Math.exp(1000) / (Math.exp(1000) + Math.exp(999))];
    expect(naive[0]).toBeNaN();
    const p = softmax([1000, 999]);
    expect(Number.isFinite(logSumExp([1000, 999]))).toBe(true);
    expectInNote(`$(1000, 999)$는 이렇게 $(${p[0].toFixed(3)}, ${p[1].toFixed(3)})$로`);
  });

  it('two-class softmax is σ(z₁ − z₂)', () => {
    for (const [a, b] of [
      [1000, 999],
      [2, -3],
      [-1, 4],
    ])
      expect(softmax([a, b])[0]).toBeCloseTo(sigmoid(a - b), 15);
    expectInNote('= \\sigma(z_1 - z_2)');
  });

  it('σ(40) rounds to 1, so the textbook BCE is ∞ for y = 0, while the logit form gives about 40', () => {
    expect(sigmoid(40)).toBe(1);
    expect(-Math.log(1 - sigmoid(40))).toBe(Infinity);
    expect(bce.value(40, 0).toFixed(0)).toBe('40');
    expectInNote(
      '$z = 40$이면 $\\sigma(40)$이 float64에서 정확히 1로 반올림되어, 정답이 0인 표본의 손실이 −log(1 − 1) = ∞가',
    );
    expectInNote(`손실도 무한대가 아니라 약 ${bce.value(40, 0).toFixed(0)}으로`);
  });

  it('σ′ ≤ ¼, the factor MSE keeps', () => {
    for (let z = -10; z <= 10; z += 0.01) expect(sigmoidDerivative(z)).toBeLessThanOrEqual(0.25);
    expect(sigmoidDerivative(0)).toBe(0.25);
    expectInNote("$\\sigma'(z) \\le \\tfrac14$");
  });
});

describe('출력층과 손실 함수: 출처와 자리', () => {
  it('cites the papers it relies on, and sits between choosing-activations (5) and vanishing-gradient (6)', () => {
    for (const [citation, url] of [
      ['Bridle(1990)', '10.1007/978-3-642-76153-9_28'],
      ['Goodfellow, Bengio & Courville, 2016', 'deeplearningbook.org'],
      ['Glorot & Bengio(2010)', 'glorot10a'],
      ['Golik, Doetsch & Ney(2013)', 'Interspeech.2013-436'],
    ]) {
      expectInNote(citation);
      expect(frontmatter).toContain(url);
    }
    expect(frontmatter).toMatch(/^sidebar:\n {2}order: 5\.5$/m);
  });

  it('links the vanishing-gradient notes, and the training lab with one setting that differs only in the loss', () => {
    expectInNote('](/notes/vanishing-gradient/#시그모이드에서-기울기가-기하급수적으로-줄어드는-이유)');
    const queries = [...body.matchAll(/\]\(\/notes\/training-lab\/(\?[^)#\s]+)#/g)].map(([, query]) => query);
    const states = queries.map((query) => parseTrainState(query, 'train', TRAIN_DEFAULTS));
    expect(states.map((state) => state.loss).sort()).toEqual([...lossIds].sort());
    expect({ ...states[0], loss: states[1].loss }).toEqual(states[1]);
    // Both are presets of the training-lab note, whose tests assert what they show.
    for (const query of queries) expect(trainingLabNote).toContain(`(${query}#`);
  });

  it('keeps ŷ, σ and ℒ (which the Korean web font lacks) inside formulas, out of the prose', () => {
    const prose = body
      .replace(/\$\$[\s\S]*?\$\$/g, '')
      .replace(/\$[^$]*\$/g, '')
      .replace(/<LossExplorer[^>]*\/>/g, '');
    expect(prose).not.toMatch(/[ŷσℒ]/);
  });

  it('writes a bold term directly followed by its particle (no "** 은")', () => {
    expect(body).not.toMatch(/\*\* (은|는|이|가|을|를|의|에|로|으로|와|과|도|입니다|라고|이라고)/);
  });
});
