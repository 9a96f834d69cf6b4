// The whole lab as a project, as a runes class (renderer): saving and opening it, whether any work is unsaved, and the autosave kept for after a crash.
import type { LabHost, OpenedFile } from '../../contract/labHost.js';
import { MAX_SAVE_BYTES } from '../../engine/limits.js';
import { parseProjectFile, projectFilePieces, projectFileText, type BuilderDraftWork, type Project, type ProjectLabs } from '../../engine/projectFile.js';
import type { LabSessions } from '../models/labSessions.js';
import type { KeptWork, NetworkDraft } from '../models/networkDraft.svelte.js';
import type { RunHistory } from '../models/runHistory.svelte.js';
import { describeSave, saveThroughHost } from './saveOutcome.js';
import { finishedRunsOf, leftOutNote, projectFileName, projectOf } from './projectState.js';
import { SaveTask } from './saveTask.svelte.js';
import { textInSlices } from './textInSlices.js';
import type { UserActivations } from '../models/userActivations.svelte.js';

/** What the project is made of: the labs' sessions, the builder's network and the run history. */
export interface LabParts {
  host: LabHost;
  sessions: LabSessions;
  draft: NetworkDraft<KeptWork & Partial<BuilderDraftWork>>;
  history: RunHistory;
  /** The user's own activations (the Gradients lab's), saved with the project. */
  activations: UserActivations;
  /** Asks the person whether to go on although `unsaved` would be lost; `action` says what would follow ("Open flowers.backprop-lab.json"). */
  confirmDiscard(unsaved: string, action: string): Promise<boolean>;
}

/** Work kept for after a crash: the project it would have saved, and when it was kept. */
export interface KeptSession {
  project: Project;
  keptAt: Date;
}

/** How often the unsaved work is kept for after a crash, at most. */
export const AUTOSAVE_INTERVAL_MS = 3000;

const runsText = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
const LAB_TITLES: Record<string, string> = { optimizer: 'the Optimizer lab’s paths', gradients: 'the Gradients lab’s check' };

export class LabProject {
  /** The last save or open, and how it went (shown by the Export lab and the title bar). */
  readonly task = new SaveTask();
  /** Counts the times every lab's work was replaced: the shell shows the current lab afresh when it changes. */
  generation = $state(0);
  /** Work of a session that did not end cleanly, offered until it is restored or discarded. */
  offered = $state.raw<KeptSession | null>(null);

  readonly #parts: LabParts;
  /** The run history, the network and the user's activations as they were last saved or opened, as text. */
  #saved: { runs: string; network: string; activations: string };
  /** Work restored after a crash stays unsaved until it is saved. */
  #restored = false;
  #lastKept: string | null = null;
  /** A kept copy is being written: the next keep waits for its turn, so an older copy never lands after a newer one. */
  #keeping = false;

  constructor(parts: LabParts) {
    this.#parts = parts;
    this.#saved = this.#savedParts();
  }

