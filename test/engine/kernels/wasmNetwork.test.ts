// A network on the WebAssembly kernels: its buffers live in their memory, its gradients check in float64, and it trains as on the TypeScript kernels.
import { describe, expect, it } from 'vitest';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { createWasmKernels } from '../../../engine/kernels/wasm/wasmKernels.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { runGradcheck } from '../../../engine/gradcheck/runGradcheck.js';
import { parseSpecText } from '../../../engine/specText.js';
import { compiledWasmKernelBinaries } from '../support/wasmKernelBinaries.js';

const binaries = await compiledWasmKernelBinaries();
const spec = parseSpecText('linear:32,relu,linear:16,tanh,linear:8,sigmoid,linear:10,softmax', 20);

describe.each(['simd', 'relaxed'] as const)('a network on the WebAssembly %s kernels', (variant) => {
  const kernels = createWasmKernels(binaries, variant);

  it("keeps every parameter, gradient and layer buffer in the kernels' memory, so no product copies its operands", () => {
    const network = buildNetwork(spec, createRandom(3), kernels);
    for (const parameter of network.parameters) expect(kernels.owns(parameter.value) && kernels.owns(parameter.gradient)).toBe(true);
    const input = kernels.allocate(6 * 20).fill(0.5);
    let x = input;
    const outputs = network.layers.map((layer) => (x = layer.forward(x, 6)));
    for (const output of outputs) expect(kernels.owns(output)).toBe(true);
    let gradient = kernels.allocate(6 * 10).fill(0.1);
    for (let index = network.layers.length - 1; index >= 0; index--) {
      gradient = network.layers[index]!.backward(index === 0 ? input : outputs[index - 1]!, gradient, 6);
      expect(kernels.owns(gradient)).toBe(true);
    }
  });

  it('passes the gradient check of the whole network in float64', () => {
    const result = runGradcheck({ subject: { kind: 'network', spec, loss: 'cce', rows: 4 }, seed: 5 }, kernels);
    expect(result.checks.length).toBeGreaterThan(0);
    for (const check of result.checks) expect(check.ok).toBe(true);
  });

  it('computes the same forward pass as the plain TypeScript kernels within 1e-12', () => {
    const onWasm = buildNetwork(spec, createRandom(9), kernels);
    const onPlain = buildNetwork(spec, createRandom(9), plainKernels);
    const random = createRandom(4);
    const x = Float64Array.from({ length: 7 * 20 }, () => random.next() * 2 - 1);
    const expected = onPlain.forward(x, 7);
    const actual = onWasm.forward(x, 7);
    for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i]!)));
  });
});
