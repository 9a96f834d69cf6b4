// The host contract: what every host (Electron's preload, the browser host's bridge) gives the renderer; any process.
import type { EngineEvent, EngineRequest } from '../engine/protocol/index.js';
import type { LabCommandId } from './labCommands.js';
import type { SaveFileRequest, SaveFileResult } from './saveFile.js';

/**
 * ready: an engine is listening (again); crashed: it died or was replaced (any run in flight has failed) and a fresh one
 * is being started; unresponsive: it has not answered the host's heartbeat for a few seconds while it had work (it is
 * replaced, as after a crash, if it stays silent).
 */
export type EngineStatus = { state: 'ready' } | { state: 'crashed'; message: string } | { state: 'unresponsive'; message: string };

/** A project file's name and text, as the host read it. */
export interface OpenedFile {
  name: string;
  text: string;
  /** Where the desktop app read it: once the page has opened it, Save writes back there. */
  path?: string;
}

/**
 * Where the lab keeps the work of a session not yet saved, so that it can be offered back after a crash: one text,
 * written atomically in the app's data folder (the desktop app's, or the browser host's).
 */
export interface WorkStore {
  /** The kept text, or null when there is none. */
  read(): Promise<string | null>;
  /** Replaces the kept text; the previous one stays whole until the new one is complete. */
  write(text: string): Promise<void>;
  /** Forgets the kept text (the work was saved, or the person chose to discard it); safe while the page unloads. */
  clear(): void;
}

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
  /** Keeps the unsaved work of this session for after a crash; absent where the host has no data folder. */
  readonly autosave?: WorkStore;
  /**
   * The desktop app's project files: `saveAs` false writes to the file the project was opened from or last saved to
   * (asking where only the first time), true always asks. Absent in the browser, where a project is a download.
   */
  saveProject?(file: SaveFileRequest, saveAs: boolean): Promise<SaveFileResult>;
  /** The desktop app's open dialog for a project file; null when it was closed. Absent in the browser (a file input instead). */
  openProjectFile?(): Promise<OpenedFile | null>;
  /**
   * The desktop app's folder dialog for a folder of image files, opening at `current` when it is a folder path; the chosen
   * folder's path, or null when the dialog was closed. Absent in the browser, which never tells a page where a folder is.
   */
  chooseImageFolder?(current: string | null): Promise<string | null>;
  /** Subscribes to the desktop menu's commands; returns the unsubscribe function. */
  onCommand?(listener: (command: LabCommandId) => void): () => void;
  /** Subscribes to project files the system asks the app to open (a double-click, the command line); returns the unsubscribe function. */
  onOpenFile?(listener: (file: OpenedFile) => void): () => void;
  /** Tells the desktop app that the page opened `file` (read by the app), so that Save writes back to it. */
  projectOpened?(file: OpenedFile): void;
}
