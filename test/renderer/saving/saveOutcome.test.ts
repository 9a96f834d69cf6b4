// Saving through the host (plain Node, a fake host): every answer said in words, a throwing host and a huge file included.
import { describe, expect, it } from 'vitest';
import type { LabHost } from '../../../contract/labHost.js';
import type { SaveFileRequest, SaveFileResult } from '../../../contract/saveFile.js';
import { MAX_SAVE_BYTES } from '../../../engine/limits.js';
import { buildFailure, describeSave, saveThroughHost } from '../../../renderer/saving/saveOutcome.js';

function fakeHost(answer: (file: SaveFileRequest) => Promise<SaveFileResult>): LabHost & { saved: SaveFileRequest[] } {
  const saved: SaveFileRequest[] = [];
  return {
    kind: 'browser',
    saved,
    send: () => undefined,
    onEvent: () => () => undefined,
    onStatus: () => () => undefined,
    saveFile: (file) => {
      saved.push(file);
      return answer(file);
    },
  };
}

describe('describeSave', () => {
  it('says where a file went, that nothing was saved, or why saving failed', () => {
    expect(describeSave('a.csv', { state: 'saved', where: 'downloads' })).toEqual({ tone: 'ok', text: 'Saved a.csv to your downloads.' });
    expect(describeSave('a.csv', { state: 'saved', where: '/home/ada/a.csv' })).toEqual({ tone: 'ok', text: 'Saved to /home/ada/a.csv.' });
    expect(describeSave('a.csv', { state: 'cancelled' })).toEqual({ tone: 'info', text: 'Not saved: the save dialog was closed.' });
    expect(describeSave('a.csv', { state: 'failed', message: 'the disk is full' })).toEqual({ tone: 'error', text: 'Saving failed: the disk is full' });
  });
});

describe('saveThroughHost', () => {
  it('hands the host the suggested name, media type and bytes', async () => {
    const host = fakeHost(async () => ({ state: 'saved', where: 'downloads' }));
    const outcome = await saveThroughHost(host, 'run-1-iris-metrics.csv', 'text/csv', Uint8Array.of(1, 2));
    expect(host.saved).toEqual([{ suggestedName: 'run-1-iris-metrics.csv', mime: 'text/csv', bytes: Uint8Array.of(1, 2) }]);
    expect(outcome.tone).toBe('ok');
  });

  it('turns a host that throws into a failure in words', async () => {
    const host = fakeHost(async () => {
      throw new Error('the window closed');
    });
    expect(await saveThroughHost(host, 'x.json', 'application/json', new Uint8Array(1))).toEqual({ tone: 'error', text: 'Saving failed: the window closed' });
  });

  it('refuses a file larger than a host accepts without asking the host', async () => {
    const host = fakeHost(async () => ({ state: 'saved', where: 'downloads' }));
    const huge = { byteLength: MAX_SAVE_BYTES + 1 } as Uint8Array;
    const outcome = await saveThroughHost(host, 'big.json', 'application/json', huge);
    expect(outcome.tone).toBe('error');
    expect(outcome.text).toBe('Saving failed: big.json would be larger than the 256 MB a saved file may have.');
    expect(host.saved).toEqual([]);
  });
});

describe('buildFailure', () => {
  it('names the file that could not be made and why', () => {
    expect(buildFailure('run-1-iris-model.onnx', new Error('model.onnx needs trained weights'))).toEqual({
      tone: 'error',
      text: 'Could not make run-1-iris-model.onnx: model.onnx needs trained weights',
    });
  });
});
