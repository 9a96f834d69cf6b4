// Main's folder dialog for image files: where it opens from what the page sends, and the folder (or cancel) its answer gives (plain Node).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenFolder, imageFolderDialogOptions } from '../../main/folderDialog.js';

const home = path.resolve('/home/someone');
const mnist = path.resolve('/data/mnist');

describe('the image folder dialog options', () => {
  it('pick one folder, open at the folder the page has, and name the four files in the message', () => {
    const options = imageFolderDialogOptions(mnist, home);
    expect(options.properties).toEqual(['openDirectory', 'dontAddToRecent']);
    expect(options.defaultPath).toBe(mnist);
    expect(options.title).toBe('Open image files');
    for (const file of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      expect(options.message).toContain(file);
    }
  });

  it.each([
    ['no folder yet', null],
    ['a relative path', 'mnist'],
    ['a number', 7],
    ['an object', { path: mnist }],
    ['a path with a NUL byte', `${mnist}\0/etc`],
    ['a path too long to be one', `/${'a'.repeat(5000)}`],
  ])('open at the fallback folder when the page sends %s', (_what, current) => {
    expect(imageFolderDialogOptions(current, home).defaultPath).toBe(home);
  });

  it('leave the start to the system when there is no fallback either', () => {
    expect(imageFolderDialogOptions(undefined, undefined)).not.toHaveProperty('defaultPath');
  });
});

describe('the folder a dialog answer names', () => {
  it('is the chosen folder', () => {
    expect(chosenFolder({ canceled: false, filePaths: [mnist] })).toBe(mnist);
  });

  it('is null when the dialog was cancelled, even with a path left in the answer', () => {
    expect(chosenFolder({ canceled: true, filePaths: [] })).toBeNull();
    expect(chosenFolder({ canceled: true, filePaths: [mnist] })).toBeNull();
  });

  it('is null when the dialog closed without a folder', () => {
    expect(chosenFolder({ canceled: false, filePaths: [] })).toBeNull();
    expect(chosenFolder({ canceled: false, filePaths: [''] })).toBeNull();
  });
});
