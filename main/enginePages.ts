// One engine process per page: a page that loads (or reloads) gets a fresh engine, never one busy with an earlier page's work (plain Node, main process; no Electron import).
import type { EngineStatus } from '../contract/labHost.js';
import type { EngineSupervisor, EngineSupervisorOptions } from './engineSupervisor.js';

/** How main reaches one page (a WebContents behind engineHost.ts; a fake in tests). */
export interface PageLink<Port> {
  sendStatus(status: EngineStatus): void;
  /** Hands the page its end of a fresh channel to its engine. */
  sendPort(port: Port): void;
  isGone(): boolean;
}

export interface EnginePagesOptions<Port> {
  /** Starts and supervises an engine (superviseEngine with the utility-process fork). */
  supervise(callbacks: Pick<EngineSupervisorOptions<Port>, 'onStatus' | 'onRestart'>): EngineSupervisor<Port>;
  /** A new channel: one end for the engine, one for the page. */
  newChannel(): { enginePort: Port; pagePort: Port };
}

/**
 * The engines of the app's pages, by page id. A page asks for its engine once per load: a reload stops the engine
 * the page had (whatever it was doing) and starts a fresh one; a new window gets its own; a closed page's engine stops.
 * After a crash the page hears 'crashed' before the fresh engine's port, and 'ready' after it (one IPC pipe keeps that order).
 */
export class EnginePages<Port> {
  readonly #options: EnginePagesOptions<Port>;
  readonly #pages = new Map<number, { link: PageLink<Port>; engine: EngineSupervisor<Port> }>();

  constructor(options: EnginePagesOptions<Port>) {
    this.#options = options;
  }

  /** The page `pageId` has loaded and asks for its engine. */
  connect(pageId: number, link: PageLink<Port>): void {
    this.#pages.get(pageId)?.engine.stop();
    const send = (status: EngineStatus) => {
      if (!link.isGone()) link.sendStatus(status);
    };
    const engine = this.#options.supervise({
      onStatus: send,
      onRestart: () => this.#handOver(link, engine),
    });
    this.#pages.set(pageId, { link, engine });
    this.#handOver(link, engine);
  }

  /** The page is gone (its window closed): its engine stops. */
  closed(pageId: number): void {
    this.#pages.get(pageId)?.engine.stop();
    this.#pages.delete(pageId);
  }

  /** The app quits. */
  stopAll(): void {
    for (const { engine } of this.#pages.values()) engine.stop();
    this.#pages.clear();
  }

  /** The engine of a page, if it has one (for tests and diagnostics). */
  engineOf(pageId: number): EngineSupervisor<Port> | undefined {
    return this.#pages.get(pageId)?.engine;
  }

  #handOver(link: PageLink<Port>, engine: EngineSupervisor<Port>): void {
    if (link.isGone()) return;
    const { enginePort, pagePort } = this.#options.newChannel();
    engine.connect(enginePort);
    link.sendPort(pagePort);
    link.sendStatus({ state: 'ready' });
  }
}
