import { getActivation } from '../activations/registry';
import type { ActivationId, ActivationParams } from '../activations/types';
import { normalCdf, normalPdf } from '../numeric/erf';
import { initVariance, type InitId } from '../network/init';
import { checkInteger, LIMITS } from '../network/limits';
import type { ArchitectureSpec } from '../network/network';

/**
 * The predicted per-layer change of the backward signal: going from layer l to layer l − 1,
 * Var[∂L/∂out_{l−1}] ≈ factor · Var[∂L/∂out_l], i.e.
 * ‖∂L/∂out_{l−1}‖² ≈ factor · ‖∂L/∂out_l‖² for square layers (Glorot & Bengio 2010, eq. 6–7;
 * He et al. 2015, eq. 13). factor = weightGain · derivativeGain.
 */
export interface VarianceFactor {
  readonly factor: number;
  /** n·Var[W] (fan-out = fan-in = n = width). */
  readonly weightGain: number;
  /** The E[f′(z)²] used. */
  readonly derivativeGain: number;
  /**
   * - 'linear': f′ ≡ 1, exact.
   * - 'relu': E[f′²] = (1 + a²)/2 for any zero-median symmetric z (He et al. 2015), exact
   *   at large width.
   * - 'linear-regime': f′(0)² for sigmoid and tanh (Glorot & Bengio 2010); an upper bound,
   *   since |f′| ≤ f′(0): saturation only makes the true factor smaller.
   * - 'unit-gaussian': E[f′(z)²] for z ~ N(0, 1) (ELU, GELU, SiLU, softplus); approximate,
   *   it assumes unit pre-activation variance (He-like regime).
   */
  readonly basis: 'linear' | 'relu' | 'linear-regime' | 'unit-gaussian';
  readonly approximate: boolean;
}

/** E[g(z)] for z ~ N(0, 1) by the trapezoid rule on [−12, 12], h = 1/32: g·φ is analytic and
 *  decays like e^{−z²/2}, so the rule converges geometrically (error far below 1e-15 here). */
function gaussianExpectation(g: (z: number) => number): number {
  const h = 1 / 32;
  const steps = 12 * 32;
  let s = 0;
  for (let i = -steps; i <= steps; i++) {
    const z = i * h;
    const w = i === -steps || i === steps ? 0.5 : 1;
    s += w * g(z) * normalPdf(z);
  }
  return s * h;
}

function derivativeGainUnitGaussian(id: ActivationId, params: ActivationParams): number {
  if (id === 'elu') {
    // E[f′²] = P(z > 0) + α²·E[e^{2z}; z ≤ 0] = ½ + α²·e²·Φ(−2), in closed form.
    const alpha = getActivation('elu', params).paramValues.alpha ?? 1;
    return 0.5 + alpha * alpha * Math.exp(2) * normalCdf(-2);
  }
  // 769 evaluations of f′ (well under a millisecond), so not cached: no module state.
  const df = getActivation(id).df;
  return gaussianExpectation((z) => df(z) * df(z));
}

/**
 * The variance factor per layer predicted for `activation` × `init` at this width:
 * factor = n·Var[W]·E[f′(z)²] (see `VarianceFactor.basis` for which E[f′²] is used).
 * ReLU: n·Var[W]/2 (He + ReLU = 1, Xavier + ReLU = ½); leaky ReLU: n·Var[W]·(1 + a²)/2;
 * linear: n·Var[W]; tanh: n·Var[W]; sigmoid: n·Var[W]/16.
 *
 * @throws RangeError for an unknown activation or init, a bad width or bad params.
 */
export function theoreticalVarianceFactor(
  activation: ActivationId,
  init: InitId,
  width: number,
  params: ActivationParams = {},
): VarianceFactor {
  const act = getActivation(activation, params);
  checkInteger('width', width, 1, LIMITS.maxWidth);
  const weightGain = width * initVariance(init, width, width);
  let derivativeGain: number;
  let basis: VarianceFactor['basis'];
  switch (act.family) {
    case 'linear':
      derivativeGain = 1;
      basis = 'linear';
      break;
    case 'relu': {
      const a = act.paramValues.slope ?? 0;
      derivativeGain = (1 + a * a) / 2;
      basis = 'relu';
      break;
    }
    case 'saturating': {
      const d0 = act.df(0);
      derivativeGain = d0 * d0;
      basis = 'linear-regime';
      break;
    }
    default:
      derivativeGain = derivativeGainUnitGaussian(act.id, params);
      basis = 'unit-gaussian';
  }
  return Object.freeze({
    factor: weightGain * derivativeGain,
    weightGain,
    derivativeGain,
    basis,
    approximate: basis === 'linear-regime' || basis === 'unit-gaussian',
  });
}

/**
 * Predicted ‖∂L/∂out_l‖ for l = 0 … depth − 1 (same indexing as `gradientFlow`), anchored at
 * the output where it is exactly √(width/batch) (every ∂L/∂out = 1/batch), and multiplied by
 * √factor for each layer going back toward the input.
 */
export function predictedGradientNorms(spec: ArchitectureSpec, batch: number): Float64Array {
  const { depth, width } = spec;
  checkInteger('depth', depth, 1, LIMITS.maxDepth);
  checkInteger('batch', batch, 1, LIMITS.maxBatch);
  const { factor } = theoreticalVarianceFactor(spec.activation, spec.init, width, {
    slope: spec.slope,
    alpha: spec.alpha,
  });
  const step = Math.sqrt(factor);
  const out = new Float64Array(depth);
  out[depth - 1] = Math.sqrt(width / batch);
  for (let l = depth - 2; l >= 0; l--) out[l] = out[l + 1] * step;
  return out;
}

/**
 * (max |f′|)^depth: the chain rule's bound on how much a signal can be amplified through
 * `depth` layers' activations alone (weights aside), e.g. 0.25^depth for sigmoid.
 */
export function chainRuleBound(activation: ActivationId, depth: number, params: ActivationParams = {}): number {
  const act = getActivation(activation, params);
  checkInteger('depth', depth, 0, LIMITS.maxDepth);
  return act.maxDerivative.value ** depth;
}
