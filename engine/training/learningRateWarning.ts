// Telling the user a run that "completed" probably had too large a learning rate; pure, any process.
import type { EpochMetrics } from './epochMetrics.js';

/** What the loop measured that says a run went wrong without ever turning NaN. */
export interface RunSymptoms {
  history: readonly EpochMetrics[];
  /** The reported loss of guessing uniformly (ln 2 for BCE, ln K for CCE), if the loss has one. */
  guessingLoss: number | undefined;
  /** The share of training samples in the last epoch whose output saturated at the wrong end (|y − p| ≈ 1). */
  confidentlyWrong: number;
  /** What the symptoms are blamed on when it is not the learning rate (see divergenceCause). */
  otherCause?: string;
}

/** A final loss this many times the first epoch's, or the guessing loss, counts as a run that got worse. */
export const LOSS_GROWTH_FACTOR = 2;
/** This share of saturated, confidently wrong training samples counts as saturated outputs. */
export const SATURATED_SHARE = 0.1;

function format(value: number): string {
  return value >= 100 || value < 0.01 ? value.toExponential(2) : value.toFixed(3);
}

/** A sentence saying why the learning rate (or `otherCause`) is probably too large, or undefined when the run looks healthy. */
export function learningRateWarning(symptoms: RunSymptoms): string | undefined {
  const { history, guessingLoss, confidentlyWrong, otherCause } = symptoms;
  if (history.length === 0) return undefined;
  const first = history[0]!.trainLoss;
  const last = history[history.length - 1]!.trainLoss;
  const reasons: string[] = [];
  if (history.length > 1 && last > LOSS_GROWTH_FACTOR * first) {
    reasons.push(`the training loss rose from ${format(first)} in epoch 1 to ${format(last)}`);
  } else if (guessingLoss !== undefined && last > LOSS_GROWTH_FACTOR * guessingLoss) {
    reasons.push(`the training loss ended at ${format(last)}, far worse than guessing (${format(guessingLoss)})`);
  }
  if (confidentlyWrong >= SATURATED_SHARE) {
    reasons.push(`${Math.round(confidentlyWrong * 100)}% of the training samples ended confidently wrong (outputs saturated at 0 or 1)`);
  }
  if (reasons.length === 0) return undefined;
  return `${reasons.join('; ')}: ${otherCause ?? 'the learning rate is probably too large'}`;
}
