/**
 * `npm run bench`: our gradientFlow beside TensorFlow.js (cpu and wasm backends) on the same
 * network — depth 50, width 64, batch 16, He init, for ReLU, tanh and sigmoid — plus ours at
 * the lab's widths (16 to 128), for GELU, each with the WebAssembly SIMD kernels and with the
 * JavaScript ones (the fallback where wasm SIMD is missing), whose ratio is the gain that keeps
 * the wasm variant (src/lib/README.md). Prints vitest's tables and summaries.
 */
import { test } from 'vitest';
import { createNetwork, gradientFlow, standardNormalInput, type ActivationId } from '../src/lib';
import type { KernelBackend } from '../src/lib/kernels';
import { setKernelBackend } from '../src/lib/network/workspace';
import { calibrate, gains, row, summarize } from './bench-report';
import {
  createTfNetwork,
  initBackend,
  tf,
  tfWeightGradNorms,
  wasmFeatures,
  type TfBackend,
  type TfNetwork,
} from './tf-network';

/** The smallest normal float32, 2⁻¹²⁶. */
const FLOAT32_MIN_NORMAL = 2 ** -126;

const DEPTH = 50;
const BATCH = 16;
const OPTIONS = { time: 3000, warmupTime: 500 };

for (const activation of ['relu', 'tanh', 'sigmoid'] as const)
  test(
    `gradientFlow vs TensorFlow.js (cpu, wasm): depth 50, width 64, batch 16, ${activation} + He`,
    { timeout: 600_000 },
    async ({ bench }) => {
      const width = 64;
      const network = createNetwork({ depth: DEPTH, width, activation, init: 'he', seed: 1 });
      const input = standardNormalInput(width, BATCH, 2);
      const ours = gradientFlow(network, input, BATCH);
      const calibrationBefore = calibrate();

      const tfNets: Partial<Record<TfBackend, TfNetwork>> = {};
      for (const backend of ['cpu', 'wasm'] as const) {
        const failure = await initBackend(backend);
        if (failure) {
          console.log(`tfjs-${backend}: backend could not be initialised and is not benchmarked — ${failure}`);
          continue;
        }
        const net = createTfNetwork(network, input, BATCH, backend);
        const norms = tfWeightGradNorms(net);
        // tf.norm squares each entry in float32. Once the mean square is below the smallest normal
        // float32 (the norm is below width·√2⁻¹²⁶), the squares are subnormal or 0 and the norm loses
        // its digits. Those layers (sigmoid's vanished gradients) say nothing about agreement, so
        // they are counted, not compared.
        const underflowBound = width * Math.sqrt(FLOAT32_MIN_NORMAL);
        let worst = 0;
        let underflowed = 0;
        for (let l = 0; l < DEPTH; l++) {
          if (ours.weightGradNorm[l] < underflowBound) underflowed++;
          else worst = Math.max(worst, Math.abs(norms[l] / ours.weightGradNorm[l] - 1));
        }
        const underflowNote = underflowed
          ? `; ${underflowed} layer(s) with ‖∂L/∂W_l‖ < ${underflowBound.toExponential(1)}, where float32's squares are subnormal, not compared`
          : '';
        console.log(
          `tfjs-${backend}: ready${backend === 'wasm' ? ` (${wasmFeatures()})` : ''}; max relative difference of ‖∂L/∂W_l‖ vs ours (float32 vs float64): ${worst.toExponential(2)}${underflowNote}`,
        );
        tfNets[backend] = net;
      }

      const registrations: ReturnType<typeof bench<string>>[] = [
        bench(`ours ${activation}`, { beforeEach: () => setKernelBackend('wasm') }, () =>
          gradientFlow(network, input, BATCH),
        ),
      ];
      for (const backend of ['cpu', 'wasm'] as const) {
        const net = tfNets[backend];
        if (!net) continue;
        registrations.push(
          bench(`tfjs-${backend} ${activation}`, { beforeEach: async () => void (await tf.setBackend(backend)) }, () =>
            tfWeightGradNorms(net),
          ),
        );
      }
      const results = await bench.compare(...registrations, OPTIONS);
      summarize(
        registrations.map((r) => row(r.name, results.get(r.name))),
        `ours ${activation}`,
      );
      console.log(
        `machine calibration (fixed scalar loop, median ms; lower = faster machine right now): ${calibrationBefore.toFixed(2)} before, ${calibrate().toFixed(2)} after`,
      );
      for (const net of Object.values(tfNets)) net?.dispose();
    },
  );

test(
  'gradientFlow alone at the chart sizes (depth 50, batch 16), wasm SIMD vs JS kernels',
  { timeout: 600_000 },
  async ({ bench }) => {
    // The gradient lab's widths run from 8 to 128 (depth up to 50, batch 16).
    const cases: [ActivationId, number][] = [
      ['relu', 16],
      ['relu', 64],
      ['tanh', 64],
      ['gelu', 64],
      ['sigmoid', 64],
      ['relu', 128],
      ['sigmoid', 128],
      ['gelu', 128],
    ];
    const name = (activation: ActivationId, width: number, backend: KernelBackend) =>
      `ours ${activation} width ${width}${backend === 'js' ? ' (JS kernels)' : ''}`;
    const registrations = cases.flatMap(([activation, width]) => {
      const network = createNetwork({ depth: DEPTH, width, activation, init: 'he', seed: 1 });
      const input = standardNormalInput(width, BATCH, 2);
      return (['wasm', 'js'] as const).map((backend) =>
        bench(name(activation, width, backend), { beforeEach: () => setKernelBackend(backend) }, () =>
          gradientFlow(network, input, BATCH),
        ),
      );
    });
    const results = await bench.compare(...registrations, OPTIONS);
    setKernelBackend('wasm');
    const rows = registrations.map((r) => row(r.name, results.get(r.name)));
    summarize(rows, 'ours relu width 64');
    gains(
      cases.map(([activation, width]) => ({
        size: `${activation}, depth ${DEPTH} × width ${width} × batch ${BATCH}`,
        variant: rows.find((r) => r.name === name(activation, width, 'wasm'))!,
        baseline: rows.find((r) => r.name === name(activation, width, 'js'))!,
      })),
    );
  },
);
