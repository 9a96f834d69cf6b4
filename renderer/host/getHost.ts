// Renderer: picks the host the lab runs in — Electron's preload API if present, else the browser host's WebSocket bridge.
import type { LabHost } from '../../contract/labHost.js';
import { createBrowserHost } from './browserHost.js';
import { createBrowserWorkStore } from './browserWorkStore.js';
import { checkedHost } from './checkedHost.js';
import { createSparingHost } from './sparingHost.js';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in a plain browser. */
    lab?: LabHost;
  }
}

/**
 * The one place that knows two hosts exist; everything else sees a LabHost whose events are checked (see checkedHost)
 * and that sends the engine only what it lacks (see sparingHost). The host's files, menu and kept work pass as they are.
 */
export function getHost(): LabHost {
  const host = window.lab ?? createBrowserHost(new URL('engine', window.location.href));
  const autosave = host.autosave ?? (window.lab ? undefined : createBrowserWorkStore(new URL('autosave', window.location.href)));
  return {
    ...createSparingHost(checkedHost(host)),
    ...(autosave ? { autosave } : {}),
    ...(host.saveProject ? { saveProject: (file, saveAs) => host.saveProject!(file, saveAs) } : {}),
    ...(host.openProjectFile ? { openProjectFile: () => host.openProjectFile!() } : {}),
    ...(host.onCommand ? { onCommand: (listener) => host.onCommand!(listener) } : {}),
    ...(host.onOpenFile ? { onOpenFile: (listener) => host.onOpenFile!(listener) } : {}),
    ...(host.projectOpened ? { projectOpened: (file) => host.projectOpened!(file) } : {}),
  };
}
