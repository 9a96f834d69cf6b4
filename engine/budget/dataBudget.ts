// Holds large data (image files) to the engine's memory budget before it is allocated: its cost and the error that refuses it; pure, any process.
import type { BudgetGuard, BudgetIssue } from './budgetGuard.js';
import type { RequestCost } from './requestCost.js';

/** Data refused for its size: the budget's issue, at the data source's field. */
export class DataOverBudgetError extends Error {
  constructor(readonly issue: BudgetIssue) {
    super(issue.message);
    this.name = 'DataOverBudgetError';
  }
}

/** What prepared data of `bytes` costs: its memory, pointed at the data source, with what to change. */
export function dataCost(cost: { bytes: number; detail: string }): RequestCost {
  return {
    what: 'the data',
    memory: {
      bytes: cost.bytes,
      field: 'dataSet',
      detail: cost.detail,
      advice: 'use fewer training images (a train size: --train-size, or the Train size field)',
    },
  };
}

/** An admitMemory for the data loader: throws a DataOverBudgetError when the data does not fit what `budget` has left. */
export function admitDataTo(budget: BudgetGuard): (cost: { bytes: number; detail: string }) => void {
  return (cost) => {
    const issue = budget.issue(dataCost(cost));
    if (issue) throw new DataOverBudgetError(issue);
  };
}
