// Every registered layer type through the command line, without a test written for it: `gradcheck --layer`, `gradcheck --net` and `train --net` in the short form.
// A layer that reads images is checked on a C×H×W input and trained on the 8×8 digits, after a convolution.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import { LAYER_DEFINITIONS } from '../../engine/layers/registry.js';
import { shortFormExample } from '../../engine/layers/shortForm.js';
import { parseSpecText } from '../../engine/specText.js';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-layers-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each(LAYER_DEFINITIONS.map((definition) => [shortFormExample(definition), definition] as const))(
  'the layer %s on the command line',
  (layer, definition) => {
    const onImages = definition.takes === 'image' || definition.type === 'flatten';
    /** After a convolution over 2×6×6 (same padding), and flattened before the last Linear layer when the layer does not flatten. */
    const imageNet = (units: string) => `conv2d:3:3:1:same,${layer}${definition.type === 'flatten' ? '' : ',flatten'},${units}`;

    it('passes gradcheck --layer, and gradcheck --net between two other layers', async () => {
      const alone = onImages
        ? await cli('gradcheck', '--layer', layer, '--input-shape', '2x6x6', '--rows', '2')
        : await cli('gradcheck', '--layer', layer, '--inputs', '4', '--rows', '2');
      expect(alone.err).toBe('');
      expect(alone.status).toBe(0);
      let netArgs = ['--net', `linear:5,${layer},linear:3`, '--input', '4'];
      if (onImages) {
        const file = join(folder, `${definition.type}.json`);
        writeFileSync(file, JSON.stringify({ ...parseSpecText(imageNet('linear:3'), 72), inputShape: [2, 6, 6] }));
        netArgs = ['--net', file];
      }
      const net = await cli('gradcheck', ...netArgs, '--rows', '2', '--loss', 'mse');
      expect(net.err).toBe('');
      expect(net.status).toBe(0);
    });

    it('trains as a hidden layer with train --net, its losses finite', async () => {
      const run = onImages
        ? await cli('train', '--net', imageNet('linear:10,softmax'), '--data', 'digits', '--epochs', '2', '--json')
        : await cli('train', '--net', `linear:8,${layer},linear:1,sigmoid`, '--data', 'toy:circles', '--toy-size', '120', '--epochs', '3', '--json');
      expect(run.err).toBe('');
      expect(run.status).toBe(0);
      const history = (JSON.parse(run.out) as { history: { train_loss: number }[] }).history;
      expect(history).toHaveLength(onImages ? 2 : 3);
      for (const epoch of history) expect(Number.isFinite(epoch.train_loss)).toBe(true);
    });
  },
);
