export { jsKernels } from './interface';
export type { DenseKernels, KernelBackend } from './interface';
export { gramUpper, mulAB, mulABt, transpose } from './js/dense';
export { createWasmArena } from './wasm/arena';
export type { WasmArena } from './wasm/arena';
