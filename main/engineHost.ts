// Wires each renderer page straight to its own engine utility process with a MessageChannelMain, then steps aside (main process).
//
// Why main is not in the middle: every training event (epoch metrics, batch losses, weights as typed arrays)
// goes renderer ⇄ engine over the port; relaying it through main would copy each message twice and let a busy
// main process stall the UI. Main only hands out ports, watches each engine's heartbeat on the process's own
// channel, and reports the engine's status (ready / unresponsive / crashed).
import { app, ipcMain, MessageChannelMain, type IpcMainEvent, type MessagePortMain } from 'electron';
import type { AppModule } from './appModule.js';
import type { AppPaths } from './appPaths.js';
import { EnginePages } from './enginePages.js';
import { forkEngineProcess } from './engineProcess.js';
import { superviseEngine } from './engineSupervisor.js';
import { IPC_CHANNELS } from './ipcChannels.js';
import { isOurRenderer } from './senderCheck.js';

/** Gives each page load a fresh engine and a port to it, restarts a crashed or hung one, and stops a closed page's. */
export function engineHost(paths: AppPaths): AppModule {
  return {
    name: 'engine host',
    enable() {
      const pages = new EnginePages<MessagePortMain>({
        supervise: (callbacks) =>
          superviseEngine({ fork: () => forkEngineProcess({ entry: paths.engineEntry, env: { BACKPROP_LAB_ASSETS: paths.assets } }), ...callbacks }),
        newChannel: () => {
          const { port1, port2 } = new MessageChannelMain();
          return { enginePort: port1, pagePort: port2 };
        },
      });

      ipcMain.on(IPC_CHANNELS.engineConnect, (event: IpcMainEvent) => {
        if (!isOurRenderer(event, paths)) return;
        const page = event.sender;
        const pageId = page.id;
        if (!pages.engineOf(pageId)) page.once('destroyed', () => pages.closed(pageId));
        void app.whenReady().then(() =>
          pages.connect(pageId, {
            sendStatus: (status) => page.send(IPC_CHANNELS.engineStatus, status),
            sendPort: (port) => page.postMessage(IPC_CHANNELS.enginePort, null, [port]),
            isGone: () => page.isDestroyed(),
          }),
        );
      });

      app.on('will-quit', () => pages.stopAll());
    },
  };
}
