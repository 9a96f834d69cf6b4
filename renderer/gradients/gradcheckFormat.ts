// How a gradient check report reads: numbers as the exercise prints them ("OK 3.1e-9"), the worst entry, and what a broken variant shows (renderer).
import type { GradcheckVariant } from '../../engine/gradcheck/gradcheckVariants.js';
import type { GradientCheck } from '../../engine/protocol/gradcheck.js';

/** An error in one significant decimal, as the exercise prints it: 3.1e-9, 2.4e+0, 0. */
export function formatError(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  return value.toExponential(1);
}

/** "OK" or "ERROR" and check_grad's L2 error, e.g. "OK 3.1e-9". */
export function verdictText(check: Pick<GradientCheck, 'ok' | 'error'>): string {
  return `${check.ok ? 'OK' : 'ERROR'} ${formatError(check.error)}`;
}

/** A value with four significant digits, without a trailing exponent for ordinary sizes. */
export function formatValue(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e5) return String(Number(value.toPrecision(4)));
  return value.toExponential(3);
}

/** The entry where analytic and numerical differ most: "entry 3: 0.1234 vs 0.5678". */
export function worstText(check: Pick<GradientCheck, 'worst'>): string {
  return `entry ${check.worst.index}: ${formatValue(check.worst.analytic)} vs ${formatValue(check.worst.numerical)}`;
}

/** One line of the report as the exercise prints it: "err on db: ERROR 2.4e+0". */
export function exerciseLine(check: Pick<GradientCheck, 'name' | 'ok' | 'error'>, nameWidth = 0): string {
  return `err on ${check.name.padEnd(nameWidth)}: ${verdictText(check)}`;
}

/** The sentences under a report: what passed or what the check caught, and why. */
export function explainReport(variant: GradcheckVariant, checks: readonly Pick<GradientCheck, 'name' | 'ok'>[], threshold: number): string[] {
  const failed = checks.filter((c) => !c.ok).map((c) => c.name);
  const limit = threshold.toExponential(0);
  if (failed.length === 0) {
    const lines = [`Every gradient agrees with central differences: each relative error is below ${limit}.`];
    if (variant !== 'correct') lines.push(`The ${variant} bug is not in anything this check reaches, so it passes.`);
    return lines;
  }
  const caught = `The check caught ${failed.length === 1 ? failed[0] : `${failed.length} gradients (${failed.join(', ')})`}: relative error at or above ${limit}.`;
  if (variant === 'exercise-db') {
    return [
      caught,
      'db = sum(dy) / len(dy) adds up every entry of dy into one scalar and divides it by the batch size: every entry of db gets that same wrong number. db must be the sum of dy over the rows, one value per unit. dx and dW are computed correctly and pass.',
    ];
  }
  if (variant === 'exercise-sigmoid-grad') {
    return [
      caught,
      "grad_h = sigmoid_grad(grad_y_hat) feeds the upstream gradient into σ′ where the layer's input belongs: σ(dy)(1 − σ(dy)) instead of dy · σ(x)(1 − σ(x)). The sigmoid's dx is wrong, and so is every gradient computed behind it.",
    ];
  }
  return [
    caught,
    'With the correct backward passes this should not happen; a different seed or epsilon shows whether it is a point where the function has a kink.',
  ];
}
