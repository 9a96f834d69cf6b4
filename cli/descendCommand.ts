// `backprop-lab descend`: an optimizer's path on a 2D surface, as the exercise's optimize_f computes it (Node, the CLI process).
import { OPTIMIZER_KINDS } from '../engine/optimizers/optimizerConfig.js';
import type { SurfaceDescend } from '../engine/protocol/surfaces.js';
import { askEngine } from './engineRequest.js';
import { parseOptions, toChoice, toNumber } from './parseOptions.js';
import type { Output } from './trainCommand.js';
import { DESCEND_USAGE } from './usage.js';
import { MEMORY_LIMIT_OPTION, toMemoryBudget } from './memoryLimit.js';
import { UsageError } from './usageError.js';

const OPTIONS = {
  surface: { type: 'string' },
  x: { type: 'string' },
  y: { type: 'string' },
  lr: { type: 'string' },
  steps: { type: 'string' },
  decay: { type: 'string' },
  optimizer: { type: 'string' },
  momentum: { type: 'string' },
  beta1: { type: 'string' },
  beta2: { type: 'string' },
  rho: { type: 'string' },
  json: { type: 'boolean' },
  ...MEMORY_LIMIT_OPTION,
  help: { type: 'boolean', short: 'h' },
} as const;

const FLAGS: Record<string, string> = { surface: '--surface', learningRate: '--lr', steps: '--steps', decay: '--decay', 'start.x': '--x', 'start.y': '--y' };

/** Runs the command; resolves to the exit status (1 when the path diverged). */
export async function descendCommand(argv: string[], output: Output): Promise<number> {
  const values = parseOptions(argv, OPTIONS);
  if (values.help) {
    output.out(DESCEND_USAGE);
    return 0;
  }
  const kind = toChoice('--optimizer', values.optimizer, OPTIMIZER_KINDS);
  const constants = Object.fromEntries(
    (['momentum', 'beta1', 'beta2', 'rho'] as const).map((name) => [name, toNumber(`--${name}`, values[name])]).filter(([, v]) => v !== undefined),
  );
  const request: SurfaceDescend = {
    type: 'surface.descend',
    requestId: 'cli',
    surface: values.surface ?? 'exercise',
    start: { x: toNumber('--x', values.x, 3), y: toNumber('--y', values.y, 2) },
    learningRate: toNumber('--lr', values.lr, 0.1),
    steps: toNumber('--steps', values.steps, 10),
    ...(values.decay !== undefined ? { decay: toNumber('--decay', values.decay) } : {}),
    ...(kind ? { optimizer: { kind, ...constants } } : {}),
  };
  let answer;
  try {
    answer = await askEngine(request, toMemoryBudget(values['memory-limit']));
  } catch (error) {
    const field = (error as { field?: string }).field ?? '';
    const flag = FLAGS[field] ?? (field.startsWith('optimizer.') ? `--${field.slice(10)}` : field ? `--${field}` : undefined);
    throw new UsageError(`${flag ? `${flag}: ` : ''}${(error as Error).message.replace(/^bad request: [\w.]+: /, '')}`);
  }
  if (answer.type !== 'surface.path') throw new Error(`unexpected answer ${answer.type}`);
  const last = answer.x.length - 1;
  const result = {
    surface: request.surface,
    optimizer: request.optimizer?.kind ?? 'sgd',
    learning_rate: request.learningRate,
    decay: request.decay ?? 1,
    steps: last,
    x: answer.x[last]!,
    y: answer.y[last]!,
    f: answer.f[last]!,
    path: Array.from(answer.x, (x, i) => ({ step: i, x, y: answer.y[i]!, f: answer.f[i]! })),
    ...(answer.diverged ? { diverged: answer.diverged } : {}),
  };
  if (values.json) output.out(JSON.stringify(result));
  else {
    const every = Math.max(1, Math.ceil(last / 20));
    for (const p of result.path)
      if (p.step % every === 0 || p.step === last)
        output.out(
          `step ${String(p.step).padStart(5)}  x ${p.x.toPrecision(10).padStart(16)}  y ${p.y.toPrecision(10).padStart(16)}  f ${p.f.toPrecision(13)}`,
        );
    output.out(`minimum value found: f(${result.x}, ${result.y}) = ${result.f}`);
  }
  if (answer.diverged) {
    output.err(`backprop-lab descend: ${answer.diverged}`);
    return 1;
  }
  return 0;
}
