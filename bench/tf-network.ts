/**
 * TensorFlow.js counterpart of `gradientFlow`, for the benchmark only (src/ never imports it).
 * Same network (weights copied from ours, as float32), same loss L = (1/batch)·Σ out, and the
 * same per-layer ‖∂L/∂W_l‖_F, via tf.variableGrads.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { ActivationId, Network } from '../src/lib';

export type TfBackend = 'cpu' | 'wasm';

let wasmPathsSet = false;

/**
 * Initialises a backend and returns null, or the reason it failed (to be printed, never
 * swallowed). The wasm binaries are loaded from node_modules by file path, so no network
 * is needed.
 */
export async function initBackend(name: TfBackend): Promise<string | null> {
  try {
    if (name === 'wasm' && !wasmPathsSet) {
      const require = createRequire(import.meta.url);
      const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
      setWasmPaths(join(dist, '/'));
      wasmPathsSet = true;
    }
    const ok = await tf.setBackend(name);
    if (!ok) return `tf.setBackend('${name}') returned false`;
    await tf.ready();
    if (tf.getBackend() !== name) return `active backend is ${tf.getBackend()}, not ${name}`;
    return null;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

/** Describes the wasm build in use (SIMD, threads), for the report. */
export function wasmFeatures(): string {
  const flag = (f: string) => {
    try {
      return String(tf.env().getBool(f));
    } catch {
      return 'n/a';
    }
  };
  return `SIMD ${flag('WASM_HAS_SIMD_SUPPORT')}, threads ${flag('WASM_HAS_MULTITHREAD_SUPPORT')}`;
}

const activationOps: Partial<Record<ActivationId, (x: tf.Tensor) => tf.Tensor>> = {
  relu: (x) => tf.relu(x),
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  linear: (x) => x,
  'leaky-relu': (x) => tf.leakyRelu(x, 0.01),
  elu: (x) => tf.elu(x),
  softplus: (x) => tf.softplus(x),
};

export interface TfNetwork {
  readonly backend: TfBackend;
  readonly weights: tf.Variable[];
  readonly biases: tf.Tensor[];
  readonly input: tf.Tensor2D;
  readonly batch: number;
  readonly f: (x: tf.Tensor) => tf.Tensor;
  dispose(): void;
}

/** Copies our network and input into tensors on the current backend. */
export function createTfNetwork(network: Network, input: Float64Array, batch: number, backend: TfBackend): TfNetwork {
  const { width, activation } = network.spec;
  const f = activationOps[activation];
  if (!f) throw new RangeError(`No TensorFlow.js op for activation "${activation}" in this benchmark.`);
  const weights = network.layers.map((l, i) =>
    tf.variable(tf.tensor2d(Float32Array.from(l.weights), [width, width]), true, `${backend}_W${i}_${Date.now()}`),
  );
  const biases = network.layers.map((l) => tf.tensor1d(Float32Array.from(l.bias)));
  const x = tf.tensor2d(Float32Array.from(input), [batch, width]);
  return {
    backend,
    weights,
    biases,
    input: x,
    batch,
    f,
    dispose() {
      weights.forEach((w) => w.dispose());
      biases.forEach((b) => b.dispose());
      x.dispose();
    },
  };
}

/** Forward + backward on TF; returns ‖∂L/∂W_l‖_F per layer (read back synchronously). */
export function tfWeightGradNorms(net: TfNetwork): Float32Array {
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(() => {
      let h: tf.Tensor = net.input;
      for (let l = 0; l < net.weights.length; l++) {
        // z = h·Wᵀ + b with W row-major (out × in), as in src/lib.
        h = net.f(tf.add(tf.matMul(h, net.weights[l], false, true), net.biases[l]));
      }
      return tf.div(tf.sum(h), net.batch) as tf.Scalar;
    }, net.weights);
    const norms = net.weights.map((w) => tf.norm(grads[w.name]));
    return tf.stack(norms).dataSync() as Float32Array;
  });
}

export { tf };
