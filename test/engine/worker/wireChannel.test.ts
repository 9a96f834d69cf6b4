// The engine's end of the wire: requests rebuilt from frames, and every event sent — or, when it cannot go, an error with its run's id.
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, wireOfJsonText, type HostEnvelope } from '../../../contract/wire.js';
import { FrameAssembler, framesOf } from '../../../contract/wireFrames.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import { wireChannel } from '../../../engine/worker/wireChannel.js';

function channel() {
  const sent: { event: EngineEvent; key: string | undefined }[] = [];
  const requests: unknown[] = [];
  const wire = wireChannel(
    (message, key) => sent.push({ event: (decodeWire(message) as Extract<HostEnvelope, { kind: 'event' }>).event, key }),
    new FrameAssembler(1 << 20),
  );
  return { wire, sent, requests, deliver: (request: unknown) => requests.push(request) };
}

const finished = (values: Float64Array | BigInt64Array): EngineEvent =>
  ({
    type: 'train.finished',
    runId: 'run-7',
    reason: 'completed',
    message: 'done',
    history: [],
    weights: { spec: { input: 1, layers: [] }, parameters: [{ layer: 0, name: 'W', shape: [values.length], values }] },
    settings: { seed: 1, loss: 'bce', optimizer: { kind: 'sgd' }, normalisation: { kind: 'none' } },
  }) as unknown as EngineEvent;

describe("the engine's wire channel", () => {
  it('rebuilds a request sent in several frames and hands it on whole', () => {
    const { wire, requests, deliver } = channel();
    const request = { type: 'analysis.run', requestId: 'a', weights: new Float64Array(100_000).fill(0.5) };
    for (const frame of framesOf(encodeWire(request), 1, 100_000)) wire.receive(frame, deliver);
    expect(requests).toHaveLength(1);
    expect((requests[0] as typeof request).weights).toEqual(request.weights);
  });

  it('answers broken JSON with an error that names the request found at its start', () => {
    const { wire, sent, deliver } = channel();
    wire.receive(framesOf(wireOfJsonText('{"type":"spec.check","requestId":"q1",'), 1)[0]!, deliver);
    expect(sent[0]!.event).toMatchObject({ type: 'error', requestId: 'q1', message: expect.stringMatching(/^bad request: not valid JSON/) });
  });

  it("sends an error with the run's id in place of a finished run over the event limit, so the run does not stay running", () => {
    const { wire, sent } = channel();
    wire.emit(finished(new Float64Array(66 * 1024 * 1024))); // 528 MB
    expect(sent).toEqual([
      {
        event: { type: 'error', runId: 'run-7', code: 'too-large', message: "the engine's train.finished answer is 528.1 MB; the lab takes at most 200 MB" },
        key: 'run:run-7',
      },
    ]);
  });

  it("sends an error with the run's id in place of an event that cannot be encoded", () => {
    const { wire, sent } = channel();
    wire.emit(finished(new BigInt64Array(2)));
    expect(sent[0]!.event).toMatchObject({ type: 'error', runId: 'run-7', message: expect.stringMatching(/cannot travel: wire: BigInt64Array/) });
  });
});
