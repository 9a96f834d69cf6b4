// `backprop-lab descend` run as a user runs it: the exercise's three runs, other optimizers and surfaces, bad input.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPOSITORY, 'bin/backprop-lab.js'), ...args], { encoding: 'utf8', cwd: REPOSITORY });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function inProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(['descend', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out, err };
}

beforeAll(() => ensureBuilt());

describe('backprop-lab descend', () => {
  it("prints the final x, y, f and the path of the exercise's first run as JSON", () => {
    const { status, stdout } = cli('descend', '--surface', 'exercise', '--x', '3', '--y', '2', '--lr', '0.1', '--steps', '10', '--json');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(Math.abs(result.f - 1.2967615849902)).toBeLessThan(1e-12);
    expect(result.path).toHaveLength(11);
    expect(result.path[0]).toEqual({ step: 0, x: 3, y: 2, f: 9 + 4 + 3 * 4 + Math.cos(9) });
    expect(result.path[10]).toMatchObject({ x: result.x, y: result.y, f: result.f });
  });

  it.each([
    [['--lr', '0.15', '--steps', '500'], -2.280709708147],
    [['--lr', '0.5', '--steps', '100', '--decay', '0.95'], -2.2807097075997],
  ])('reproduces the exercise with %j', async (args, expected) => {
    const { status, out } = await inProcess('--x', '3', '--y', '2', ...args, '--json');
    expect(status).toBe(0);
    expect(Math.abs(JSON.parse(out[0]!).f - expected)).toBeLessThan(1e-12);
  });

  it('runs Adam on a typed expression and prints a readable table without --json', async () => {
    const { status, out } = await inProcess(
      '--surface',
      '(x-1)^2 + 2*(y+0.5)^2',
      '--x',
      '3',
      '--y',
      '2',
      '--lr',
      '0.1',
      '--steps',
      '400',
      '--optimizer',
      'adam',
    );
    expect(status).toBe(0);
    expect(out.at(-1)).toMatch(/^minimum value found: f\(/);
    const f = Number(out.at(-1)!.split(' = ')[1]);
    expect(f).toBeLessThan(1e-4);
  });

  it('exits 1 with the reason when the path diverges', async () => {
    const { status, err } = await inProcess('--surface', 'rosenbrock', '--x', '-1.5', '--y', '2', '--lr', '0.5', '--steps', '50');
    expect(status).toBe(1);
    expect(err[0]).toMatch(/^backprop-lab descend: the path left the region x ∈ \[-42, 42\], y ∈ \[-41, 43\] at step 1: /);
  });

  it('never calls the end of a diverged path a minimum', async () => {
    const { status, out } = await inProcess('--lr', '1.2', '--steps', '200');
    expect(status).toBe(1);
    expect(out.at(-1)).toMatch(/^diverged at step \d+; last point: f\(/);
    expect(out.some((line) => line.startsWith('minimum value found'))).toBe(false);
  });

  it.each([
    [['--surface', 'x^2 + * y'], "--surface: unexpected '*' at column 7"],
    [['--lr', '0'], '--lr: step size must be a positive number'],
    [['--steps', 'many'], '--steps: "many" is not a number'],
    [['--optimizer', 'lbfgs'], '--optimizer: "lbfgs" is not one of sgd, momentum, nesterov, rmsprop, adam'],
    [['--momentum', '1.5', '--optimizer', 'momentum'], '--momentum: momentum must be below 1'],
  ])('rejects %j with one line and exit status 2', async (args, message) => {
    const { status, out, err } = await inProcess(...args);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`backprop-lab descend: ${message}`]);
  });

  it('explains its options with --help', async () => {
    const { status, out } = await inProcess('--help');
    expect(status).toBe(0);
    expect(out[0]).toContain('--surface F');
  });
});
