// data.preview through the engine's protocol: sizes and class balance by split, the digits' images, the plane of toy data, and why other data has none.
import { describe, expect, it } from 'vitest';
import type { DataPreviewed } from '../../../engine/protocol/dataPreview.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';

function preview(request: Record<string, unknown>): Promise<DataPreviewed> {
  return new Promise((resolve, reject) => {
    const engine = createInProcessEngine((event: EngineEvent) => {
      engine.dispose();
      if (event.type === 'data.previewed') resolve(event);
      else reject(new Error(JSON.stringify(event)));
    });
    engine.receive({ type: 'data.preview', requestId: 'p', trainFraction: 0.5, seed: 1, ...request } as EngineRequest);
  });
}

describe('data.preview', () => {
  it('gives the digits as the exercise splits them: sizes, each class by split, and 8×8 images with their classes', async () => {
    const answer = await preview({ dataSet: 'digits' });
    expect([answer.trainSize, answer.testSize, answer.featureNames.length]).toEqual([898, 899, 64]);
    expect(answer.trainCounts.reduce((a, b) => a + b)).toBe(898);
    expect(answer.testCounts.reduce((a, b) => a + b)).toBe(899);
    expect(answer.trainCounts.every((count) => count > 70)).toBe(true);
    expect(answer.images!.width).toBe(8);
    expect(answer.images!.pixels.length).toBe(answer.images!.labels.length * 64);
    expect(answer.plane).toBeUndefined();
    expect(answer.planeAbsent).toBe('the scatter and the decision boundary are drawn for data with 2 features; digits has 64');
  });

  it('gives a toy set its points by split and the frame the boundary is drawn in, the same with extra features', async () => {
    const dataSet = { kind: 'toy', name: 'xor', size: 100, noise: 0 };
    const answer = await preview({ dataSet });
    expect(answer.plane!.train.points.length).toBe(2 * 50);
    expect(Array.from(answer.plane!.test.labels).every((label) => label === 0 || label === 1)).toBe(true);
    const widened = await preview({ dataSet, extraFeatures: ['xy'] });
    expect(widened.featureNames).toEqual(['x', 'y', 'x·y']);
    expect(widened.plane!.frame).toEqual(answer.plane!.frame);
    expect(widened.plane!.train.points).toEqual(answer.plane!.train.points);
  });
});
