// The app's engine settings as a runes class (renderer): the engine's memory budget, kept in the page's local storage.
import { DEFAULT_MEMORY_BUDGET } from '../../engine/limits.js';

const STORAGE_KEY = 'backprop-lab.engine-memory-budget';
const MIB = 1024 * 1024;

/** The storage the settings live in, where the page has one (a private window or a test may have none). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The engine's memory budget the user chose (DEFAULT_MEMORY_BUDGET until then), remembered across sessions. */
export class EngineSettings {
  #memoryBytes = $state(DEFAULT_MEMORY_BUDGET);

  constructor() {
    const stored = Number(storage()?.getItem(STORAGE_KEY));
    if (Number.isInteger(stored) && stored > 0) this.#memoryBytes = stored;
  }

  get memoryBytes(): number {
    return this.#memoryBytes;
  }

  get memoryMegabytes(): number {
    return Math.round(this.#memoryBytes / MIB);
  }

  /** Sets the budget (already checked against MEMORY_BUDGET_RANGE) and remembers it. */
  setMemoryBytes(bytes: number): void {
    this.#memoryBytes = bytes;
    try {
      storage()?.setItem(STORAGE_KEY, String(bytes));
    } catch {
      // Storage full or refused: the budget holds for this session.
    }
  }
}
