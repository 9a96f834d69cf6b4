// The linear collapse: consecutive Linear layers with no nonlinearity between them are one Linear layer.
import { describe, expect, it } from 'vitest';
import { collapseLinearRuns } from '../../../engine/analysis/linearCollapse.js';
import { networkFromWeights } from '../../../engine/analysis/networkFromWeights.js';
import { predictSamples } from '../../../engine/analysis/predictions.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { linearTensors } from '../support/linearTensors.js';
import { trainDigits } from './trainedDigits.js';

function maxDifference(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((max, value, i) => Math.max(max, Math.abs(value - b[i]!)), 0);
}

describe('collapseLinearRuns', () => {
  it("finds each run of linear layers, treating dropout as no nonlinearity, and its single layer gives the run's output", () => {
    const spec = parseSpecText('linear:4,dropout:0.3,linear:3,relu,linear:3,linear:2,linear:2,sigmoid,linear:1', 5);
    const network = buildNetwork(spec, createRandom(4));
    network.setTraining(false);
    const runs = collapseLinearRuns(network.trainedWeights());
    expect(runs.map(({ from, to, inputs, units }) => ({ from, to, inputs, units }))).toEqual([
      { from: 0, to: 2, inputs: 5, units: 3 },
      { from: 4, to: 6, inputs: 3, units: 2 },
    ]);
    const random = createRandom(9);
    const rows = 6;
    for (const run of runs) {
      const x = Float64Array.from({ length: rows * run.inputs }, () => random.next() * 2 - 1);
      let throughRun: Float64Array = x;
      for (let i = run.from; i <= run.to; i++) throughRun = network.layers[i]!.forward(throughRun, rows);
      const collapsed = new Float64Array(rows * run.units);
      plainKernels.matmul(x, run.W, collapsed, rows, run.inputs, run.units);
      plainKernels.addRowVector(collapsed, run.b, rows, run.units);
      expect(maxDifference(collapsed, throughRun)).toBeLessThan(1e-12);
    }
  });

  it('finds nothing to collapse when every linear layer is followed by a nonlinearity', () => {
    const network = buildNetwork(parseSpecText('linear:4,relu,linear:1,sigmoid', 3), createRandom(1));
    expect(collapseLinearRuns(network.trainedWeights())).toEqual([]);
  });

  it('shows that a trained 64-32-1 network without a ReLU is a 64-1 model with the same predictions', async () => {
    const { weights, data } = await trainDigits('linear:32,linear:1,sigmoid', 2);
    const [run] = collapseLinearRuns(weights);
    expect(run).toMatchObject({ from: 0, to: 1, inputs: 64, units: 1 });
    const collapsed = networkFromWeights({
      spec: parseSpecText('linear:1,sigmoid', 64),
      parameters: linearTensors(0, 64, 1, run!.W, run!.b),
    });
    const original = predictSamples(networkFromWeights(weights), data.test);
    const reduced = predictSamples(collapsed, data.test);
    expect([...reduced.predicted]).toEqual([...original.predicted]);
    expect(maxDifference(reduced.confidence, original.confidence)).toBeLessThan(1e-12);
  });
});
