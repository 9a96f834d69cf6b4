// The command line's request union (what its bundle runs in place of the protocol's index): the requests the commands send, parsed as the protocol parses them.
import { describe, expect, it } from 'vitest';
import { parseRequest as parseCliRequest } from '../../cli/cliProtocol.js';
import { parseRequest } from '../../engine/protocol/index.js';

const trainStart = {
  type: 'train.start',
  runId: 'cli',
  spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  dataSet: 'digits-binary',
  hyper: { epochs: 2, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 1 },
};

describe("the command line's request union", () => {
  it('parses the requests the commands send to the same requests as the whole protocol', () => {
    const requests = [
      trainStart,
      { type: 'train.stop', runId: 'cli' },
      { type: 'epoch.estimate', requestId: 'e', spec: trainStart.spec, dataSet: trainStart.dataSet, hyper: trainStart.hyper },
    ];
    for (const request of requests) {
      const cli = parseCliRequest(request);
      expect(cli.ok).toBe(true);
      expect(cli).toEqual(parseRequest(request));
    }
  });

  it('gives the same error event as the whole protocol for a bad request of its families', () => {
    const bad = { ...trainStart, hyper: { ...trainStart.hyper, learningRate: -1 } };
    const cli = parseCliRequest(bad);
    expect(cli.ok).toBe(false);
    expect(cli).toEqual(parseRequest(bad));
  });

  it('answers a request of a family the commands never send with an error event carrying its id', () => {
    const parsed = parseCliRequest({ type: 'engine.ping', requestId: 'ping-1' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.requestId).toBe('ping-1');
      expect(parsed.error.message).toMatch(/^bad request: /);
    }
    expect(parseRequest({ type: 'engine.ping', requestId: 'ping-1' }).ok).toBe(true);
  });
});
