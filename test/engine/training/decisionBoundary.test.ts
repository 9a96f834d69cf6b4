// The decision boundary: the plane's cells, the network's output over them, and runs that send it while they train.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../../../engine/data/dataSets.js';
import { expandFeatures } from '../../../engine/data/extraFeatures.js';
import { cellCentres, planeFrame } from '../../../engine/data/planeView.js';
import { buildNetwork } from '../../../engine/network/network.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import type { TrainBoundary } from '../../../engine/protocol/training.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { DecisionBoundary } from '../../../engine/training/decisionBoundary.js';
import { train } from '../../../engine/training/train.js';
import { createEngineService } from '../../../engine/worker/engineService.js';

const loadData = createDataLoader(readAssetText);
const circles = { kind: 'toy', name: 'circles', size: 300, noise: 0.05 } as const;
const hyper = { epochs: 20, learningRate: 0.03, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 2 } as const;

describe('the plane of two-feature data', () => {
  it('frames every point with a margin and lists the cell centres row by row from the bottom left', async () => {
    const data = await loadData(circles, hyper);
    const frame = planeFrame(data, 4);
    const xs = [...data.train.features.filter((_, i) => i % 2 === 0), ...data.test.features.filter((_, i) => i % 2 === 0)];
    expect(frame.xMin).toBeLessThan(Math.min(...xs));
    expect(frame.xMax).toBeGreaterThan(Math.max(...xs));
    const centres = cellCentres(frame);
    const dx = (frame.xMax - frame.xMin) / 4;
    const dy = (frame.yMax - frame.yMin) / 4;
    expect(centres.length).toBe(32);
    expect(centres[0]).toBeCloseTo(frame.xMin + dx / 2, 12);
    expect(centres[1]).toBeCloseTo(frame.yMin + dy / 2, 12);
    expect(centres[2]).toBeCloseTo(frame.xMin + 1.5 * dx, 12); // the next cell is to the right
    expect(centres[4 * 2 + 1]).toBeCloseTo(frame.yMin + 1.5 * dy, 12); // the next row is above
  });
});

describe('the decision boundary', () => {
  it("is the network's own output at each cell, extra features included, and leaves the network as it was", async () => {
    const data = await loadData(circles, { ...hyper, extraFeatures: ['x2', 'y2'] });
    const network = buildNetwork(parseSpecText('linear:6,tanh,linear:1,sigmoid', 4), deriveRandom(2, SEED_STREAMS.init));
    const frame = planeFrame(data, 8);
    const boundary = new DecisionBoundary(network, frame, data.extraFeatures);
    const values = boundary.compute(network);
    expect(values.length).toBe(64);
    const inputs = expandFeatures(cellCentres(frame), 64, ['x2', 'y2']);
    const direct = network.forward(inputs, 64);
    expect(Array.from(values)).toEqual(Array.from(direct));
  });

  it('does not change how a run trains: the same history with and without it', async () => {
    const run = async (withBoundary: boolean) => {
      const data = await loadData(circles, hyper);
      const network = buildNetwork(parseSpecText('linear:8,relu,dropout:0.2,linear:1,sigmoid', 2), deriveRandom(2, SEED_STREAMS.init));
      const boundary = new DecisionBoundary(network, planeFrame(data), []);
      let snapshots = 0;
      const compute = () => {
        boundary.compute(network);
        snapshots++;
      };
      // After every minibatch (batch losses handed on each time), where a snapshot would come.
      const outcome = await train({
        network,
        data,
        hyper,
        batchIntervalMilliseconds: 0,
        onBatches: withBoundary ? compute : () => {},
        ...(withBoundary ? { onSnapshot: compute } : {}),
      });
      return { history: outcome.history, snapshots };
    };
    const without = await run(false);
    const withIt = await run(true);
    expect(withIt.snapshots).toBeGreaterThan(hyper.epochs * 15); // 15 minibatches an epoch
    expect(withIt.history).toEqual(without.history);
  });

  it('is sent while a toy run trains, and changes as the network learns', async () => {
    const events: EngineEvent[] = [];
    const service = createEngineService((event) => events.push(event), { readAsset: readAssetText });
    service.receive({
      type: 'train.start',
      runId: 'b1',
      spec: parseSpecText('linear:8,tanh,linear:1,sigmoid', 4),
      dataSet: circles,
      hyper: { ...hyper, extraFeatures: ['x2', 'y2'] },
      boundary: true,
    });
    while (!events.some((event) => event.type === 'train.finished' || event.type === 'error')) await new Promise((r) => setTimeout(r, 10));
    const boundaries = events.filter((event): event is TrainBoundary => event.type === 'train.boundary');
    expect(boundaries.length).toBeGreaterThanOrEqual(2);
    const first = boundaries[0]!;
    const last = boundaries.at(-1)!;
    expect(first.batch).toBe(0);
    expect(last.epoch).toBe(hyper.epochs);
    expect(first.values.length).toBe(first.frame.rows * first.frame.columns);
    const changed = first.values.reduce((sum, value, i) => sum + Math.abs(value - last.values[i]!), 0) / first.values.length;
    expect(changed).toBeGreaterThan(0.05);
    const finished = events.find((event) => event.type === 'train.finished');
    expect(finished && finished.type === 'train.finished' && finished.history.at(-1)!.testAccuracy).toBeGreaterThan(0.9);
    service.dispose();
  });

  it('is refused for data that has not two features, saying why', async () => {
    const events: EngineEvent[] = [];
    const service = createEngineService((event) => events.push(event), { readAsset: readAssetText });
    service.receive({
      type: 'train.start',
      runId: 'b2',
      spec: parseSpecText('linear:3,softmax', 4),
      dataSet: 'iris',
      hyper: { ...hyper, epochs: 1 },
      boundary: true,
    });
    while (!events.some((event) => event.type === 'error')) await new Promise((r) => setTimeout(r, 10));
    expect(events.find((event) => event.type === 'error')).toMatchObject({
      field: 'boundary',
      message: 'the scatter and the decision boundary are drawn for data with 2 features; iris has 4',
    });
    service.dispose();
  });
});
