// Renderer: picks the host the lab runs in — Electron's preload API if present, else the browser host's WebSocket bridge.
import type { LabHost } from '../../contract/labHost.js';
import { createBrowserHost } from './browserHost.js';
import { createBudgetedHost } from './budgetedHost.js';
import { checkedHost } from './checkedHost.js';
import { createSparingHost } from './sparingHost.js';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in a plain browser. */
    lab?: LabHost;
  }
}

/**
 * The one place that knows two hosts exist; everything else sees a LabHost whose events are checked (see checkedHost),
 * that sends the engine only what it lacks (see sparingHost) and tells it the memory budget first (see budgetedHost).
 * Call `budgetChanged` when the budget the getter gives has changed.
 */
export function getHost(memoryBudget: () => number): { host: LabHost; budgetChanged: () => void } {
  const budgeted = createBudgetedHost(window.lab ?? createBrowserHost(new URL('engine', window.location.href)), memoryBudget);
  return { host: createSparingHost(checkedHost(budgeted)), budgetChanged: () => budgeted.budgetChanged() };
}
