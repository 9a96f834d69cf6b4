// The one shape tracer: every layer's input and output shape, parameter shapes and count, and the problems, each at its layer.
import { describe, expect, it } from 'vitest';
import { linearDefinition } from '../../../engine/layers/linearDefinition.js';
import { softmaxDefinition } from '../../../engine/layers/softmaxDefinition.js';
import { describeLayers, fitted } from '../../../engine/network/describeLayers.js';
import { fittedLayers } from '../../../engine/network/fittedLayers.js';
import { NetworkSpecError } from '../../../engine/network/validateSpec.js';

describe('describeLayers', () => {
  it("traces the exercise's network: shapes, parameter shapes and counts layer by layer", () => {
    const description = describeLayers({
      input: 64,
      layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }],
    });
    expect(description.layers.map((layer) => [layer.index, layer.type, layer.inputShape, layer.outputShape, layer.parameters])).toEqual([
      [0, 'linear', [64], [32], 64 * 32 + 32],
      [1, 'relu', [32], [32], 0],
      [2, 'linear', [32], [1], 33],
      [3, 'sigmoid', [1], [1], 0],
    ]);
    expect(description.layers[0]!.parameterShapes).toEqual([
      { name: 'W', shape: [64, 32] },
      { name: 'b', shape: [32] },
    ]);
    expect(description.outputShape).toEqual([1]);
    expect(description.parameterCount).toBe(64 * 32 + 32 + 33);
    expect(description.issues).toEqual([]);
  });

  it('names each layer whose declared inputs do not fit, and traces on past it', () => {
    const description = describeLayers({
      input: 8,
      layers: [{ type: 'linear', units: 4, inputs: 9 }, { type: 'elu' }, { type: 'linear', units: 2, inputs: 5 }, { type: 'softmax' }],
    });
    expect(description.issues).toEqual([
      { field: 'spec.layers.0', message: 'layer 1 (linear) expects 9 inputs but the network input gives 8' },
      { field: 'spec.layers.2', message: 'layer 3 (linear) expects 5 inputs but layer 2 (elu) gives 4' },
    ]);
    expect(description.outputShape).toEqual([2]);
  });

  it('has layers that need a vector say so when given an image-shaped input, naming the layer', () => {
    const at = { layer: 'layer 2 (linear)', source: 'layer 1 (conv2d)' };
    expect(linearDefinition.inputIssue({ type: 'linear', units: 3 }, [3, 28, 28], at)).toBe(
      'layer 2 (linear) needs a vector, but layer 1 (conv2d) gives 3×28×28',
    );
    expect(softmaxDefinition.inputIssue({ type: 'softmax' }, [2, 5], { layer: 'layer 4 (softmax)', source: 'layer 3 (conv2d)' })).toBe(
      'layer 4 (softmax) needs a vector, but layer 3 (conv2d) gives 2×5',
    );
    expect(linearDefinition.parameterShapes({ type: 'linear', units: 3 }, [3, 28, 28])).toEqual([
      { name: 'W', shape: [3 * 28 * 28, 3] },
      { name: 'b', shape: [3] },
    ]);
  });

  it('gives an unknown shape after a pooling given a vector, with one issue, none for the layers after it, and unknown counts where they depend on it', () => {
    const description = describeLayers({
      input: 256,
      layers: [
        { type: 'maxpool2d', size: 2 },
        { type: 'conv2d', filters: 4, kernel: 3 },
        { type: 'flatten' },
        { type: 'linear', units: 10 },
        { type: 'softmax' },
      ],
    });
    expect(description.issues).toHaveLength(1);
    expect(description.issues[0]!.field).toBe('spec.layers.0');
    expect(description.issues[0]!.message).toContain('layer 1 (maxpool2d)');
    expect(description.layers.map((layer) => [layer.inputShape, layer.outputShape, layer.parameters])).toEqual([
      [[256], undefined, 0],
      [undefined, undefined, undefined],
      [undefined, undefined, 0],
      [undefined, [10], undefined],
      [[10], [10], 0],
    ]);
    expect(description.outputShape).toEqual([10]);
    expect(description.parameterCount).toBeUndefined();
    expect(fitted(description)).toBeUndefined();
  });

  it('gives an unknown shape after a convolution given a vector, where it once traced 1×1 maps', () => {
    const description = describeLayers({ input: 64, layers: [{ type: 'conv2d', filters: 8, kernel: 3 }, { type: 'relu' }, { type: 'avgpool2d', size: 2 }] });
    expect(description.issues.map((issue) => issue.field)).toEqual(['spec.layers.0']);
    expect(description.layers.map((layer) => layer.outputShape)).toEqual([undefined, undefined, undefined]);
    expect(description.outputShape).toBeUndefined();
  });

  it('keeps tracing past a linear given an image, UNITS wide, its parameters unknown unless its inputs are declared', () => {
    const description = describeLayers({
      input: 64,
      inputShape: [1, 8, 8],
      layers: [{ type: 'linear', units: 10 }, { type: 'linear', units: 3, inputs: 10 }, { type: 'softmax' }],
    });
    expect(description.issues.map((issue) => issue.message)).toEqual(['layer 1 (linear) needs a vector, but the network input gives 1×8×8']);
    expect(description.layers.map((layer) => [layer.outputShape, layer.parameters])).toEqual([
      [[10], undefined],
      [[3], 33],
      [[3], 0],
    ]);
    expect(description.parameterCount).toBeUndefined();
  });

  it('gives a misfit linear with declared inputs the parameters its declaration says, and the later layers their count', () => {
    const description = describeLayers({
      input: 8,
      layers: [
        { type: 'linear', units: 4, inputs: 9 },
        { type: 'linear', units: 2 },
      ],
    });
    expect(description.layers.map((layer) => layer.parameters)).toEqual([9 * 4 + 4, 4 * 2 + 2]);
    expect(description.parameterCount).toBe(9 * 4 + 4 + 4 * 2 + 2);
  });

  it('refuses a network that does not fit where every shape must be known', () => {
    expect(() => fittedLayers({ input: 256, layers: [{ type: 'maxpool2d', size: 2 }, { type: 'flatten' }] })).toThrow(NetworkSpecError);
    expect(fittedLayers({ input: 4, layers: [{ type: 'linear', units: 2 }] }).parameterCount).toBe(10);
  });
});
