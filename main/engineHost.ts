// Wires the renderer straight to the engine's utility process with a MessageChannelMain, then steps aside (main process).
//
// Why main is not in the middle: every training event (epoch metrics, batch losses, weights as typed arrays)
// goes renderer ⇄ engine over the port; relaying it through main would copy each message twice and let a busy
// main process stall the UI. Main only hands out ports and reports the engine's status (ready / crashed).
import { app, ipcMain, MessageChannelMain, type IpcMainEvent, type WebContents } from 'electron';
import type { EngineStatus } from '../contract/labHost.js';
import type { AppModule } from './appModule.js';
import type { AppPaths } from './appPaths.js';
import { startEngineProcess, type EngineProcess } from './engineProcess.js';
import { IPC_CHANNELS } from './ipcChannels.js';
import { isOurRenderer } from './senderCheck.js';

/** Forks the engine at start, gives each page load a fresh port to it, and restarts it after a crash. */
export function engineHost(paths: AppPaths): AppModule {
  return {
    name: 'engine host',
    enable() {
      let page: WebContents | null = null;
      let engine: EngineProcess | null = null;

      const sendStatus = (status: EngineStatus) => {
        if (page && !page.isDestroyed()) page.send(IPC_CHANNELS.engineStatus, status);
      };

      /** A new channel: one end to the engine (replacing its old port), the other to the page's preload. */
      const connectPage = () => {
        if (!engine || !page || page.isDestroyed()) return;
        const { port1, port2 } = new MessageChannelMain();
        engine.connect(port1);
        page.postMessage(IPC_CHANNELS.enginePort, null, [port2]);
        sendStatus({ state: 'ready' });
      };

      ipcMain.on(IPC_CHANNELS.engineConnect, (event: IpcMainEvent) => {
        if (!isOurRenderer(event, paths)) return;
        page = event.sender;
        connectPage();
      });

      void app.whenReady().then(() => {
        engine = startEngineProcess({
          entry: paths.engineEntry,
          env: { BACKPROP_LAB_ASSETS: paths.assets },
          // Ordering matters to the preload: the crash status goes out before the new port, and 'ready' after it.
          onCrash: (message) => sendStatus({ state: 'crashed', message }),
          onRestart: connectPage,
        });
        connectPage();
      });

      app.on('will-quit', () => engine?.stop());
    },
  };
}
