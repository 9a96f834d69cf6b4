// Image data from the command line: Fashion-MNIST on a --train-size subset with its class names, idx:DIR folders copied or damaged in a temporary folder, and bad image options refused with a sentence.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FASHION_MNIST_CLASSES, IDX_FILES, IMAGE_DATA_SETS } from '../../engine/data/dataSetNames.js';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

const FASHION = IMAGE_DATA_SETS['fashion-mnist'];
const NO_FASHION = `Fashion-MNIST is not installed at ${FASHION.folder} (Debian's dataset-fashion-mnist): the runs on its files were not made`;
const installed = existsSync(join(FASHION.folder, `${IDX_FILES.trainImages}.gz`));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPOSITORY, 'bin/backprop-lab.js'), ...args], { encoding: 'utf8', cwd: REPOSITORY, timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let root = '';
beforeAll(async () => {
  ensureBuilt();
  root = await mkdtemp(join(tmpdir(), 'backprop-lab-cli-idx-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the installed Fashion-MNIST files in a folder of the temporary folder. */
async function fashionCopy(name: string): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder);
  for (const file of Object.values(IDX_FILES)) await copyFile(join(FASHION.folder, `${file}.gz`), join(folder, `${file}.gz`));
  return folder;
}

describe('backprop-lab train on image files', () => {
  it('trains on a Fashion-MNIST subset and reports its classes by name, in the table and in metrics.json', async (context) => {
    if (!installed) return context.skip(NO_FASHION);
    const out = join(root, 'run');
    const { status, stdout, stderr } = cli(
      'train',
      '--data',
      'fashion-mnist',
      '--train-size',
      '600',
      '--test-size',
      '200',
      '--preset',
      'fashion-mlp',
      '--epochs',
      '1',
      '--out',
      out,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('on fashion-mnist: 600 training and 200 test samples');
    expect(stdout).toContain(`classes: ${FASHION_MNIST_CLASSES.map((name, label) => `${label} ${name}`).join(', ')}`);
    for (const name of FASHION_MNIST_CLASSES) expect(stdout).toMatch(new RegExp(`^\\d\\s+${name.replace('/', '\\/')}\\s+\\d+\\s+[01]\\.\\d{4}$`, 'm'));
    const report = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8'));
    expect(report.train_size).toBe(600);
    expect(report.test_size).toBe(200);
    expect(report.hyperparameters).toMatchObject({
      learning_rate: 0.001,
      batch_size: 64,
      reduction: 'mean',
      normalisation: 'none',
      optimizer: { kind: 'adam' },
    });
    expect(report.split.files).toEqual({ train: `${IDX_FILES.trainImages}.gz`, test: `${IDX_FILES.testImages}.gz` });
    expect(report.split.train).toHaveLength(600);
    expect(report.classes.map((row: { name: string }) => row.name)).toEqual([...FASHION_MNIST_CLASSES]);
    expect(report.classes.reduce((sum: number, row: { test_samples: number }) => sum + row.test_samples, 0)).toBe(200);
  });

  it('reads any folder of MNIST-format files with idx:DIR as 1×28×28 images, and a copy of Fashion-MNIST under its class names', async (context) => {
    if (!installed) return context.skip(NO_FASHION);
    const folder = await fashionCopy('copy');
    const { status, stdout } = cli(
      'train',
      '--data',
      `idx:${folder}`,
      '--train-size',
      '300',
      '--test-size',
      '100',
      '--net',
      'conv2d:4:3,relu,maxpool2d:2,flatten,linear:10,softmax',
      '--epochs',
      '1',
      '--json',
    );
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.data).toBe(`idx:${folder}`);
    expect(report.spec.inputShape).toEqual([1, 28, 28]);
    expect(report.classes.map((row: { name: string }) => row.name)).toEqual([...FASHION_MNIST_CLASSES]);
  });

  it('names the file and what is wrong with it in one line, exiting 2, for a damaged or incomplete folder', async (context) => {
    if (!installed) return context.skip(NO_FASHION);
    const missing = await fashionCopy('missing');
    await rm(join(missing, `${IDX_FILES.testLabels}.gz`));
    const truncated = await fashionCopy('truncated');
    const labels = await readFile(join(FASHION.folder, `${IDX_FILES.trainLabels}.gz`));
    await writeFile(join(truncated, `${IDX_FILES.trainLabels}.gz`), labels.subarray(0, labels.length / 2));
    const magic = await fashionCopy('magic');
    await writeFile(join(magic, `${IDX_FILES.trainImages}.gz`), Buffer.from('PK\u0003\u0004 not an IDX file'));
    const cases = [
      [join(root, 'nowhere'), `--data: ${join(root, 'nowhere')}: no such folder`],
      [missing, `${missing}/${IDX_FILES.testLabels}: no such file (nor ${IDX_FILES.testLabels}.gz)`],
      [truncated, `${truncated}/${IDX_FILES.trainLabels}.gz: the gzip stream is damaged or cut short`],
      [magic, `${magic}/${IDX_FILES.trainImages}.gz: not an IDX file (its magic number is 0x504b0304`],
    ] as const;
    for (const [folder, message] of cases) {
      const { status, stderr } = cli('train', '--data', `idx:${folder}`, '--train-size', '100', '--epochs', '1');
      expect(status, stderr).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses bad image options with a sentence and exit status 2', () => {
    const refusals = [
      [['--data', 'fashion-mnist', '--train-size', '0'], '--train-size: "0" is not a whole number of images (1 or more)'],
      [['--data', 'fashion-mnist', '--test-size', 'many'], '--test-size: "many" is not a whole number of images (1 or more)'],
      [
        ['--data', 'fashion-mnist', '--split', '0.8'],
        '--split: image files keep their own training and test split; use --train-size (and --test-size) for a smaller run',
      ],
      [['--data', 'iris', '--train-size', '100'], '--train-size: only image data (fashion-mnist, idx:DIR) is sized so; use --split for iris'],
      [['--data', 'idx:'], '--data idx:DIR: give the folder that holds the MNIST-format files'],
      [['--preset', 'lenet'], '--preset: "lenet" is not a preset; presets: '],
      [['--preset', 'fashion-mlp', '--net', 'linear:10,softmax'], '--preset: the network comes from --net; leave one of them out'],
    ] as const;
    for (const [args, message] of refusals) {
      const { status, stderr } = cli('train', ...args);
      expect(status, stderr).toBe(2);
      expect(stderr).toContain(message);
    }
  });

  it('refuses the whole of Fashion-MNIST under a 256 MB budget before it is prepared, saying what it needs', (context) => {
    if (!installed) return context.skip(NO_FASHION);
    const { status, stdout, stderr } = cli('train', '--data', 'fashion-mnist', '--memory-limit', '256', '--epochs', '1');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(
      /^backprop-lab train: --data: the data needs about 424\.1 MB of memory \(60,000 training and 10,000 test images of 1×28×28 as float64\); the engine's memory budget is 256 MB.* use fewer training images \(a train size: --train-size/,
    );
  });

  it('says the train size is more than the training file holds', async (context) => {
    if (!installed) return context.skip(NO_FASHION);
    const { status, stderr } = cli('train', '--data', 'fashion-mnist', '--train-size', '70000', '--epochs', '1');
    expect(status).toBe(2);
    expect(stderr).toContain(`the train size 70000 is more than the 60000 images of ${IDX_FILES.trainImages}.gz`);
  });
});
