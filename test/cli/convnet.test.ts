// Convolutional networks from the command line: the 8×8 digits read as 1×8×8 images by a short-form convnet, and a
// convolution on data that is no image refused with the layer named.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPOSITORY, 'bin/backprop-lab.js'), ...args], { encoding: 'utf8', cwd: REPOSITORY, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => ensureBuilt());

describe('backprop-lab train with a convnet', () => {
  it('trains conv → ReLU → max-pool → flatten → linear → softmax on the 10-class digits, read as 1×8×8 images', () => {
    const { status, stdout } = cli(
      'train',
      '--data',
      'digits',
      '--net',
      'conv2d:8:3:1:same,relu,maxpool2d:2,flatten,linear:10,softmax',
      '--epochs',
      '3',
      '--json',
    );
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.spec.inputShape).toEqual([1, 8, 8]);
    expect(report.parameter_count).toBe(8 * 9 + 8 + 8 * 4 * 4 * 10 + 10);
    expect(report.history.at(-1).test_accuracy).toBeGreaterThan(0.85);
  });

  it('refuses a convolution on data that is no image, naming the layer and what it was given', () => {
    const { status, stderr } = cli('train', '--data', 'iris', '--net', 'conv2d:8:3,flatten,linear:3,softmax', '--epochs', '1');
    expect(status).toBe(2);
    expect(stderr).toContain('--net: layer 1 (conv2d) needs a C×H×W input but the network input gives 4');
  });

  it('refuses a pooling given a vector with one message at that layer, and none about the layers after it', () => {
    const { status, stderr } = cli('train', '--data', 'iris', '--net', 'maxpool2d:2,conv2d:4:3,flatten,linear:3,softmax', '--epochs', '1');
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      'backprop-lab train: --net: layer 1 (maxpool2d) needs a C×H×W input but the network input gives 4 (a vector: put it before the flatten, or give the data its image shape)',
    ]);
  });

  it('trains a convnet whose convolution has its bias off, with no bias counted in its parameters', () => {
    const { status, stdout } = cli(
      'train',
      '--data',
      'digits',
      '--net',
      'conv2d:8:3:same:nobias,relu,maxpool2d:2,flatten,linear:10,softmax',
      '--epochs',
      '1',
      '--json',
    );
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.spec.layers[0]).toEqual({ type: 'conv2d', filters: 8, kernel: 3, padding: 'same', bias: false });
    expect(report.parameter_count).toBe(8 * 9 + 8 * 4 * 4 * 10 + 10);
  });

  it('checks a convolution with its bias off on its own: dx and dW, and no db', () => {
    const { status, stdout } = cli('gradcheck', '--layer', 'conv2d:4:3:2:same:nobias', '--input-shape', '2x6x6', '--rows', '3');
    expect(status).toBe(0);
    expect(stdout).toMatch(/err on dx: OK[\s\S]*err on dW: OK/);
    expect(stdout).not.toContain('db');
  });

  it('checks a convolution on its own with gradcheck --input-shape', () => {
    const { status, stdout } = cli('gradcheck', '--layer', 'conv2d:4:3', '--input-shape', '2x6x6', '--rows', '3');
    expect(status).toBe(0);
    expect(stdout).toMatch(/err on dx: OK[\s\S]*err on dW: OK[\s\S]*err on db: OK/);
  });
});
