// The browser host's saveFile (plain Node, with just enough of a document): a hidden <a download> over an object URL, revoked later.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../renderer/host/downloadFile.js';

interface FakeAnchor {
  href: string;
  download: string;
  rel: string;
  hidden: boolean;
  clicked: number;
  attached: boolean;
  click(): void;
  remove(): void;
}

let anchors: FakeAnchor[];
let urls: { url: string; blob: Blob }[];
let revoked: string[];

beforeEach(() => {
  anchors = [];
  urls = [];
  revoked = [];
  vi.useFakeTimers();
  vi.stubGlobal('document', {
    createElement(tag: string) {
      expect(tag).toBe('a');
      const anchor: FakeAnchor = {
        href: '',
        download: '',
        rel: '',
        hidden: false,
        clicked: 0,
        attached: false,
        click() {
          this.clicked += 1;
          expect(this.attached).toBe(true);
        },
        remove() {
          this.attached = false;
        },
      };
      anchors.push(anchor);
      return anchor;
    },
    body: {
      append(anchor: FakeAnchor) {
        anchor.attached = true;
      },
    },
  });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${urls.length}`;
    urls.push({ url, blob: blob as Blob });
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downloadFile', () => {
  it('clicks one hidden anchor named after the file, removes it, and revokes the URL a little later', async () => {
    const result = downloadFile({ suggestedName: 'metrics.csv', mime: 'text/csv', bytes: new TextEncoder().encode('epoch\n1\n') });
    expect(result).toEqual({ state: 'saved', where: 'downloads' });
    expect(anchors).toHaveLength(1);
    expect(anchors[0]).toMatchObject({ href: 'blob:test/0', download: 'metrics.csv', hidden: true, clicked: 1, attached: false });
    expect(urls[0]!.blob.type).toBe('text/csv');
    expect(await urls[0]!.blob.text()).toBe('epoch\n1\n');
    expect(revoked).toEqual([]);
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:test/0']);
  });

  it('copies only the bytes of a view', async () => {
    downloadFile({ suggestedName: 'a.bin', mime: '', bytes: new Uint8Array([1, 2, 3, 4]).subarray(1, 3) });
    expect(urls[0]!.blob.type).toBe('application/octet-stream');
    expect([...new Uint8Array(await urls[0]!.blob.arrayBuffer())]).toEqual([2, 3]);
  });

  it('refuses what is not bytes, without touching the page', () => {
    const result = downloadFile({ suggestedName: 'a.csv', mime: 'text/csv', bytes: 'text' as unknown as Uint8Array });
    expect(result).toEqual({ state: 'failed', message: "Could not save: the file's contents were not bytes." });
    expect(anchors).toEqual([]);
  });

  it('reports a failure of the page as failed, in a sentence', () => {
    vi.mocked(URL.createObjectURL).mockImplementation(() => {
      throw new Error('out of memory');
    });
    expect(downloadFile({ suggestedName: 'model.onnx', mime: 'application/octet-stream', bytes: new Uint8Array(1) })).toEqual({
      state: 'failed',
      message: 'Could not save model.onnx: out of memory.',
    });
  });
});
