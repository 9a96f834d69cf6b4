// Every registered layer type through the command line, without a test written for it: `gradcheck --layer`, `gradcheck --net` and `train --net` in the short form.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import { LAYER_DEFINITIONS } from '../../engine/layers/registry.js';
import { shortFormExample } from '../../engine/layers/shortForm.js';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe.each(LAYER_DEFINITIONS.map((definition) => [shortFormExample(definition)] as const))('the layer %s on the command line', (layer) => {
  it('passes gradcheck --layer, and gradcheck --net between two linear layers', async () => {
    const alone = await cli('gradcheck', '--layer', layer, '--inputs', '4', '--rows', '2');
    expect(alone.err).toBe('');
    expect(alone.status).toBe(0);
    const net = await cli('gradcheck', '--net', `linear:5,${layer},linear:3`, '--input', '4', '--rows', '2', '--loss', 'mse');
    expect(net.err).toBe('');
    expect(net.status).toBe(0);
  });

  it('trains as a hidden layer with train --net, its losses finite', async () => {
    const run = await cli('train', '--net', `linear:8,${layer},linear:1,sigmoid`, '--data', 'toy:circles', '--toy-size', '120', '--epochs', '3', '--json');
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    const history = (JSON.parse(run.out) as { history: { train_loss: number }[] }).history;
    expect(history).toHaveLength(3);
    for (const epoch of history) expect(Number.isFinite(epoch.train_loss)).toBe(true);
  });
});
