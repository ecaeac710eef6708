import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  activationIds,
  createNetwork,
  forward,
  gradientFlow,
  standardNormalInput,
  type GradientFlowResult,
  type Network,
} from '../../../src/lib';
import type { KernelBackend } from '../../../src/lib/kernels';
import { requestedKernelBackend, setKernelBackend } from '../../../src/lib/network/workspace';
import { releaseWorkspace, workspaceFor } from '../../../src/lib/network/workspace';

afterEach(() => {
  vi.unstubAllGlobals();
  setKernelBackend('wasm');
  releaseWorkspace();
});

function flowWith(
  backend: KernelBackend,
  net: Network,
  input: Float64Array,
  batch: number,
  readout: 'sum' | 'alternating' = 'sum',
): GradientFlowResult {
  setKernelBackend(backend);
  return gradientFlow(net, input, batch, { readout });
}

/** Every field of the two results is identical (Object.is: NaN = NaN, +0 ≠ −0). */
function expectSameResults(a: GradientFlowResult, b: GradientFlowResult, label: string): void {
  for (const key of Object.keys(a) as (keyof GradientFlowResult)[]) {
    const x = a[key];
    const y = b[key];
    if (x instanceof Float64Array && y instanceof Float64Array) {
      const differ = Array.from(x).findIndex((v, i) => !Object.is(v, y[i]));
      expect(differ, `${label} ${key}[${differ}]: ${x[differ]} vs ${y[differ]}`).toBe(-1);
    } else {
      expect(Object.is(x, y), `${label} ${key}: ${String(x)} vs ${String(y)}`).toBe(true);
    }
  }
}

function expectSameAcrossBackends(net: Network, input: Float64Array, batch: number, label: string): void {
  for (const readout of ['sum', 'alternating'] as const) {
    const wasm = flowWith('wasm', net, input, batch, readout);
    expect(workspaceFor(net.spec.depth, net.spec.width, batch).kernels.backend, label).toBe('wasm');
    const js = flowWith('js', net, input, batch, readout);
    expect(workspaceFor(net.spec.depth, net.spec.width, batch).kernels.backend, label).toBe('js');
    expectSameResults(wasm, js, `${label} ${readout}`);
  }
}

// Odd widths and batches (every kernel tail), batch > width (the direct ∂L/∂W path), the chart shape.
const SHAPES = [
  [5, 7, 3],
  [4, 9, 6],
  [3, 13, 5],
  [3, 6, 11],
  [6, 64, 16],
] as const;

describe('gradientFlow with the wasm and the JS kernels', () => {
  for (const activation of activationIds) {
    it(`${activation}: gives bit-identical results on random networks`, () => {
      let seed = 1;
      for (const [depth, width, batch] of SHAPES) {
        for (const init of ['he', 'xavier'] as const) {
          const net = createNetwork({ depth, width, activation, init, seed: seed++ });
          expectSameAcrossBackends(
            net,
            standardNormalInput(width, batch, seed++),
            batch,
            `${depth}×${width}×${batch} ${init}`,
          );
        }
      }
    });
  }

  it('propagates NaN and ±∞ from inputs and weights identically', () => {
    for (const activation of ['tanh', 'relu', 'gelu'] as const) {
      const net = createNetwork({ depth: 4, width: 10, activation, init: 'he', seed: 3 });
      const input = standardNormalInput(10, 5, 4);
      const nanInput = input.slice();
      nanInput[7] = NaN;
      expectSameAcrossBackends(net, nanInput, 5, `${activation} NaN input`);
      const infInput = input.slice();
      infInput[3] = Infinity;
      expectSameAcrossBackends(net, infInput, 5, `${activation} ∞ input`);
      const infWeight: Network = {
        spec: net.spec,
        layers: net.layers.map((l) => ({ weights: l.weights.slice(), bias: l.bias })),
      };
      infWeight.layers[2].weights[5] = -Infinity;
      expectSameAcrossBackends(infWeight, input, 5, `${activation} −∞ weight`);
    }
  });

  it('agrees at the ends of the double range, where the Gram matrices use rescaled copies', () => {
    const net = createNetwork({ depth: 5, width: 12, activation: 'linear', init: 'he', seed: 8 });
    for (const scale of [1e300, 1e-300]) {
      expectSameAcrossBackends(
        net,
        standardNormalInput(12, 4, 9).map((v) => v * scale),
        4,
        `input × ${scale}`,
      );
    }
  });

  it('forward gives the same output with either backend', () => {
    const net = createNetwork({ depth: 6, width: 11, activation: 'silu', init: 'he', seed: 5 });
    const input = standardNormalInput(11, 7, 6);
    setKernelBackend('wasm');
    const a = forward(net, input, 7);
    setKernelBackend('js');
    const b = forward(net, input, 7);
    expect(Object.is(a.loss, b.loss)).toBe(true);
    expect(Array.from(a.output).every((v, i) => Object.is(v, b.output[i]))).toBe(true);
  });
});

describe('kernel backend selection', () => {
  it('uses wasm by default in Node and rebuilds the workspace when the backend changes', () => {
    expect(requestedKernelBackend()).toBe('wasm');
    const ws = workspaceFor(3, 8, 4);
    expect(ws.kernels.backend).toBe('wasm');
    setKernelBackend('js');
    expect(workspaceFor(3, 8, 4).kernels.backend).toBe('js');
    setKernelBackend('wasm');
    expect(workspaceFor(3, 8, 4).kernels.backend).toBe('wasm');
  });

  it('rejects an unknown backend', () => {
    expect(() => setKernelBackend('gpu' as KernelBackend)).toThrow(/Invalid kernel backend gpu/);
  });

  it('falls back to the JS kernels, with the same results, where WebAssembly is missing', () => {
    const net = createNetwork({ depth: 4, width: 9, activation: 'tanh', init: 'xavier', seed: 2 });
    const input = standardNormalInput(9, 5, 3);
    const wasm = flowWith('wasm', net, input, 5);
    releaseWorkspace();
    vi.stubGlobal('WebAssembly', undefined);
    const fallback = gradientFlow(net, input, 5);
    expect(workspaceFor(4, 9, 5).kernels.backend).toBe('js');
    expectSameResults(fallback, wasm, 'no WebAssembly');
  });
});
