// A whole network: its gradient against central differences, and shape validation with messages that name the layer.
import { describe, expect, it } from 'vitest';
import { checkNetworkGradient } from '../../engine/gradcheck/checkNetworkGradient.js';
import { buildNetwork } from '../../engine/network/network.js';
import { NetworkSpecError, validateSpec, validateSpecForData } from '../../engine/network/validateSpec.js';
import { createRandom } from '../../engine/random.js';
import type { NetworkSpec } from '../../engine/spec.js';

const digitsBinary = { name: 'digits-binary', inputs: 64, outputs: 1 };
const digits = { name: 'digits', inputs: 64, outputs: 10 };

describe('a sequential network', () => {
  it('passes the gradient check for every parameter of a 4-6-ReLU-5-ReLU-2-Sigmoid network under BCE', () => {
    const spec: NetworkSpec = {
      input: 4,
      layers: [
        { type: 'linear', units: 6 },
        { type: 'relu' },
        { type: 'linear', units: 5 },
        { type: 'relu' },
        { type: 'linear', units: 2 },
        { type: 'sigmoid' },
      ],
    };
    const network = buildNetwork(spec, createRandom(5));
    const random = createRandom(6);
    const rows = 3;
    const x = Float64Array.from({ length: rows * 4 }, () => random.next() * 4 - 2);
    const targets = Float64Array.from([1, 0, 0, 1, 1, 1]);
    const checks = checkNetworkGradient(network, x, targets, rows);
    expect(checks.map((check) => check.name)).toEqual(['layer 1 dW', 'layer 1 db', 'layer 3 dW', 'layer 3 db', 'layer 5 dW', 'layer 5 db', 'dx']);
    for (const check of checks) expect(check.relativeError, check.name).toBeLessThan(1e-6);
  });

  it('counts its parameters and hands back its weights by spec index', () => {
    const spec: NetworkSpec = { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] };
    const network = buildNetwork(spec, createRandom(1));
    expect(network.parameterCount).toBe(64 * 32 + 32 + 32 + 1);
    const weights = network.trainedWeights();
    expect(weights.parameters.map((tensor) => [tensor.layer, tensor.name, tensor.shape, tensor.values.length])).toEqual([
      [0, 'W', [64, 32], 2048],
      [0, 'b', [32], 32],
      [2, 'W', [32, 1], 32],
      [2, 'b', [1], 1],
    ]);
  });

  it('initialises the same weights from the same seed', () => {
    const spec: NetworkSpec = { input: 3, layers: [{ type: 'linear', units: 2 }, { type: 'sigmoid' }] };
    expect(buildNetwork(spec, createRandom(9)).trainedWeights()).toEqual(buildNetwork(spec, createRandom(9)).trainedWeights());
    expect(buildNetwork(spec, createRandom(9)).trainedWeights()).not.toEqual(buildNetwork(spec, createRandom(10)).trainedWeights());
  });
});

describe('shape validation', () => {
  it('rejects a network whose shapes do not fit, naming both layers', () => {
    const spec: NetworkSpec = {
      input: 64,
      layers: [{ type: 'linear', units: 16 }, { type: 'relu' }, { type: 'linear', inputs: 32, units: 1 }, { type: 'sigmoid' }],
    };
    expect(validateSpec(spec)).toEqual([{ message: 'layer 3 (linear) expects 32 inputs but layer 2 (relu) gives 16', field: 'spec.layers.2' }]);
    expect(() => buildNetwork(spec, createRandom(1))).toThrow(NetworkSpecError);
    expect(() => buildNetwork(spec, createRandom(1))).toThrow('layer 3 (linear) expects 32 inputs but layer 2 (relu) gives 16');
  });

  it('names the network input when the first layer does not fit it', () => {
    const spec: NetworkSpec = { input: 64, layers: [{ type: 'linear', inputs: 10, units: 1 }, { type: 'sigmoid' }] };
    expect(validateSpec(spec)[0]).toEqual({ message: 'layer 1 (linear) expects 10 inputs but the network input gives 64', field: 'spec.layers.0' });
  });

  it("accepts the exercise's four architectures on digits-binary", () => {
    const nets: NetworkSpec['layers'][] = [
      [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }],
      [{ type: 'linear', units: 32 }, { type: 'linear', units: 1 }, { type: 'sigmoid' }],
      [{ type: 'linear', units: 1 }, { type: 'sigmoid' }],
      [
        { type: 'linear', units: 32 },
        { type: 'relu' },
        { type: 'linear', units: 16 },
        { type: 'relu' },
        { type: 'linear', units: 8 },
        { type: 'relu' },
        { type: 'linear', units: 1 },
        { type: 'sigmoid' },
      ],
    ];
    for (const layers of nets) expect(validateSpecForData({ input: 64, layers }, digitsBinary)).toEqual([]);
  });

  it('rejects an output width that does not fit the data set, saying what it needs', () => {
    const layers: NetworkSpec['layers'] = [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }];
    expect(validateSpecForData({ input: 64, layers }, digits)).toEqual([
      { message: 'digits needs 10 outputs (one per class) but the network gives 1', field: 'spec.layers.3' },
    ]);
    const ten: NetworkSpec['layers'] = [{ type: 'linear', units: 10 }, { type: 'sigmoid' }];
    expect(validateSpecForData({ input: 64, layers: ten }, digitsBinary)[0]!.message).toBe(
      'digits-binary needs 1 output (the probability of the positive class) but the network gives 10',
    );
  });

  it("rejects an input width that is not the data set's, and a last layer that cannot serve binary cross-entropy", () => {
    expect(validateSpecForData({ input: 8, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] }, digitsBinary)[0]).toEqual({
      message: 'the network takes 8 inputs but digits-binary has 64 features',
      field: 'spec.input',
    });
    expect(validateSpecForData({ input: 64, layers: [{ type: 'linear', units: 1 }] }, digitsBinary, 'bce')).toContainEqual({
      message: 'binary cross-entropy needs outputs between 0 and 1 (a sigmoid as the last layer), but the last is layer 1 (linear)',
      field: 'hyper.loss',
    });
    // Without a chosen loss a linear output trains with mean squared error.
    expect(validateSpecForData({ input: 64, layers: [{ type: 'linear', units: 1 }] }, digitsBinary)).toEqual([]);
  });
});
