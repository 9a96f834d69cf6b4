// Reading the MNIST files of a folder picked in the browser (plain Node, WebCrypto): which files go, their digest, and what is refused in a sentence.
import { describe, expect, it } from 'vitest';
import { MAX_PICKED_IMAGE_BYTES } from '../../../engine/limits.js';
import { mnistFilesOf, pickedFolderName, readPickedImages, type PickedFile } from '../../../renderer/training/pickedImageFiles.js';

const file = (path: string, bytes: number[] = [1, 2, 3], size = bytes.length): PickedFile => ({
  name: path.split('/').pop()!,
  webkitRelativePath: path.includes('/') ? path : '',
  size,
  arrayBuffer: async () => Uint8Array.from(bytes).buffer,
});

const folder = [
  file('mnist/train-images-idx3-ubyte.gz', [1]),
  file('mnist/train-labels-idx1-ubyte', [2]),
  file('mnist/t10k-images-idx3-ubyte', [3]),
  file('mnist/t10k-labels-idx1-ubyte.gz', [4]),
  file('mnist/README.md', [5]),
  file('mnist/old/t10k-labels-idx1-ubyte', [6]),
];

describe('picked image files', () => {
  it("take the folder's name from the files' paths, and only MNIST's four files directly in it", () => {
    expect(pickedFolderName(folder)).toBe('mnist');
    expect(pickedFolderName([file('train-images-idx3-ubyte')])).toBe('the picked files');
    expect(mnistFilesOf(folder).map((f) => f.webkitRelativePath)).toEqual([
      'mnist/train-images-idx3-ubyte.gz',
      'mnist/train-labels-idx1-ubyte',
      'mnist/t10k-images-idx3-ubyte',
      'mnist/t10k-labels-idx1-ubyte.gz',
    ]);
  });

  it('are read with their bytes and named by a SHA-256 digest that changes with any byte', async () => {
    const read = await readPickedImages(folder);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.picked.name).toBe('mnist');
    expect(read.picked.files.map((f) => [f.name, Array.from(f.bytes)])).toEqual([
      ['t10k-images-idx3-ubyte', [3]],
      ['t10k-labels-idx1-ubyte.gz', [4]],
      ['train-images-idx3-ubyte.gz', [1]],
      ['train-labels-idx1-ubyte', [2]],
    ]);
    expect(read.picked.digest).toMatch(/^[0-9a-f]{64}$/);
    const again = await readPickedImages([...folder].reverse());
    expect(again.ok && again.picked.digest).toBe(read.picked.digest);
    const changed = await readPickedImages([...folder.slice(1), file('mnist/train-images-idx3-ubyte.gz', [9])]);
    expect(changed.ok && changed.picked.digest).not.toBe(read.picked.digest);
  });

  it('are refused in a sentence when none of the four files is there, or when they are larger than the lab takes', async () => {
    expect(await readPickedImages([file('photos/cat.png')])).toEqual({
      ok: false,
      message:
        "photos holds none of MNIST's files: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each may end in .gz)",
    });
    const huge = await readPickedImages([file('big/train-images-idx3-ubyte', [1], MAX_PICKED_IMAGE_BYTES + 1)]);
    expect(huge).toEqual({ ok: false, message: 'The size of the image files of big is 160.1 MB; the lab takes at most 160 MB' });
  });
});
