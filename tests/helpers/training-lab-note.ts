/**
 * The note "학습이 멈추는 순간" (src/content/docs/notes/training-lab.mdx) as its tests see it: its
 * text, its preset links read with the lab's own URL parser (defaults from the lab's spec,
 * nothing retyped), and training runs of those presets with the lab's own code (the lab's
 * `trainerSpec`, src/lib's `createTrainer`), cached per setting and seed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  createTrainer,
  parameterLayout,
  theoreticalVarianceFactor,
  type ActivationId,
  type InitId,
  type Trainer,
} from '../../src/lib';
import {
  TRAIN_DEFAULTS,
  parseTrainState,
  runKey,
  trainerSpec,
  type TrainState,
} from '../../src/components/charts/training/spec';

export const LAB_ID = 'train';
export const SEEDS = [1, 2, 3] as const;

const source = readFileSync(
  fileURLToPath(new URL('../../src/content/docs/notes/training-lab.mdx', import.meta.url)),
  'utf8',
);
export const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');

export function expectInNote(text: string): void {
  expect(body.includes(text), `training-lab.mdx should contain ${JSON.stringify(text)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// The preset links: `[label](?train.<key>=<value>&…#<heading>)`

export interface Preset {
  label: string;
  query: string;
  hash: string;
  /** The lab's state for the link (parseTrainState: each missing key keeps the spec's default). */
  state: TrainState;
}

export const presets: Preset[] = [...body.matchAll(/\[([^\]]+)\]\((\?[^)#\s]+)#([^)\s]+)\)/g)].map(
  ([, label, query, hash]) => ({
    label,
    query,
    hash,
    state: parseTrainState(query, LAB_ID, TRAIN_DEFAULTS),
  }),
);

export function preset(label: string): Preset {
  const found = presets.filter((p) => p.label === label);
  expect(found, `exactly one preset link labelled [${label}]`).toHaveLength(1);
  return found[0];
}

// ---------------------------------------------------------------------------------------------
// Training runs

export interface Step {
  step: number;
  trainLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** ‖∂L/∂W‖ of the first and of the output layer (the heatmap's bottom and top rows). */
  first: number;
  output: number;
  diverged: boolean;
  divergedAt: number | null;
}

export interface Run {
  trainer: Trainer;
  /** Step 0 (before training), then every `stride` steps up to the link's `steps` (or the divergence). */
  trace: Step[];
  start: Step;
  end: Step;
}

function record(t: Trainer): Step {
  const s = t.snapshot();
  return {
    step: s.step,
    trainLoss: s.trainLoss,
    trainAccuracy: s.trainAccuracy,
    testAccuracy: s.testAccuracy,
    first: s.gradNorm[0],
    output: s.gradNorm[s.gradNorm.length - 1],
    diverged: s.diverged,
    divergedAt: s.divergedAt,
  };
}

/**
 * Steps between records: every step for the link's own seed (what the reader sees, and more
 * often than the lab's charts sample it); every tenth step for the other seeds, since each
 * record evaluates the whole data set and costs several training steps.
 */
const strideFor = (seed: number) => (seed === SEEDS[0] ? 1 : 10);

const runs = new Map<string, Run>();

/** Trains the preset (optionally with another seed) with the lab's code, recording as it goes. */
export function run(p: Preset, seed: number = p.state.seed): Run {
  const state = { ...p.state, seed };
  const key = `${runKey(state)}|${state.steps}`;
  const cached = runs.get(key);
  if (cached) return cached;
  const trainer = createTrainer(trainerSpec(state) as Parameters<typeof createTrainer>[0]);
  const trace = [record(trainer)];
  const stride = strideFor(seed);
  for (let done = 0; done < state.steps && !trace[trace.length - 1].diverged; done += stride) {
    trainer.step(Math.min(stride, state.steps - done));
    trace.push(record(trainer));
  }
  const result = { trainer, trace, start: trace[0], end: trace[trace.length - 1] };
  runs.set(key, result);
  return result;
}

/** Output-layer over first-layer gradient norm. */
export const gap = (s: Step) => s.output / s.first;

/** Runs the claim for every seed the note vouches for. */
export function forSeeds(p: Preset, seeds: readonly number[], check: (r: Run, seed: number) => void): void {
  for (const seed of seeds) check(run(p, seed), seed);
}

/** The layer-to-layer variance factor n·Var[W]·E[f′²] of the note's network (src/lib/theory/theory.ts). */
export const varianceFactor = (s: TrainState) =>
  theoreticalVarianceFactor(s.activation as ActivationId, s.init as InitId, s.width).factor;

/** Root-mean-square change of the first and the output layer's weights over the first n steps. */
export function stepSizes(state: TrainState, seed: number, n: number): { first: number; output: number } {
  const t = createTrainer(trainerSpec({ ...state, seed }) as Parameters<typeof createTrainer>[0]);
  const before = t.parameters();
  t.step(n);
  const after = t.parameters();
  const layout = parameterLayout(state.depth, state.width, state.norm === 'batch');
  const rms = (l: number) => {
    const from = layout.weight[l];
    const count = layout.fanIn[l] * layout.fanOut[l];
    let sum = 0;
    for (let i = from; i < from + count; i++) sum += (after[i] - before[i]) ** 2;
    return Math.sqrt(sum / count);
  };
  return { first: rms(0), output: rms(state.depth) };
}
