// The host contract: what every host (Electron's preload, the browser host's bridge) gives the renderer; any process.
import type { EngineEvent, EngineRequest } from '../engine/protocol/index.js';
import type { SaveFileRequest, SaveFileResult } from './saveFile.js';

/**
 * ready: an engine is listening (again); crashed: it died or was replaced (any run in flight has failed) and a fresh one
 * is being started; unresponsive: it has not answered the host's heartbeat for a few seconds while it had work (it is
 * replaced, as after a crash, if it stays silent).
 */
export type EngineStatus = { state: 'ready' } | { state: 'crashed'; message: string } | { state: 'unresponsive'; message: string };

/**
 * What every host (Electron's preload as `window.lab`, or the browser host's WebSocket bridge) gives the renderer.
 * The renderer talks to the engine only through this, and never learns which host it has.
 */
export interface LabHost {
  /** Which host this is, for the About box only. */
  readonly kind: 'electron' | 'browser';
  /** Sends a request to the engine. */
  send(request: EngineRequest): void;
  /** Subscribes to engine events as they arrive (the renderer checks each once against the protocol); returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Subscribes to the engine process's status; returns the unsubscribe function. */
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /**
   * Saves a file the user asked for. The desktop app asks where (a save dialog) and writes it atomically (a temporary
   * file, then a rename); the browser hands it to the browser's downloads.
   */
  saveFile(file: SaveFileRequest): Promise<SaveFileResult>;
}
