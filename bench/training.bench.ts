/**
 * `npm run bench`: the training lab's step (createTrainer) beside the same loop in
 * TensorFlow.js (cpu and wasm backends): depth 10, width 32, batch 32, ReLU + He and sigmoid +
 * Xavier, bce, Adam (η = 0.01), on 400 circle points (200 for training). One benchmark
 * iteration is 10 optimizer steps: ours is `t.step(10)`, which also computes the train and
 * test loss and accuracy once (a forward pass over all 400 points) — the TF loop does not,
 * so the comparison is tilted against ours; the `metrics only` row (`t.step(0)`) shows that
 * share. TF cycles fixed minibatches; ours reshuffles every epoch. Ours also runs with the
 * JavaScript kernels, here and at the lab's maximum size, for the wasm variant's gain.
 */
import { test } from 'vitest';
import { createTrainer, type TrainerSpec } from '../src/lib';
import { setKernelBackend } from '../src/lib/network/workspace';
import { calibrate, gains, row, summarize } from './bench-report';
import { initBackend, tf, wasmFeatures, type TfBackend } from './tf-network';
import { createTfTrainer, type TfTrainer } from './tf-trainer';

const OPTIONS = { time: 3000, warmupTime: 500 };
const STEPS = 10;

const base: TrainerSpec = {
  dataset: { kind: 'circle', size: 400, noise: 0.1, seed: 1 },
  depth: 10,
  width: 32,
  activation: 'relu',
  init: 'he',
  initScale: 1,
  residual: false,
  norm: 'none',
  loss: 'bce',
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  clip: null,
  seed: 1,
};

for (const [activation, init] of [
  ['relu', 'he'],
  ['sigmoid', 'xavier'],
] as const)
  test(
    `training step vs TensorFlow.js (cpu, wasm): depth 10, width 32, batch 32, Adam, bce, ${activation} + ${init}`,
    { timeout: 600_000 },
    async ({ bench }) => {
      setKernelBackend('wasm');
      const spec = { ...base, activation, init };
      const ours = createTrainer(spec);
      setKernelBackend('js');
      const oursJs = createTrainer(spec); // a trainer keeps the kernels it was created with
      setKernelBackend('wasm');
      const calibrationBefore = calibrate();
      const tfTrainers: Partial<Record<TfBackend, TfTrainer>> = {};
      for (const backend of ['cpu', 'wasm'] as const) {
        const failure = await initBackend(backend);
        if (failure) {
          console.log(`tfjs-${backend}: backend could not be initialised and is not benchmarked — ${failure}`);
          continue;
        }
        const t = createTfTrainer(createTrainer(spec), backend);
        // Same network: the initial full-training-set loss, float32 vs float64.
        const difference = Math.abs(t.trainLoss() / ours.lossAt(ours.parameters()) - 1);
        console.log(
          `tfjs-${backend}: ready${backend === 'wasm' ? ` (${wasmFeatures()})` : ''}; initial training loss differs from ours by ${difference.toExponential(2)} (relative)`,
        );
        tfTrainers[backend] = t;
      }
      const name = (who: string) => `${who} ${activation}: ${STEPS} steps`;
      const registrations: ReturnType<typeof bench<string>>[] = [
        bench(name('ours'), { beforeEach: () => setKernelBackend('wasm') }, () => void ours.step(STEPS)),
        bench(`ours ${activation}: metrics only`, () => void ours.step(0)),
        bench(name('ours (JS kernels)'), () => void oursJs.step(STEPS)),
      ];
      for (const backend of ['cpu', 'wasm'] as const) {
        const t = tfTrainers[backend];
        if (!t) continue;
        registrations.push(
          bench(name(`tfjs-${backend}`), { beforeEach: async () => void (await tf.setBackend(backend)) }, () => {
            for (let i = 0; i < STEPS; i++) t.step();
          }),
        );
      }
      const results = await bench.compare(...registrations, OPTIONS);
      const rows = registrations.map((r) => row(r.name, results.get(r.name)));
      summarize(rows, name('ours'));
      gains([
        {
          size: `${activation}, depth 10 × width 32 × batch 32`,
          variant: rows[0],
          baseline: rows.find((r) => r.name === name('ours (JS kernels)'))!,
        },
      ]);
      const oursMs = rows[0].medianMs / STEPS;
      console.log(`ours: ${(1000 / oursMs).toFixed(0)} steps/s with the metrics every ${STEPS} steps (median)`);
      const wasm = rows.find((r) => r.name === name('tfjs-wasm'));
      if (wasm)
        console.log(`speed-up over tfjs-wasm (median): ${(wasm.medianMs / rows[0].medianMs).toFixed(1)}× (goal ≥ 5×)`);
      console.log(
        `machine calibration (fixed scalar loop, median ms; lower = faster machine right now): ${calibrationBefore.toFixed(2)} before, ${calibrate().toFixed(2)} after`,
      );
      for (const t of Object.values(tfTrainers)) t?.dispose();
    },
  );

test(
  'training step at the lab maximum (depth 30, width 64, batch 32), wasm SIMD vs JS kernels',
  { timeout: 600_000 },
  async ({ bench }) => {
    const cases = [
      ['relu', 'he'],
      ['sigmoid', 'xavier'],
    ] as const;
    const registrations = cases.flatMap(([activation, init]) =>
      (['wasm', 'js'] as const).map((backend) => {
        setKernelBackend(backend);
        const t = createTrainer({ ...base, depth: 30, width: 64, activation, init });
        return bench(
          `ours ${activation} 30 × 64: ${STEPS} steps${backend === 'js' ? ' (JS kernels)' : ''}`,
          () => void t.step(STEPS),
        );
      }),
    );
    setKernelBackend('wasm');
    const results = await bench.compare(...registrations, OPTIONS);
    const rows = registrations.map((r) => row(r.name, results.get(r.name)));
    summarize(rows, rows[0].name);
    gains(
      cases.map(([activation], i) => ({
        size: `${activation}, depth 30 × width 64 × batch 32`,
        variant: rows[2 * i],
        baseline: rows[2 * i + 1],
      })),
    );
  },
);
