// PyTorch as an independent oracle for activations: values and autograd derivatives in float64, where /usr/bin/python3 has torch (test helper, plain Node).
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import json, sys, torch
import torch.nn.functional as F
data = json.load(sys.stdin)
results = []
for f in data['f']:
    x = torch.tensor(data['x'], dtype=torch.float64, requires_grad=True)
    y = eval(f, {'torch': torch, 'F': F})(x)
    y.sum().backward()
    results.append({'value': y.tolist(), 'derivative': x.grad.tolist()})
print(json.dumps(results))
`;

let available: boolean | undefined;

/** Whether PyTorch can be imported by /usr/bin/python3 here. */
export function torchAvailable(): boolean {
  available ??= spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
  return available;
}

/** The note a test skipped for want of PyTorch gives. */
export const NO_TORCH = `PyTorch is not installed for ${PYTHON}: the comparison with it was skipped (the hand-checked values still ran)`;

/**
 * f(x) and f'(x) by PyTorch's autograd, in float64, for each of `functions` (Python lambdas using `torch` and `F`,
 * torch.nn.functional), in one run of Python.
 */
export function torchActivations(functions: readonly string[], x: readonly number[]): { value: number[]; derivative: number[] }[] {
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify({ f: functions, x }), encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { value: number[]; derivative: number[] }[];
}
