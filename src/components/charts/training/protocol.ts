/** Messages between the <TrainingLab> island and its worker (train.worker.ts). */
import type { History, TrainRecord } from './history';
import type { TrainState } from './spec';
import type { Boundary, RunStatic } from './view';

/** Playback speeds: steps per second (0 = as fast as the worker can, about 12 ms of training per frame). */
export const SPEEDS = [
  { id: 'slow', label: '느리게 (초당 20단계)', rate: 20 },
  { id: 'normal', label: '보통 (초당 100단계)', rate: 100 },
  { id: 'fast', label: '빠르게 (초당 400단계)', rate: 400 },
  { id: 'max', label: '최대', rate: 0 },
] as const;
export type SpeedId = (typeof SPEEDS)[number]['id'];

export type ToWorker =
  | { type: 'reset'; gen: number; settings: TrainState; pretrain: number }
  /** `until`: pause on reaching this step (a preset's length), or null to keep going. */
  | { type: 'play'; gen: number; rate: number; until: number | null }
  | { type: 'pause'; gen: number }
  | { type: 'step'; gen: number; n: number };

export type FromWorker =
  | { type: 'reset'; gen: number; statics: RunStatic; history: History; boundary: Boundary; diverged: boolean }
  | {
      type: 'frame';
      gen: number;
      records: TrainRecord[];
      boundary: Boundary | null;
      diverged: boolean;
      playing: boolean;
      reachedUntil: boolean;
    }
  | { type: 'error'; gen: number; message: string };
