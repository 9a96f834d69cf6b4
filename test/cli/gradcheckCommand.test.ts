// `backprop-lab gradcheck`: the exercise-style table, the exit status for passing, failing and bad arguments, JSON and help.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(['gradcheck', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('backprop-lab gradcheck', () => {
  it('prints OK for each gradient of a Linear layer and exits 0', async () => {
    const { status, out } = await cli('--layer', 'linear:7', '--inputs', '5', '--rows', '3');
    expect(status).toBe(0);
    expect(out).toMatch(/^err on dx: OK {4}/m);
    expect(out).toMatch(/^err on dW: OK {4}/m);
    expect(out).toMatch(/^err on db: OK {4}/m);
    expect(out).toContain('all 3 checks OK');
  });

  it("catches the exercise's db with ERROR and exits 1", async () => {
    const { status, out } = await cli('--layer', 'linear:7', '--variant', 'exercise-db');
    expect(status).toBe(1);
    expect(out).toMatch(/^err on db: ERROR/m);
    expect(out).toContain('1 of 3 checks failed');
  });

  it('checks the fused cross-entropy and a whole network', async () => {
    expect((await cli('--loss', 'cce', '--width', '4')).out).toMatch(/^err on dloss\/dlogits: OK/m);
    const net = await cli('--net', 'linear:8,relu,linear:3,softmax', '--input', '6', '--seed', '4');
    expect(net.status).toBe(0);
    expect(net.out).toContain('all 5 checks OK');
  });

  it("checks a network that starts with a convolution on the image --input-shape gives, catching the exercise's db behind it", async () => {
    const net = await cli('--net', 'conv2d:2:3,relu,flatten,linear:3,softmax', '--input-shape', '1x6x6', '--variant', 'exercise-db');
    expect(net.status).toBe(1);
    expect(net.out).toContain('network conv2d:2:3,relu,flatten,linear:3,softmax (input 1×6×6, 3 rows)');
    expect(net.out).toMatch(/^err on layer 1 dW: OK/m);
    expect(net.out).toMatch(/^err on layer 4 db: ERROR/m);
    const tooSmall = await cli('--net', 'conv2d:2:5,relu,flatten,linear:3,softmax', '--input-shape', '1x3x3');
    expect(tooSmall.status).toBe(2);
    expect(tooSmall.err).toContain('layer 1 (conv2d) has a 5×5 kernel but the network input gives 1×3×3');
    expect((await cli('--net', 'conv2d:2:3,flatten,linear:3,softmax', '--input-shape', '1x6', '--input', '36')).err).toContain(
      '--input-shape: write channels×height×width as CxHxW',
    );
  });

  it('prints one JSON object with --json', async () => {
    const { status, out } = await cli('--layer', 'sigmoid', '--variant', 'exercise-sigmoid-grad', '--json');
    expect(status).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ ok: false, variant: 'exercise-sigmoid-grad', threshold: 1e-6 });
    expect(report.checks[0].name).toBe('dx');
  });

  it('exits 2 naming the option for bad arguments', async () => {
    expect(await cli()).toMatchObject({ status: 2, err: 'backprop-lab gradcheck: say what to check: --layer LAYER, --loss LOSS or --net SPEC' });
    expect(await cli('--layer', 'swish')).toMatchObject({ status: 2 });
    expect((await cli('--layer', 'relu', '--variant', 'exercise-db')).err).toBe(
      'backprop-lab gradcheck: --variant: the variant exercise-db changes a linear layer, but a relu layer has none',
    );
    expect((await cli('--loss', 'hinge')).err).toBe('backprop-lab gradcheck: --loss: "hinge" is not one of bce, cce, mse');
    expect((await cli('--layer', 'relu', '--rows', '0')).err).toBe('backprop-lab gradcheck: --rows: must be a positive whole number');
  });

  it('shows its help with --help', async () => {
    const { status, out } = await cli('--help');
    expect(status).toBe(0);
    expect(out).toMatch(/^usage: backprop-lab gradcheck/);
  });
});
