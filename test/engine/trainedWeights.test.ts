// Trained weights as named tensors: the protocol's schema with field paths, each layer's parameters naming their own shape and traits.
import { describe, expect, it } from 'vitest';
import { parameterLayout } from '../../engine/network/parameterLayout.js';
import { buildNetwork } from '../../engine/network/network.js';
import { parseRequest } from '../../engine/protocol/index.js';
import { createRandom } from '../../engine/random.js';
import { parseSpecText } from '../../engine/specText.js';
import { hasFiniteWeights, parameterCount, TrainedWeightsSchema } from '../../engine/trainedWeights.js';

const spec = parseSpecText('linear:3,relu,linear:1,sigmoid', 4);
const weights = () => buildNetwork(spec, createRandom(1)).trainedWeights();

describe('trained weights', () => {
  it("are each layer's own parameters by name: a Linear layer's W [inputs, units], decayed and filtered by unit, and b [units], neither", () => {
    const network = buildNetwork(spec, createRandom(1));
    expect(network.parameters.map(({ name, shape, decayed, filterAxis }) => ({ name, shape, decayed, filterAxis }))).toEqual([
      { name: 'W', shape: [4, 3], decayed: true, filterAxis: 1 },
      { name: 'b', shape: [3], decayed: false, filterAxis: undefined },
      { name: 'W', shape: [3, 1], decayed: true, filterAxis: 1 },
      { name: 'b', shape: [1], decayed: false, filterAxis: undefined },
    ]);
    expect(parameterLayout(spec)).toEqual([
      { layer: 0, name: 'W', shape: [4, 3] },
      { layer: 0, name: 'b', shape: [3] },
      { layer: 2, name: 'W', shape: [3, 1] },
      { layer: 2, name: 'b', shape: [1] },
    ]);
    expect(parameterCount(weights())).toBe(network.parameterCount);
    const diverged = weights();
    expect(hasFiniteWeights(diverged)).toBe(true);
    diverged.parameters[3]!.values[0] = Number.POSITIVE_INFINITY;
    expect(hasFiniteWeights(diverged)).toBe(false);
  });

  it('are validated in a request with the field path of the tensor at fault', () => {
    const data = { dataSet: 'iris', trainFraction: 0.5, seed: 1 };
    const bad = weights();
    bad.parameters[3]!.values = new Float64Array(0);
    const parsed = parseRequest({ type: 'analysis.run', requestId: 'a', weights: bad, data });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatchObject({
      field: 'weights.parameters.3.values',
      message: 'bad request: weights.parameters.3.values: holds 0 values but its shape 1 needs 1',
    });
    const unnamed = weights();
    unnamed.parameters[1]!.name = '';
    const refused = parseRequest({ type: 'analysis.run', requestId: 'a', weights: unnamed, data });
    expect(!refused.ok && refused.error.field).toBe('weights.parameters.1.name');
    expect(TrainedWeightsSchema.safeParse(weights()).success).toBe(true);
  });
});
