// The engine catalog store: asked of the engine once for every lab, and asked again after a failure.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../engine/protocol/catalog.js';
import { EngineCatalog } from '../../../renderer/models/engineCatalog.js';

const CATALOG: Catalog = {
  type: 'engine.catalog',
  requestId: 'ask-1',
  functions: [],
  surfaces: [],
  dataSets: [],
  toyDataSets: [],
  optimizers: ['sgd'],
  layerTypes: ['linear'],
};

function countingRequests(answers: (() => Promise<Catalog>)[]) {
  const asked: unknown[] = [];
  return {
    asked,
    ask: ((request: unknown) => {
      asked.push(request);
      return answers[asked.length - 1]!();
    }) as never,
  };
}

describe('EngineCatalog', () => {
  it('asks the engine once, however many labs load it', async () => {
    const requests = countingRequests([() => Promise.resolve(CATALOG)]);
    const catalog = new EngineCatalog(requests);
    const [first, second] = await Promise.all([catalog.load(), catalog.load()]);
    expect(await catalog.load()).toBe(first);
    expect(second).toBe(first);
    expect(requests.asked).toEqual([{ type: 'engine.describe' }]);
  });

  it('asks again after a failed answer, and keeps the answer that came', async () => {
    const requests = countingRequests([() => Promise.reject(new Error('the engine crashed')), () => Promise.resolve(CATALOG)]);
    const catalog = new EngineCatalog(requests);
    await expect(catalog.load()).rejects.toThrow('the engine crashed');
    expect(await catalog.load()).toBe(CATALOG);
    expect(await catalog.load()).toBe(CATALOG);
    expect(requests.asked).toHaveLength(2);
  });
});
