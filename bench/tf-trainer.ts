/**
 * TensorFlow.js counterpart of `createTrainer`'s training step, for the benchmark only
 * (src/ never imports it): the same dense net 2 → width (×depth) → 1 logit with our initial
 * parameters (as float32), sigmoid cross-entropy on the logit, Adam (0.9, 0.999, 1e-8).
 */
import { tf, type TfBackend } from './tf-network';
import { parameterLayout, type Trainer } from '../src/lib';

const ops = {
  relu: (x: tf.Tensor) => tf.relu(x),
  sigmoid: (x: tf.Tensor) => tf.sigmoid(x),
  tanh: (x: tf.Tensor) => tf.tanh(x),
};

export interface TfTrainer {
  readonly backend: TfBackend;
  /** One Adam step on the next of the fixed minibatches (cycled). */
  step(): void;
  /** Mean cross-entropy over the whole training set (read back synchronously). */
  trainLoss(): number;
  dispose(): void;
}

/**
 * Copies the trainer's initial parameters (plain layers only: no batch norm, no residual) into
 * variables on the current backend. The training set is cut once into consecutive minibatches
 * of `batch` points, which the loop cycles: no reshuffling, a little less work than ours.
 */
export function createTfTrainer(trainer: Trainer, backend: TfBackend): TfTrainer {
  const { depth, width, activation, batchSize: batch, learningRate } = trainer.spec;
  const f = ops[activation as keyof typeof ops];
  if (!f || trainer.spec.norm !== 'none' || trainer.spec.residual)
    throw new RangeError('tf-trainer: plain relu/sigmoid/tanh nets only');
  const layout = parameterLayout(depth, width, false);
  const p = trainer.parameters();
  const tag = `${backend}_${Date.now()}`;
  const vars: tf.Variable[] = [];
  const W: tf.Variable[] = [];
  const b: tf.Variable[] = [];
  for (let l = 0; l <= depth; l++) {
    const [nIn, nOut] = [layout.fanIn[l], layout.fanOut[l]];
    const w = Float32Array.from(p.subarray(layout.weight[l], layout.weight[l] + nIn * nOut));
    W.push(tf.variable(tf.tensor2d(w, [nOut, nIn]), true, `W${l}_${tag}`));
    b.push(
      tf.variable(
        tf.tensor1d(Float32Array.from(p.subarray(layout.bias[l], layout.bias[l] + nOut))),
        true,
        `b${l}_${tag}`,
      ),
    );
    vars.push(W[l], b[l]);
  }
  const { x, y } = trainer.dataset.train;
  const m = y.length;
  const xs: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  for (let from = 0; from + batch <= m; from += batch) {
    xs.push(tf.tensor2d(Float32Array.from(x.subarray(2 * from, 2 * (from + batch))), [batch, 2]));
    ys.push(tf.tensor2d(Float32Array.from(y.subarray(from, from + batch)), [batch, 1]));
  }
  const allX = tf.tensor2d(Float32Array.from(x), [m, 2]);
  const allY = tf.tensor2d(Float32Array.from(y), [m, 1]);
  const optimizer = tf.train.adam(learningRate, 0.9, 0.999, 1e-8);
  const logits = (input: tf.Tensor2D): tf.Tensor => {
    let h: tf.Tensor = input;
    for (let l = 0; l < depth; l++) h = f(tf.add(tf.matMul(h, W[l], false, true), b[l]));
    return tf.add(tf.matMul(h, W[depth], false, true), b[depth]);
  };
  let next = 0;
  return {
    backend,
    step() {
      const i = next;
      next = (next + 1) % xs.length;
      tf.tidy(() => {
        optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(ys[i], logits(xs[i])) as tf.Scalar, false, vars);
      });
    },
    trainLoss() {
      return tf.tidy(() => tf.losses.sigmoidCrossEntropy(allY, logits(allX)).dataSync()[0]);
    },
    dispose() {
      vars.forEach((v) => v.dispose());
      [...xs, ...ys, allX, allY].forEach((t) => t.dispose());
      optimizer.dispose();
    },
  };
}
