// The image files a page picked and sent (where a browser cannot name a folder), kept by their digest so they are sent once; pure, any process.
import { LruCache, type CacheLimits } from '../lruCache.js';
import type { PickedImages } from './dataSource.js';
import { inFolder, type DataFiles } from './imageFolder.js';

type PickedFile = NonNullable<PickedImages['files']>[number];

/** Two folders' files, at most 320 MB of them. */
export const PICKED_IMAGES_LIMITS: CacheLimits = { maxEntries: 2, maxBytes: 320 * 1024 * 1024 };

/** The engine no longer has (or never had) the picked files a source names by their digest. */
export class UnknownFilesError extends Error {
  readonly code = 'unknown-files';
  constructor(picked: PickedImages) {
    super(unknownFilesMessage(picked));
    this.name = 'UnknownFilesError';
  }
}

/** "the engine no longer has the image files of NAME …": what an error about picked files the engine lacks says. */
export function unknownFilesMessage(picked: Pick<PickedImages, 'name'>): string {
  return `the engine no longer has the image files of ${picked.name} (it restarted or let them go); open them again`;
}

export interface PickedImageStore {
  /** Keeps the files a source carries under its digest (a source without files is left as it is). */
  keep(picked: PickedImages): void;
  /** Holds on to the files a source names for as long as the source object lives; false when they are not kept. */
  hold(picked: PickedImages): boolean;
  /** The files a source carries, or those kept under its digest. @throws UnknownFilesError when they are not kept. */
  filesOf(picked: PickedImages): readonly PickedFile[];
}

const bytesOf = (files: readonly PickedFile[]) => files.reduce((sum, file) => sum + file.bytes.byteLength, 0);

/** A store of picked files within `limits` (least recently used let go first). */
export function createPickedImageStore(limits: CacheLimits = PICKED_IMAGES_LIMITS): PickedImageStore & { readonly cache: LruCache<readonly PickedFile[]> } {
  const cache = new LruCache<readonly PickedFile[]>(limits, bytesOf);
  const held = new WeakMap<PickedImages, readonly PickedFile[]>();
  return {
    cache,
    keep(picked) {
      if (picked.files) cache.set(picked.digest, picked.files);
    },
    hold(picked) {
      const files = picked.files ?? cache.get(picked.digest);
      if (files) held.set(picked, files);
      return files !== undefined;
    },
    filesOf(picked) {
      const files = picked.files ?? held.get(picked) ?? cache.get(picked.digest);
      if (!files) throw new UnknownFilesError(picked);
      return files;
    },
  };
}

/** The picked files as a folder named `picked.name` for the IDX folder reader, so its messages name the folder and file at fault. */
export function pickedDataFiles(folder: string, files: readonly PickedFile[]): DataFiles {
  const byPath = new Map(files.map((file) => [inFolder(folder, file.name), file.bytes]));
  return {
    kind: async (path) => (path === folder ? 'folder' : byPath.has(path) ? 'file' : 'missing'),
    read: async (path) => {
      const bytes = byPath.get(path);
      if (!bytes) throw new Error(`${path}: no such file among the picked files`);
      return bytes;
    },
  };
}
