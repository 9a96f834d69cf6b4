// Forks the engine as an Electron utility process and presents it as the supervisor's EngineChild (main process).
import { utilityProcess, type MessagePortMain } from 'electron';
import { ENGINE_SERVICE_NAME } from './engineServiceName.js';
import type { EngineChild } from './engineSupervisor.js';

export interface EngineProcessOptions {
  /** The compiled utility-process entry of the engine. */
  entry: string;
  /** Extra environment for the engine, on top of main's own. */
  env: Record<string, string>;
}

/** Starts one engine utility process. */
export function forkEngineProcess(options: EngineProcessOptions): EngineChild<MessagePortMain> {
  const child = utilityProcess.fork(options.entry, [], {
    serviceName: ENGINE_SERVICE_NAME,
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  return {
    get pid() {
      return child.pid;
    },
    connect: (port) => child.postMessage({ type: 'connect' }, [port]),
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', listener),
    kill: () => {
      child.kill();
    },
  };
}
