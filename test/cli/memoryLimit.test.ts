// The command line's budgets: over-budget requests refused before they run, with the app's message, exit 2; --memory-limit sets the budget.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import { createInProcessEngine } from '../../engine/worker/inProcessEntry.js';
import { parseSpecText } from '../../engine/specText.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

beforeAll(() => ensureBuilt());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** What the engine answers the app for the same network. */
function appMessage(net: string): Promise<string> {
  return new Promise((resolve) => {
    const engine = createInProcessEngine((event: EngineEvent) => {
      if (event.type !== 'error') return;
      engine.dispose();
      resolve(event.message);
    });
    engine.receive({ type: 'train.start', runId: 'r', spec: parseSpecText(net, 64), dataSet: 'digits-binary', hyper: EXERCISE_HYPERPARAMETERS });
  });
}

describe('backprop-lab --memory-limit', () => {
  it('refuses linear:100000000 as a whole process within seconds, with exit status 2 and the memory it needs', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [join(REPOSITORY, 'bin/backprop-lab.js'), 'train', '--net', 'linear:100000000,sigmoid'], {
      encoding: 'utf8',
      cwd: REPOSITORY,
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^backprop-lab train: --net: the network needs about [\d.]+ GB of memory \(6\.5e9 parameters/);
    expect(result.stderr).toContain("the engine's memory budget is 1 GB");
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('says what the app says, behind the option it comes from', async () => {
    const { status, err } = await cli('train', '--net', 'linear:20000000,sigmoid', '--epochs', '1');
    expect(status).toBe(2);
    expect(err).toBe(`backprop-lab train: --net: ${await appMessage('linear:20000000,sigmoid')}`);
  });

  it('trains a network the default budget refuses once --memory-limit raises it, and refuses one a lower limit does not hold', async () => {
    const small = await cli('train', '--net', 'linear:32,relu,linear:1,sigmoid', '--epochs', '1', '--memory-limit', '128');
    expect(small.status).toBe(2);
    expect(small.err).toMatch(/--net: the network needs about .*; the engine's memory budget is 128 MB/);
    const raised = await cli('train', '--net', 'linear:32,relu,linear:1,sigmoid', '--epochs', '1', '--memory-limit', '512');
    expect(raised.status).toBe(0);
  });

  it('refuses a gradient check and a descent over the work budget, naming the option', async () => {
    const check = await cli('gradcheck', '--layer', 'linear:4096', '--inputs', '4096', '--rows', '256');
    expect(check.status).toBe(2);
    expect(check.err).toMatch(/^backprop-lab gradcheck: --layer: the gradient check needs about .* multiply-adds/);
    const expression = Array.from({ length: 1700 }, (_, k) => `sin(x*${k})*y`).join('+');
    const descent = await cli('descend', '--surface', expression, '--steps', '100000');
    expect(descent.status).toBe(2);
    expect(descent.err).toMatch(/^backprop-lab descend: --steps: the descent needs about/);
  });

  it('refuses a --memory-limit that is not a budget', async () => {
    expect((await cli('descend', '--memory-limit', 'lots')).err).toBe('backprop-lab descend: --memory-limit: "lots" is not a number of megabytes');
    expect((await cli('gradcheck', '--layer', 'relu', '--memory-limit', '99999999')).err).toMatch(/--memory-limit: the memory budget can be at most 64 GB/);
  });
});
