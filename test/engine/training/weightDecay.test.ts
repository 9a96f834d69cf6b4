// Weight decay follows each parameter's own `decayed` trait: a Linear layer's W is decayed and its b is not, whatever layer defines them.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader } from '../../../engine/data/dataSets.js';
import type { Kernels } from '../../../engine/kernels/kernels.js';
import type { Parameter } from '../../../engine/layers/layer.js';
import { Linear } from '../../../engine/layers/linear.js';
import { shapeSize } from '../../../engine/layers/shape.js';
import { buildLayer, buildNetwork, type LayerFactory } from '../../../engine/network/network.js';
import { createRandom, type Random } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { train } from '../../../engine/training/train.js';

/** A Linear layer whose bias says it is decayed too: only the trait differs. */
class DecayedBiasLinear extends Linear {
  override readonly parameters: readonly Parameter[];

  constructor(inputs: number, outputs: number, kernels: Kernels, random: Random) {
    super(inputs, outputs, kernels, random);
    this.parameters = [
      { name: 'W', shape: [inputs, outputs], value: this.W, gradient: this.dW, decayed: true, filterAxis: 1 },
      { name: 'b', shape: [outputs], value: this.b, gradient: this.db, decayed: true },
    ];
  }
}

const decayedBiases: LayerFactory = (spec, inputs, kernels, random, dropoutRandom) =>
  spec.type === 'linear' ? new DecayedBiasLinear(shapeSize(inputs), spec.units, kernels, random) : buildLayer(spec, inputs, kernels, random, dropoutRandom);

/** The parameters after one full-batch step from the same start, with weight decay λ. */
async function oneStep(weightDecay: number, factory?: LayerFactory): Promise<Float64Array[]> {
  const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: 1, learningRate: 0.01, weightDecay };
  const data = await createDataLoader(readAssetText)({ kind: 'toy', name: 'xor', size: 40, noise: 0.1 }, hyper);
  const network = buildNetwork(parseSpecText('linear:4,tanh,linear:1,sigmoid', 2), createRandom(3), undefined, factory);
  network.parameters.forEach((parameter) => {
    if (parameter.name === 'b') parameter.value.fill(0.5);
  });
  await train({ network, data, hyper: { ...hyper, batchSize: data.train.size } });
  return network.parameters.map((parameter) => parameter.value.slice());
}

describe('weight decay', () => {
  it('adds λ·value to the gradient of the parameters marked decayed, and only to those', async () => {
    const [plain, decayed, allDecayed] = await Promise.all([oneStep(0), oneStep(0.5), oneStep(0.5, decayedBiases)]);
    const differs = (a: Float64Array[], b: Float64Array[]) => a.map((values, i) => values.some((value, k) => value !== b[i]![k]));
    expect(differs(plain, decayed)).toEqual([true, false, true, false]);
    expect(differs(plain, allDecayed)).toEqual([true, true, true, true]);
    // one step of size η: the decayed b is 0.5 − η·(db + λ·0.5), the plain one 0.5 − η·db
    plain[1]!.forEach((value, k) => expect(value - allDecayed[1]![k]!).toBeCloseTo(0.01 * 0.5 * 0.5, 15));
  });
});
