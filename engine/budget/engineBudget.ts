// The engine's budget for one connection's work — its memory, set by the user — and the request that sets it; pure, any process.
import { z } from 'zod';
import { DEFAULT_MEMORY_BUDGET, formatSize, MEMORY_BUDGET_RANGE } from '../limits.js';

/** The memory budget an engine costs requests against (MAX_REQUEST_MULTIPLY_ADDS and MAX_EXPRESSION_EVALUATIONS are fixed). */
export interface EngineBudget {
  memoryBytes: number;
}

export const DEFAULT_BUDGET: EngineBudget = { memoryBytes: DEFAULT_MEMORY_BUDGET };

/** A memory budget in bytes, within MEMORY_BUDGET_RANGE. */
export const MemoryBudgetSchema = z
  .number()
  .int()
  .min(MEMORY_BUDGET_RANGE.min, `the memory budget must be at least ${formatSize(MEMORY_BUDGET_RANGE.min)}`)
  .max(MEMORY_BUDGET_RANGE.max, `the memory budget can be at most ${formatSize(MEMORY_BUDGET_RANGE.max)}`);

/** Where a user raises the budget, as every over-budget message says it (the app and the command line alike). */
export const RAISE_BUDGET_ADVICE = "or raise the engine's memory budget (Settings in the app, --memory-limit on the command line)";

/** "1024" (MB, as a user types it) → bytes, or why not; the CLI's --memory-limit and the app's Settings field both read it so. */
export function parseMemoryBudgetMegabytes(text: string): { bytes: number } | { message: string } {
  const megabytes = Number(text);
  if (text.trim() === '' || !Number.isFinite(megabytes)) return { message: `${JSON.stringify(text)} is not a number of megabytes` };
  const parsed = MemoryBudgetSchema.safeParse(Math.round(megabytes * 1024 * 1024));
  return parsed.success ? { bytes: parsed.data } : { message: parsed.error.issues[0]!.message };
}
