// The data as a run would see it — sizes, class balance, images or points — asked of the engine as the data choice changes, as a runes class (renderer).
import type { DataPreview as DataPreviewRequest, DataPreviewed } from '../../engine/protocol/dataPreview.js';
import type { EngineRequests } from '../host/engineRequests.js';

/** What data.preview is asked about. */
export type PreviewSubject = Omit<DataPreviewRequest, 'type' | 'requestId'>;

export class DataPreview {
  #answer = $state.raw<DataPreviewed | null>(null);
  #failure = $state<string | null>(null);
  #loading = $state(false);
  #asked = 0;

  /** The latest answer (possibly for an earlier choice while a new one is awaited). */
  get answer(): DataPreviewed | null {
    return this.#answer;
  }
  /** Why the engine could not prepare the data. */
  get failure(): string | null {
    return this.#failure;
  }
  get loading(): boolean {
    return this.#loading;
  }

  /** Asks for the data `subject` describes (nothing when it is null); only the latest answer is kept. */
  async load(requests: EngineRequests, subject: PreviewSubject | null): Promise<void> {
    if (!subject) return;
    const asked = ++this.#asked;
    this.#loading = true;
    try {
      const answer = await requests.ask({ type: 'data.preview', ...subject }, 'data.previewed');
      if (asked !== this.#asked) return;
      this.#answer = answer;
      this.#failure = null;
    } catch (error) {
      if (asked !== this.#asked) return;
      this.#answer = null;
      this.#failure = error instanceof Error ? error.message : String(error);
    } finally {
      if (asked === this.#asked) this.#loading = false;
    }
  }
}
