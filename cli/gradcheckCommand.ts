// `backprop-lab gradcheck`: checks a layer, a loss or a network against central differences in the engine and prints the verdicts (Node, the CLI process).
import { GRADCHECK_EPSILON } from '../engine/gradcheck/checkGradient.js';
import { askEngine } from './engineRequest.js';
import { GRADCHECK_USAGE, parseGradcheckArgs } from './gradcheckArgs.js';
import type { Output } from './trainCommand.js';
import { UsageError } from './usageError.js';

const FLAG_OF_FIELD: Record<string, string> = {
  variant: '--variant',
  'subject.loss': '--loss',
  'subject.width': '--width',
  'subject.rows': '--rows',
  'subject.inputs': '--inputs',
};

/** The option an engine error's field comes from. */
function flagOf(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  if (field.startsWith('subject.spec')) return '--net';
  if (field.startsWith('subject.layer')) return '--layer';
  return FLAG_OF_FIELD[field];
}

function short(value: number): string {
  return value === 0 ? '0' : value.toExponential(1);
}

/** Runs `gradcheck` with its arguments; resolves to the exit status (0 all OK, 1 a check failed). */
export async function gradcheckCommand(argv: string[], output: Output): Promise<number> {
  const settings = parseGradcheckArgs(argv);
  if (settings.help) {
    output.out(GRADCHECK_USAGE);
    return 0;
  }
  let answer;
  try {
    answer = await askEngine({ type: 'gradcheck.run', requestId: 'cli', ...settings.request }, settings.budget);
  } catch (error) {
    const flag = flagOf((error as { field?: string }).field);
    const message = (error as Error).message.replace(/^bad request: [\w.]+: /, '');
    throw new UsageError(flag ? `${flag}: ${message}` : message);
  }
  if (answer.type !== 'gradcheck.report') throw new Error(`unexpected answer ${answer.type}`);
  const result = { variant: answer.variant, threshold: answer.threshold, checks: answer.checks };
  const allOk = result.checks.every((check) => check.ok);
  if (settings.json) {
    output.out(
      JSON.stringify({
        subject: settings.request.subject,
        seed: settings.request.seed,
        epsilon: settings.request.epsilon ?? GRADCHECK_EPSILON,
        ...result,
        ok: allOk,
      }),
    );
    return allOk ? 0 : 1;
  }
  output.out(
    `gradcheck ${settings.title}, variant ${result.variant}, seed ${settings.request.seed}, epsilon ${(settings.request.epsilon ?? GRADCHECK_EPSILON).toExponential()}`,
  );
  const width = Math.max(...result.checks.map((check) => check.name.length));
  for (const check of result.checks) {
    const verdict = check.ok ? 'OK   ' : 'ERROR';
    const worst = `worst entry ${check.worst.index}: ${check.worst.analytic.toPrecision(6)} vs ${check.worst.numerical.toPrecision(6)}`;
    output.out(
      `err on ${check.name.padEnd(width)}: ${verdict} ${short(check.error).padStart(8)}  relative ${short(check.relativeError).padStart(8)}  (${worst})`,
    );
  }
  output.out(
    allOk
      ? `all ${result.checks.length} checks OK (relative error below ${result.threshold.toExponential()})`
      : `${result.checks.filter((check) => !check.ok).length} of ${result.checks.length} checks failed (relative error at or above ${result.threshold.toExponential()})`,
  );
  return allOk ? 0 : 1;
}
