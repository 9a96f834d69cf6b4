// Image files a page picked and sent, read by the engine from their bytes: the same images as from their folder, kept by their digest, and damaged ones named.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDX_FILES } from '../../../engine/data/dataSetNames.js';
import { ImageDataSourceSchema, savedDataSource, type PickedImages } from '../../../engine/data/dataSource.js';
import type { DataPreviewed } from '../../../engine/protocol/dataPreview.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import type { EngineService } from '../../../engine/worker/engineService.js';

/** An IDX file of unsigned bytes with the given dimensions and values. */
function idx(dimensions: number[], values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dimensions.length + values.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0, 0, 0x08, dimensions.length]);
  dimensions.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  bytes.set(values, 4 + 4 * dimensions.length);
  return bytes;
}

const pixels = (count: number, seed: number) => Array.from({ length: count * 16 }, (_, i) => (i * 37 + seed * 11) % 256);
const labels = (count: number) => Array.from({ length: count }, (_, i) => (i * 3) % 10);
/** Twelve training and six test images of 4×4, the training files gzip-compressed. */
const FILES = {
  [`${IDX_FILES.trainImages}.gz`]: gzipSync(idx([12, 4, 4], pixels(12, 1))),
  [`${IDX_FILES.trainLabels}.gz`]: gzipSync(idx([12], labels(12))),
  [IDX_FILES.testImages]: idx([6, 4, 4], pixels(6, 2)),
  [IDX_FILES.testLabels]: idx([6], labels(6)),
};
const picked = (files: Record<string, Uint8Array>, digest = 'a'.repeat(64)): PickedImages => ({
  name: 'small',
  digest,
  files: Object.entries(files).map(([name, bytes]) => ({ name, bytes })),
});

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'backprop-lab-picked-'));
  for (const [name, bytes] of Object.entries(FILES)) await writeFile(join(root, name), bytes);
});
afterAll(() => rm(root, { recursive: true, force: true }));

function engine() {
  const waiting = new Map<string, (event: EngineEvent) => void>();
  const service: EngineService = createInProcessEngine((event) => {
    const id = 'requestId' in event ? event.requestId : undefined;
    if (id !== undefined) waiting.get(id)?.(event);
  });
  let next = 0;
  const preview = (dataSet: unknown) =>
    new Promise<EngineEvent>((resolve) => {
      const requestId = `p${next++}`;
      waiting.set(requestId, resolve);
      service.receive({ type: 'data.preview', requestId, dataSet, trainFraction: 0.5, seed: 3 } as EngineRequest);
    });
  return { preview, dispose: () => service.dispose() };
}

describe('picked image files', () => {
  it('give the engine the same images, labels and sizes as the folder they came from', async () => {
    const { preview, dispose } = engine();
    const fromFolder = (await preview({ kind: 'images', folder: root, trainSize: 10 })) as DataPreviewed;
    const fromBytes = (await preview({ kind: 'images', picked: picked(FILES), trainSize: 10 })) as DataPreviewed;
    dispose();
    expect(fromFolder.type).toBe('data.previewed');
    expect(fromBytes.type).toBe('data.previewed');
    expect([fromBytes.trainSize, fromBytes.testSize]).toEqual([10, 6]);
    expect(fromBytes.trainCounts).toEqual(fromFolder.trainCounts);
    expect(Array.from(fromBytes.images!.pixels)).toEqual(Array.from(fromFolder.images!.pixels));
    expect(Array.from(fromBytes.images!.labels)).toEqual(Array.from(fromFolder.images!.labels));
    expect(fromBytes.name).toBe('small');
  });

  it('are named by their digest once sent, and a digest the engine does not keep is refused with code unknown-files', async () => {
    const { preview, dispose } = engine();
    const unknown = await preview({ kind: 'images', picked: { name: 'small', digest: 'b'.repeat(64) } });
    expect(unknown).toMatchObject({
      type: 'error',
      code: 'unknown-files',
      field: 'dataSet.picked',
      message: 'the engine no longer has the image files of small (it restarted or let them go); open them again',
    });
    expect((await preview({ kind: 'images', picked: picked(FILES, 'b'.repeat(64)) })).type).toBe('data.previewed');
    const named = (await preview({ kind: 'images', picked: { name: 'small', digest: 'b'.repeat(64) }, testSize: 3 })) as DataPreviewed;
    dispose();
    expect(named.type).toBe('data.previewed');
    expect([named.trainSize, named.testSize]).toEqual([12, 3]);
  });

  it.each([
    [
      'a truncated label file',
      { ...FILES, [IDX_FILES.testLabels]: FILES[IDX_FILES.testLabels]!.subarray(0, 11) },
      `small/${IDX_FILES.testLabels}: is truncated: its dimensions 6 need 6 values but it holds 3`,
    ],
    [
      'image and label counts that differ',
      { ...FILES, [IDX_FILES.testLabels]: idx([5], labels(5)) },
      `small/${IDX_FILES.testLabels}: holds 5 labels but small/${IDX_FILES.testImages} holds 6 images`,
    ],
    ['a file missing', { ...FILES, [IDX_FILES.testImages]: undefined }, `small/${IDX_FILES.testImages}: no such file (nor ${IDX_FILES.testImages}.gz)`],
    [
      'a wrong magic number',
      { ...FILES, [IDX_FILES.testImages]: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]) },
      `small/${IDX_FILES.testImages}: not an IDX file (its magic number is 0x504b0304`,
    ],
  ])('are refused in one line naming the folder and file for %s', async (_what, files, message) => {
    const { preview, dispose } = engine();
    const present = Object.fromEntries(Object.entries(files).filter((entry): entry is [string, Uint8Array] => entry[1] !== undefined));
    const answer = await preview({ kind: 'images', picked: picked(present, 'c'.repeat(64)) });
    dispose();
    expect(answer.type).toBe('error');
    expect(answer.type === 'error' && answer.message).toContain(message);
    expect(answer.type === 'error' && answer.message).not.toContain('\n');
  });

  it('are refused by the schema beyond the size the lab takes, and a project keeps only their name and digest', () => {
    const big = { name: 'big', digest: 'd'.repeat(64), files: [{ name: IDX_FILES.trainImages, bytes: new Uint8Array(161 * 1024 * 1024) }] };
    const parsed = ImageDataSourceSchema.safeParse({ kind: 'images', picked: big });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('the size of the picked image files is 161 MB; the lab takes at most 160 MB');
    expect(ImageDataSourceSchema.safeParse({ kind: 'images', picked: picked(FILES), folder: root }).success).toBe(false);
    expect(savedDataSource({ kind: 'images', picked: picked(FILES), trainSize: 5 })).toEqual({
      kind: 'images',
      picked: { name: 'small', digest: 'a'.repeat(64) },
      trainSize: 5,
    });
  });
});
