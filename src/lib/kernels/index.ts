export { jsKernels } from './interface';
export type { DenseKernels, KernelBackend } from './interface';
export { transpose } from './js/gram';
export { createWasmArena } from './wasm/arena';
export type { WasmArena } from './wasm/arena';