  /** Unsaved work in words ("2 runs and the network"), or null when everything is saved. */
  unsavedWork(): string | null {
    const { history, sessions } = this.#parts;
    const now = this.#savedParts();
    const parts: string[] = [];
    if (now.runs !== this.#saved.runs) parts.push(history.entries.length ? `${runsText(history.entries.length)} in the history` : 'the run history');
    if (now.network !== this.#saved.network) parts.push('the network being built');
    if (now.activations !== this.#saved.activations) parts.push('your activations');
    for (const name of sessions.unsavedLabs()) parts.push(LAB_TITLES[name] ?? `the ${name} lab’s work`);
    if (parts.length === 0 && this.#restored) parts.push('the work restored from the last session');
    return parts.length ? parts.join(', ') : null;
  }

  /** The project of everything now, and the serials of runs it had to leave out (their weights are not finite). */
  project(now: Date): { project: Project; leftOut: number[] } {
    const { draft, history, sessions } = this.#parts;
    const { project, leftOut } = projectOf({ name: draft.name, spec: draft.spec }, history.entries, now);
    const labs: ProjectLabs = { ...sessions.work() };
    const work = draft.work;
    if (work?.cards) labs.builder = { input: work.input ?? null, cards: work.cards, dataSet: work.dataSet ?? '' };
    const activations = this.#parts.activations.list;
    return {
      project: { ...project, ...(activations.length > 0 ? { activations: [...activations] } : {}), labs: JSON.parse(JSON.stringify(labs)) as ProjectLabs },
      leftOut,
    };
  }

  /** Saves the project: to its file in the desktop app (asking where the first time, or with `saveAs`), to the downloads in a browser. */
  async save(saveAs = false): Promise<void> {
    const { host } = this.#parts;
    const now = new Date();
    const name = projectFileName(now);
    await this.task.run(name, async () => {
      const { project, leftOut } = this.project(now);
      const bytes = new TextEncoder().encode(projectFileText(project));
      if (bytes.byteLength > MAX_SAVE_BYTES) return saveThroughHost(host, name, 'application/json', bytes);
      const file = { suggestedName: name, mime: 'application/json', bytes };
      const outcome = host.saveProject
        ? describeSave(name, await host.saveProject(file, saveAs))
        : await saveThroughHost(host, name, 'application/json', bytes);
      if (outcome.tone !== 'ok') return outcome;
      this.#markSaved();
      return { ...outcome, text: outcome.text + leftOutNote(leftOut) };
    });
  }

  /** Opens a project file's text: a file that cannot be read changes nothing; unsaved work is given up only when the person agrees. */
  async open(file: OpenedFile): Promise<void> {
    if (this.task.busy) return;
    let project: Project;
    try {
      if (file.text.length > MAX_SAVE_BYTES) throw new Error(`it is larger than ${MAX_SAVE_BYTES / (1024 * 1024)} MB`);
      project = parseProjectFile(file.text);
    } catch (error) {
      this.task.report({ tone: 'error', text: `Could not open ${file.name}: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const unsaved = this.unsavedWork();
    if (unsaved && !(await this.#parts.confirmDiscard(unsaved, `Open ${file.name}`))) {
      this.task.report({ tone: 'info', text: `Not opened: ${file.name} would have replaced your unsaved work.` });
      return;
    }
    this.#apply(project);
    this.#markSaved();
    this.#parts.host.projectOpened?.(file);
    const saved = new Date(project.savedAt).toLocaleString();
    this.task.report({ tone: 'ok', text: `Opened ${file.name} (saved ${saved}): ${runsText(project.runs.length)} and the network “${project.network.name}”.` });
  }

  // ---- after a crash -------------------------------------------------------------------------

  /** Looks for work kept by a session that did not end cleanly, and offers it. */
  async lookForKeptWork(): Promise<void> {
    const store = this.#parts.host.autosave;
    if (!store) return;
    try {
      const text = await store.read();
      if (text === null) return;
      const project = parseProjectFile(text);
      this.offered = { project, keptAt: new Date(project.savedAt) };
    } catch {
      // Kept work that cannot be read (a newer lab kept it, or it was cut short) is not offered.
    }
  }

  /** Brings back the offered work; it stays unsaved until it is saved. */
  restoreOffered(): void {
    const offered = this.offered;
    if (!offered) return;
    this.offered = null;
    this.#apply(offered.project);
    this.#restored = true;
  }

  /** Forgets the offered work for good. */
  discardOffered(): void {
    this.offered = null;
    this.#parts.host.autosave?.clear();
    this.#lastKept = null;
  }

  /** Keeps the unsaved work for after a crash when it changed since it was last kept, and forgets it once nothing is unsaved. */
  async keepForCrash(): Promise<void> {
    const store = this.#parts.host.autosave;
    if (!store || this.offered || this.#keeping) return;
    if (!this.unsavedWork()) {
      if (this.#lastKept !== null) store.clear();
      this.#lastKept = null;
      return;
    }
    const { project } = this.project(new Date());
    const marker = JSON.stringify({ ...project, savedAt: '', runs: project.runs.map((run) => run.label) }) + this.#savedParts().runs;
    if (marker === this.#lastKept) return;
    this.#lastKept = marker;
    // In the background while the labs work: the text of a project with large runs is written in slices.
    this.#keeping = true;
    try {
      await store.write(await textInSlices(projectFilePieces(project)));
    } finally {
      this.#keeping = false;
    }
  }

  /** The person chose to leave with unsaved work (or there was none): nothing is offered at the next start. */
  left(): void {
    this.#parts.host.autosave?.clear();
  }

  #savedParts(): { runs: string; network: string; activations: string } {
    const { draft, history, activations } = this.#parts;
    return {
      runs: JSON.stringify(history.entries.map((entry) => [entry.run.runId, entry.run.label])),
      network: JSON.stringify(draft.spec),
      activations: JSON.stringify(activations.list),
    };
  }

  #markSaved(): void {
    this.#saved = this.#savedParts();
    this.#parts.sessions.markSaved();
    this.#restored = false;
    this.#parts.host.autosave?.clear();
    this.#lastKept = null;
  }

  #apply(project: Project): void {
    const { draft, history, sessions } = this.#parts;
    const { builder, ...labs } = project.labs ?? {};
    draft.set(project.network.spec, project.network.name);
    if (builder) draft.keepWork({ ...builder, draftSpec: JSON.stringify(draft.spec) } as KeptWork & Partial<BuilderDraftWork>);
    const stamp = Date.now().toString(36);
    history.replaceAll(finishedRunsOf(project, (i) => `opened-${stamp}-${i + 1}`));
    this.#parts.activations.replace(project.activations ?? []);
    sessions.replace(labs);
    this.generation += 1;
  }
}
