import { getActivation } from '../activations/registry';
import { normalPdf } from '../numeric/erf';
import { initVariance } from '../network/init';
import { checkInteger, LIMITS } from '../network/limits';
import type { ArchitectureSpec } from '../network/network';

/** Composite Simpson on each half-line, 12 standard deviations out, 192 panels a side. */
const PANELS = 192;
const REACH = 12;

/**
 * E[h(z)] for z ~ N(0, q). The two halves are integrated separately, each with the
 * one-sided value of h at 0, so the kinks of ReLU-like f′ at 0 cost no accuracy.
 */
export function gaussianExpectation(h: (z: number) => number, q: number): number {
  if (q === 0) return 0.5 * (h(-Number.MIN_VALUE) + h(Number.MIN_VALUE));
  const s = Math.sqrt(q);
  const du = REACH / PANELS;
  let total = 0;
  for (const side of [-1, 1]) {
    let acc = 0;
    for (let k = 0; k <= PANELS; k++) {
      const u = k * du;
      const z = k === 0 ? side * Number.MIN_VALUE : side * s * u;
      const w = k === 0 || k === PANELS ? 1 : k % 2 === 1 ? 4 : 2;
      acc += w * h(z) * normalPdf(u);
    }
    total += (acc * du) / 3;
  }
  return total;
}

/** Layer-by-layer mean-field prediction; arrays have length depth, indexed like `gradientFlow`. */
export interface MeanFieldPrediction {
  /** q_l: predicted Var[z_l] (pre-activation of layer l) over samples and units. */
  readonly preActVariance: Float64Array;
  /**
   * χ_l = n·Var[W]·E[f′(z_l)²]: the predicted ratio ‖∂L/∂out_{l−1}‖² / ‖∂L/∂out_l‖²
   * (χ_0 is the ratio for ∂L/∂input).
   */
  readonly factor: Float64Array;
  /** Predicted ‖∂L/∂out_l‖, anchored at √(width/batch) at the output. */
  readonly gradientNorms: Float64Array;
}

/**
 * The infinite-width ("mean-field") prediction of signal and gradient propagation
 * (Poole et al. 2016; Schoenholz et al. 2017), which refines the constant per-layer factor of
 * Glorot & Bengio (2010) and He et al. (2015) by tracking the pre-activation variance:
 *
 *   q_0 = n·Var[W]·E[x²],   q_{l+1} = n·Var[W]·E_{z~N(0,q_l)}[f(z)²],
 *   χ_l = n·Var[W]·E_{z~N(0,q_l)}[f′(z)²].
 *
 * Unlike the linear-regime bound it captures saturation (tanh and sigmoid drifting away from
 * f′(0)) and the variance dependence of ELU, GELU, SiLU and softplus. It assumes a zero-mean
 * backward signal, i.e. the 'alternating' readout of `gradientFlow`; with the default 'sum'
 * readout ReLU-family nets carry an extra coherent component (see `Readout`).
 *
 * @param inputSecondMoment E[x²] of the input entries (1 for `standardNormalInput`).
 */
export function meanFieldPrediction(spec: ArchitectureSpec, batch: number, inputSecondMoment = 1): MeanFieldPrediction {
  const { depth, width } = spec;
  const act = getActivation(spec.activation, { slope: spec.slope, alpha: spec.alpha });
  checkInteger('depth', depth, 1, LIMITS.maxDepth);
  checkInteger('width', width, 1, LIMITS.maxWidth);
  checkInteger('batch', batch, 1, LIMITS.maxBatch);
  if (!Number.isFinite(inputSecondMoment) || inputSecondMoment < 0) {
    throw new RangeError(`Invalid inputSecondMoment ${inputSecondMoment}: it must be a finite number ≥ 0.`);
  }
  const gain = width * initVariance(spec.init, width, width);
  const { f, df } = act;
  const preActVariance = new Float64Array(depth);
  const factor = new Float64Array(depth);
  let q = gain * inputSecondMoment;
  for (let l = 0; l < depth; l++) {
    preActVariance[l] = q;
    factor[l] = gain * gaussianExpectation((z) => df(z) * df(z), q);
    q = gain * gaussianExpectation((z) => f(z) * f(z), q);
  }
  const gradientNorms = new Float64Array(depth);
  gradientNorms[depth - 1] = Math.sqrt(width / batch);
  for (let l = depth - 1; l > 0; l--) gradientNorms[l - 1] = gradientNorms[l] * Math.sqrt(factor[l]);
  return { preActVariance, factor, gradientNorms };
}
