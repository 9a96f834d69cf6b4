// A map bounded by an entry count and a byte budget that lets go of the least recently used entries first; pure, any process.

export interface CacheLimits {
  /** The most entries kept. */
  maxEntries: number;
  /** The most bytes kept, as `sizeOf` counts them; an entry larger than this on its own is not kept at all. */
  maxBytes: number;
}

/** Entries by key, each with its size; `get` and `set` make an entry the most recently used. */
export class LruCache<V> {
  readonly #limits: CacheLimits;
  readonly #sizeOf: (value: V) => number;
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(limits: CacheLimits, sizeOf: (value: V) => number) {
    this.#limits = limits;
    this.#sizeOf = sizeOf;
  }

  /** The number of entries kept. */
  get size(): number {
    return this.#entries.size;
  }
  /** The bytes kept, as `sizeOf` counts them. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The entry under `key` (now the most recently used), or undefined. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Keeps `value` under `key` (replacing any entry there), then lets go of the least recently used until within the limits. */
  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.#sizeOf(value);
    if (bytes > this.#limits.maxBytes || this.#limits.maxEntries < 1) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxEntries && this.#bytes <= this.#limits.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** The keys, least recently used first. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }
}
