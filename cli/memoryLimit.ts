// The --memory-limit option every command takes: the engine's memory budget in megabytes (Node, the CLI process).
import { parseMemoryBudgetMegabytes, type EngineBudget } from '../engine/budget/engineBudget.js';
import { UsageError } from './usageError.js';

export const MEMORY_LIMIT_OPTION = { 'memory-limit': { type: 'string' } } as const;

/** The budget --memory-limit MB asks for (the engine's default without it), or a UsageError naming the option. */
export function toMemoryBudget(text: string | undefined): EngineBudget | undefined {
  if (text === undefined) return undefined;
  const parsed = parseMemoryBudgetMegabytes(text);
  if ('message' in parsed) throw new UsageError(`--memory-limit: ${parsed.message}`);
  return { memoryBytes: parsed.bytes };
}
