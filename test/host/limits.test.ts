// The size limits and how a refusal words them: sizes rounded up, and the largest request holding the largest CSV the protocol takes.
import { describe, expect, it } from 'vitest';
import { MAX_CSV_CHARS, MAX_REQUEST_BYTES, WEBSOCKET_MAX_PAYLOAD, formatSize, tooLargeMessage } from '../../engine/limits.js';
import { largestField, oversizeFrame, oversizeRequest, withinEventLimit } from '../../contract/messageLimits.js';
import { parseRequest } from '../../engine/protocol/index.js';

const MB = 1024 * 1024;

describe('the size limits', () => {
  it('word a size in MB rounded up to a tenth, so a size over a limit never reads as the limit', () => {
    expect(formatSize(64 * MB)).toBe('64 MB');
    expect(formatSize(64 * MB + 1)).toBe('64.1 MB');
    expect(formatSize(70.2 * MB)).toBe('70.2 MB');
    expect(formatSize(2000)).toBe('2 KB');
    expect(tooLargeMessage('the CSV file', 70.2 * MB, MAX_CSV_CHARS)).toBe('the CSV file is 70.2 MB; the lab takes at most 64 MB');
  });

  it('let the largest request hold a CSV as large as the protocol takes, and the WebSocket a little more', () => {
    expect(MAX_REQUEST_BYTES).toBeGreaterThan(3 * MAX_CSV_CHARS);
    expect(WEBSOCKET_MAX_PAYLOAD).toBeGreaterThan(MAX_REQUEST_BYTES);
  });

  it('refuse a CSV text over the limit in the protocol, at its field, with its size', () => {
    const parsed = parseRequest({
      type: 'spec.check',
      requestId: 'c',
      spec: { input: 1, layers: [{ type: 'sigmoid' }] },
      dataSet: { kind: 'csv', fileName: 'a.csv', text: 'x'.repeat(MAX_CSV_CHARS + MB) },
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatchObject({
      field: 'dataSet.text',
      message: 'bad request: dataSet.text: the CSV file is 65 MB; the lab takes at most 64 MB',
    });
  });

  it('name the field holding most of a message too large, and the request or run it belongs to', () => {
    const request = { type: 'landscape.run', requestId: 'l1', runId: 'r1', weights: { layers: [new Float64Array(10)] }, path: [new Float64Array(1000)] };
    expect(largestField(request)).toBe('path');
    expect(oversizeRequest(request)).toBeUndefined();
    expect(oversizeRequest(request, MAX_REQUEST_BYTES + 1)).toEqual({
      type: 'error',
      requestId: 'l1',
      code: 'too-large',
      field: 'path',
      message: 'the request is 208.1 MB; the lab takes at most 208 MB',
    });
    expect(oversizeFrame('{"type":"train.start","runId":"big","dataSet":', MAX_REQUEST_BYTES + MB)).toMatchObject({ runId: 'big', code: 'too-large' });
  });

  it('put an error naming the limit in place of an event too large, with its ids', () => {
    const event = { type: 'export.file' as const, requestId: 'e1', fileName: 'model.onnx', mime: 'application/octet-stream', bytes: new Uint8Array(4) };
    expect(withinEventLimit(event)).toBe(event);
    expect(withinEventLimit(event, 300 * MB)).toEqual({
      type: 'error',
      requestId: 'e1',
      code: 'too-large',
      message: "the engine's export.file answer is 300 MB; the lab takes at most 200 MB",
    });
  });
});
