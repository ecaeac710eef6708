import { createRng, randomNormal, type Rng } from '../numeric/rng';
import type { Dataset, DatasetId, DatasetSpec, LabelledPoints } from './types';
import { validateDatasetSpec } from './validate';

/**
 * Draws one noiseless point of class `label` (0 or 1) into out[0..1], inside the unit square
 * [−1, 1]². The shapes follow the classic toy sets (as in TensorFlow Playground's dataset
 * menu), rescaled to radius 1:
 * - circle: class 1 a disc of radius 0.5, class 0 a ring 0.7 ≤ r ≤ 1 (uniform angle and radius);
 * - xor: class 1 where x·y > 0, with |x|, |y| ∈ [0.05, 1] so that no point sits on an axis;
 * - spiral: two interleaved arms r = s, θ = 3.5π·s + π·label, s uniform in [0, 1);
 * - gauss: normal clusters (σ = 0.2) at ±(0.45, 0.45), redrawn until inside the square.
 */
type Shape = (rng: Rng, normal: () => number, label: number, out: Float64Array) => void;

const shapes: Readonly<Record<DatasetId, Shape>> = {
  circle(rng, _normal, label, out) {
    const r = label === 1 ? 0.5 * rng() : 0.7 + 0.3 * rng();
    const t = 2 * Math.PI * rng();
    out[0] = r * Math.cos(t);
    out[1] = r * Math.sin(t);
  },
  xor(rng, _normal, label, out) {
    const sx = rng() < 0.5 ? -1 : 1;
    const sy = label === 1 ? sx : -sx;
    out[0] = sx * (0.05 + 0.95 * rng());
    out[1] = sy * (0.05 + 0.95 * rng());
  },
  spiral(rng, _normal, label, out) {
    const s = rng();
    const t = 3.5 * Math.PI * s + Math.PI * label;
    out[0] = s * Math.cos(t);
    out[1] = s * Math.sin(t);
  },
  gauss(_rng, normal, label, out) {
    const c = label === 1 ? 0.45 : -0.45;
    do {
      out[0] = c + 0.2 * normal();
      out[1] = c + 0.2 * normal();
    } while (Math.abs(out[0]) > 1 || Math.abs(out[1]) > 1);
  },
};

function drawSet(shape: Shape, rng: Rng, normal: () => number, m: number, noise: number): LabelledPoints {
  const x = new Float64Array(2 * m);
  const y = new Float64Array(m);
  const p = new Float64Array(2);
  for (let i = 0; i < m; i++) {
    // Alternating labels make each set exactly balanced (one extra 0 when m is odd).
    const label = i % 2;
    shape(rng, normal, label, p);
    x[2 * i] = p[0] + noise * (2 * rng() - 1);
    x[2 * i + 1] = p[1] + noise * (2 * rng() - 1);
    y[i] = label;
  }
  return { x, y };
}

/**
 * A seeded 2-D binary classification set: ⌊size/2⌋ training points, then the rest as test
 * points, drawn from one `createRng(spec.seed)` stream (normals via `randomNormal` on it). Each set alternates labels 0, 1, …
 * (balanced), and every coordinate is the shape's point in [−1, 1] plus uniform jitter in
 * [−noise, noise], so all points lie in [−1 − noise, 1 + noise]². The label is the shape's,
 * so jitter near the boundary acts as label noise.
 *
 * @throws RangeError naming `dataset.kind`, `dataset.size`, `dataset.noise` or `dataset.seed`.
 */
export function makeDataset(spec: DatasetSpec): Dataset {
  const s = validateDatasetSpec(spec);
  const rng = createRng(s.seed);
  const nTrain = Math.floor(s.size / 2);
  const shape = shapes[s.kind];
  const normal = randomNormal(rng);
  const train = drawSet(shape, rng, normal, nTrain, s.noise);
  const test = drawSet(shape, rng, normal, s.size - nTrain, s.noise);
  return { train, test };
}
