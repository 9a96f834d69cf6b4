// Renderer: picks the host the lab runs in — Electron's preload API if present, else the browser host's WebSocket bridge.
import type { LabHost } from '../../contract/labHost.js';
import { createBrowserHost } from './browserHost.js';
import { createBrowserWorkStore } from './browserWorkStore.js';
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
 * Call `budgetChanged` when the budget the getter gives has changed. The host's project files, menu and kept work pass
 * as they are.
 */
export function getHost(memoryBudget: () => number): { host: LabHost; budgetChanged: () => void } {
  const raw = window.lab ?? createBrowserHost(new URL('engine', window.location.href));
  const budgeted = createBudgetedHost(raw, memoryBudget);
  const autosave = raw.autosave ?? (window.lab ? undefined : createBrowserWorkStore(new URL('autosave', window.location.href)));
  const host: LabHost = {
    ...createSparingHost(checkedHost(budgeted)),
    ...(autosave ? { autosave } : {}),
    ...(raw.saveProject ? { saveProject: (file, saveAs) => raw.saveProject!(file, saveAs) } : {}),
    ...(raw.openProjectFile ? { openProjectFile: () => raw.openProjectFile!() } : {}),
    ...(raw.chooseImageFolder ? { chooseImageFolder: (current) => raw.chooseImageFolder!(current) } : {}),
    ...(raw.onCommand ? { onCommand: (listener) => raw.onCommand!(listener) } : {}),
    ...(raw.onOpenFile ? { onOpenFile: (listener) => raw.onOpenFile!(listener) } : {}),
    ...(raw.projectOpened ? { projectOpened: (file) => raw.projectOpened!(file) } : {}),
  };
  return { host, budgetChanged: () => budgeted.budgetChanged() };
}
