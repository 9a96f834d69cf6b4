// The labs' sessions, kept by the shell as long as the window (renderer): a lab takes its state from here, so switching labs loses nothing.
import { getContext, setContext } from 'svelte';
import type { LabWorkName, ProjectLabs } from '../../engine/projectFile.js';

/** How a lab's session goes into a project file and comes back from one. */
export interface WorkAdapter<Session, Work> {
  /** The session's work as the project keeps it (plain data). */
  save(session: Session): Work;
  /** Puts saved work into a fresh session, before the lab shows it. */
  restore(session: Session, work: Work): void;
  /**
   * The part of the work that would be lost unsaved — its results (paths, reports), not its settings, which a lab also
   * changes by itself while it loads — or undefined when it has none. Absent: nothing to lose.
   */
  results?(work: Work): unknown;
}

type AnyAdapter = WorkAdapter<unknown, unknown>;

/**
 * One session per lab, created the first time the lab is shown and kept until a project replaces the labs' work.
 * Work read from a project (or an autosave) waits here until its lab is next shown, and is saved again as it is if the
 * lab is never opened.
 */
export class LabSessions {
  readonly #live = new Map<string, { session: unknown; adapter: AnyAdapter | undefined }>();
  #waiting: ProjectLabs = {};
  /** Each live lab's results as text when they were last saved, read, or the lab was created. */
  readonly #savedResults = new Map<string, string | undefined>();

  /** The session kept under `name`, created by `create` (and given any waiting work) the first time. */
  keep<Session>(name: string, create: () => Session): Session;
  keep<Session, Name extends LabWorkName>(name: Name, create: () => Session, adapter: WorkAdapter<Session, NonNullable<ProjectLabs[Name]>>): Session;
  keep<Session>(name: string, create: () => Session, adapter?: WorkAdapter<Session, unknown>): Session {
    const live = this.#live.get(name);
    if (live) return live.session as Session;
    const session = create();
    const waiting = this.#waiting[name as LabWorkName];
    if (adapter && waiting !== undefined) {
      adapter.restore(session, waiting);
      delete this.#waiting[name as LabWorkName];
    }
    const kept = { session, adapter: adapter as AnyAdapter | undefined };
    this.#live.set(name, kept);
    this.#savedResults.set(name, resultsText(kept));
    return session;
  }

  /** Every lab's work now: each live session's, and the waiting work of labs not shown since it was read. */
  work(): ProjectLabs {
    const work: Record<string, unknown> = { ...this.#waiting };
    for (const [name, { session, adapter }] of this.#live) if (adapter) work[name] = adapter.save(session);
    return work as ProjectLabs;
  }

  /** The labs whose results changed since they were created, read or last saved (see WorkAdapter.results). */
  unsavedLabs(): string[] {
    return [...this.#live].filter(([name, kept]) => resultsText(kept) !== this.#savedResults.get(name)).map(([name]) => name);
  }

  /** Takes every lab's results as they are now for saved. */
  markSaved(): void {
    for (const [name, kept] of this.#live) this.#savedResults.set(name, resultsText(kept));
  }

  /** Replaces every lab's work: the sessions are let go, and each lab starts from `work` (or fresh) when it is next shown. */
  replace(work: ProjectLabs): void {
    this.#live.clear();
    this.#savedResults.clear();
    this.#waiting = { ...work };
  }
}

/** A live session's results as text, or undefined when it has none. */
function resultsText({ session, adapter }: { session: unknown; adapter: AnyAdapter | undefined }): string | undefined {
  const results = adapter?.results?.(adapter.save(session));
  return results === undefined ? undefined : JSON.stringify(results);
}

const KEY = Symbol('lab sessions');

/** Lets every lab below the calling component (the shell) keep its session in `sessions`. */
export function provideLabSessions(sessions: LabSessions): LabSessions {
  return setContext(KEY, sessions);
}

/** The lab's session from the shell's LabSessions (call it while the lab's component is created); a lab shown alone gets a fresh one. */
export function labSession<Session>(name: string, create: () => Session): Session;
export function labSession<Session, Name extends LabWorkName>(
  name: Name,
  create: () => Session,
  adapter: WorkAdapter<Session, NonNullable<ProjectLabs[Name]>>,
): Session;
export function labSession<Session>(name: string, create: () => Session, adapter?: WorkAdapter<Session, any>): Session {
  const sessions = getContext<LabSessions | undefined>(KEY);
  if (!sessions) return create();
  return adapter ? sessions.keep(name as LabWorkName, create, adapter) : sessions.keep(name, create);
}
