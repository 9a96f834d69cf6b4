// Holds every request to the engine's budget before it allocates or loops, and keeps the memory of the work in progress; pure, any process.
import { ENGINE_BASE_BYTES, formatCount, formatSize } from '../limits.js';
import type { SpecIssue } from '../network/specIssue.js';
import { DEFAULT_BUDGET, RAISE_BUDGET_ADVICE, type EngineBudget } from './engineBudget.js';
import type { RequestCost } from './requestCost.js';

/** A request refused for its cost: the field at fault and a message with the cost and the limit. */
export type BudgetIssue = SpecIssue;

/**
 * One connection's budget: its memory (set by engine.configure or the process's options) and the fixed work limits.
 * Work in progress holds its memory until it ends, so two requests together stay within the budget too.
 */
export class BudgetGuard {
  #budget: EngineBudget;
  #held = 0;

  constructor(budget: EngineBudget = DEFAULT_BUDGET) {
    this.#budget = budget;
  }

  get budget(): EngineBudget {
    return this.#budget;
  }

  set budget(budget: EngineBudget) {
    this.#budget = budget;
  }

  /** Bytes held by work in progress. */
  get held(): number {
    return this.#held;
  }

  /** Why `cost` cannot run now, at its field, with the cost and the limit in the message; undefined when it fits. */
  issue(cost: RequestCost): BudgetIssue | undefined {
    const { work, memory } = cost;
    const forRequests = Math.max(0, this.#budget.memoryBytes - ENGINE_BASE_BYTES);
    const needs = `${cost.what} needs about ${formatSize(memory.bytes)} of memory (${memory.detail})`;
    if (memory.bytes > forRequests) {
      return {
        field: memory.field,
        message: `${needs}; the engine's memory budget is ${formatSize(this.#budget.memoryBytes)}, ${formatSize(ENGINE_BASE_BYTES)} of it for the engine itself — ${memory.advice}, ${RAISE_BUDGET_ADVICE}`,
      };
    }
    if (work && work.amount > work.limit) {
      return {
        field: work.field,
        message: `${cost.what} needs about ${formatCount(work.amount)} ${work.unit} (${work.detail}); the engine does at most ${formatCount(work.limit)} ${work.per} — ${work.advice}`,
      };
    }
    if (memory.bytes > forRequests - this.#held) {
      return {
        field: memory.field,
        message: `${needs}; the engine's memory budget is ${formatSize(this.#budget.memoryBytes)} and work in progress holds ${formatSize(this.#held)} of it — wait for that work to finish or stop it`,
      };
    }
    return undefined;
  }

  /** Checks `cost` and, when it fits, holds its memory until `release` is called (once). */
  admit(cost: RequestCost): { issue: BudgetIssue } | { release: () => void } {
    const issue = this.issue(cost);
    if (issue) return { issue };
    const bytes = cost.memory.bytes;
    this.#held += bytes;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.#held -= bytes;
      },
    };
  }
}
