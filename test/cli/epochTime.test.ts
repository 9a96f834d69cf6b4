// The command line says how long an epoch will take before it trains, and how long each one took.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPOSITORY, 'bin/backprop-lab.js'), ...args], { encoding: 'utf8', cwd: REPOSITORY, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => ensureBuilt());

describe('backprop-lab train and the epoch time', () => {
  it("prints the engine's estimate before the run and each epoch's time after its line", () => {
    const net = 'conv2d:4:3:1:same,relu,maxpool2d:2,flatten,linear:10,softmax';
    const { status, stdout } = cli('train', '--data', 'digits', '--net', net, '--epochs', '3', '--batch', '32', '--split', '0.8');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    // 1,437 training and 360 test digits in minibatches of 32.
    expect(lines[0]).toMatch(/^estimate: about [\d.]+ (s|min \d\d s) per epoch \(44 training and 11 test minibatches\), .+ for 3 epochs$/);
    expect(lines[1]).toMatch(/^training /);
    const epochs = lines.filter((line) => line.startsWith('epoch '));
    expect(epochs).toHaveLength(3);
    for (const line of epochs) expect(line).toMatch(/accuracy \d\.\d{4}  \([\d.]+ s\)$/);
  });

  it('leaves the estimate out of --json, whose output stays one JSON object', () => {
    const { status, stdout } = cli('train', '--data', 'digits-binary', '--epochs', '1', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).history).toHaveLength(1);
  });
});
