// The loss over a 2D slice through trained weights: its centre, its shape, its directions' seed, and the projected path.
import { beforeAll, describe, expect, it } from 'vitest';
import { networkFromWeights } from '../../../engine/analysis/networkFromWeights.js';
import type { PreparedData } from '../../../engine/data/dataSets.js';
import { filterNormalisedDirection } from '../../../engine/landscape/filterNormalisedDirection.js';
import { evaluateLossLandscape, sliceCoordinates } from '../../../engine/landscape/lossLandscape.js';
import { createLoss } from '../../../engine/losses/createLoss.js';
import { flattenParameters } from '../../../engine/network/parameters.js';
import { createRandom } from '../../../engine/random.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { handleLandscape } from '../../../engine/worker/landscapeHandler.js';
import { engineContext, trainDigits } from '../analysis/trainedDigits.js';

describe('the loss landscape of a network trained on the binary digits', () => {
  let weights: TrainedWeights;
  let data: PreparedData;
  let analysed: Awaited<ReturnType<typeof trainDigits>>['analysed'];
  let path: Float64Array[];
  beforeAll(async () => {
    ({ weights, data, analysed, path } = await trainDigits('linear:16,relu,linear:1,sigmoid', 3));
  });

  const request = (extra: Record<string, unknown> = {}) => ({
    type: 'landscape.run' as const,
    requestId: 'l1',
    weights,
    data: analysed,
    resolution: 7,
    span: 1,
    directionSeed: 3,
    ...extra,
  });

  it('is the training loss at the trained weights, exactly, at its centre', async () => {
    const grid = await handleLandscape(request(), engineContext());
    if (grid.type !== 'landscape.grid') throw new Error(grid.message);
    expect(grid.alpha).toHaveLength(7);
    expect(grid.beta).toHaveLength(7);
    expect(grid.values).toHaveLength(49);
    expect([...grid.alpha]).toEqual([-1, -2 / 3, -1 / 3, 0, 1 / 3, 2 / 3, 1]);
    const network = networkFromWeights(weights);
    const outputs = network.forward(data.train.features, data.train.size);
    const trainedLoss = createLoss('bce').reported(data.train.targets, outputs, data.train.size, 1);
    expect(grid.values[3 * 7 + 3]).toBe(trainedLoss);
    // a slice through a minimum found by training: the centre is lower than the grid's corners
    for (const corner of [0, 6, 42, 48]) expect(grid.values[corner]!).toBeGreaterThan(trainedLoss);
  });

  it('projects the recorded training path so that its last point, the trained weights, lies at (0, 0)', async () => {
    expect(path).toHaveLength(4);
    const grid = await handleLandscape(request({ path }), engineContext());
    if (grid.type !== 'landscape.grid') throw new Error(grid.message);
    expect(grid.path!.alpha).toHaveLength(4);
    expect(grid.path!.alpha[3]).toBe(0);
    expect(grid.path!.beta[3]).toBe(0);
    expect(Math.hypot(grid.path!.alpha[0]!, grid.path!.beta[0]!)).toBeGreaterThan(0);
  });

  it('is the same for the same direction seed and differs for another', async () => {
    const [a, b, c] = await Promise.all([3, 3, 4].map((directionSeed) => handleLandscape(request({ directionSeed, resolution: 3 }), engineContext())));
    if (a!.type !== 'landscape.grid' || b!.type !== 'landscape.grid' || c!.type !== 'landscape.grid') throw new Error('expected grids');
    expect([...b!.values]).toEqual([...a!.values]);
    expect([...c!.values]).not.toEqual([...a!.values]);
    expect(c!.values[4]).toBe(a!.values[4]); // the centre does not depend on the directions
  });

  it('gives the same values through the first-layer shortcut as through plain forward passes', async () => {
    // a leading dropout (the identity in evaluation) turns the shortcut off without changing the function
    const plainWeights: TrainedWeights = {
      spec: { input: 64, layers: [{ type: 'dropout', rate: 0.5 }, ...weights.spec.layers] },
      parameters: weights.parameters.map((tensor) => ({ ...tensor, layer: tensor.layer + 1 })),
    };
    const shortcut = networkFromWeights(weights);
    const plain = networkFromWeights(plainWeights);
    const delta = filterNormalisedDirection(shortcut, createRandom(8));
    const eta = filterNormalisedDirection(shortcut, createRandom(9));
    const options = { samples: data.train, loss: createLoss('bce'), delta, eta, resolution: 5, span: 2 };
    const fast = (await evaluateLossLandscape({ ...options, network: shortcut }))!;
    const slow = (await evaluateLossLandscape({ ...options, network: plain }))!;
    for (let i = 0; i < fast.values.length; i++) expect(Math.abs(fast.values[i]! - slow.values[i]!)).toBeLessThan(1e-12 * slow.values[i]!);
    expect(flattenParameters(shortcut)).toEqual(flattenParameters(networkFromWeights(weights)));
  });
});

describe('sliceCoordinates', () => {
  it('spans −span..span evenly with an exact 0 in the middle', () => {
    const coordinates = sliceCoordinates(101, 0.7);
    expect(coordinates[0]).toBe(-0.7);
    expect(coordinates[50]).toBe(0);
    expect(coordinates[100]).toBe(0.7);
  });
});
