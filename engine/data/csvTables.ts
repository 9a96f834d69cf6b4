// The CSV tables an engine has read, kept by the SHA-256 of their text so a file is sent and parsed once; pure, any process.
import { LruCache, type CacheLimits } from '../lruCache.js';
import type { CsvDataSource, CsvTableSource } from './dataSource.js';
import { parseLabelledCsv, type LabelledTable } from './labelledCsv.js';
import { sha256Hex } from './sha256.js';

/** A few tables, and at most 512 MB of their values. */
export const TABLE_CACHE_LIMITS: CacheLimits = { maxEntries: 4, maxBytes: 512 * 1024 * 1024 };

/** The engine no longer has (or never had) the table a source names by its hash. */
export class UnknownTableError extends Error {
  readonly code = 'unknown-table';
  constructor(source: CsvTableSource) {
    super(`the engine no longer has the table of ${source.fileName} (it restarted or let it go); send the file's text again`);
    this.name = 'UnknownTableError';
  }
}

/** The bytes a parsed table holds: its values, labels and names. */
export function tableBytes(table: LabelledTable): number {
  const names = [...table.featureNames, table.labelName, ...table.classes].reduce((sum, name) => sum + 2 * name.length, 0);
  return table.features.byteLength + table.labels.byteLength + names;
}

export interface CsvTables {
  /**
   * The table of a CSV source: parsed from its text (and kept under the text's hash and the label column), or the kept
   * table it names. @throws UnknownTableError for a name not kept; the parser's Error for a malformed file.
   */
  tableOf(source: CsvDataSource | CsvTableSource): LabelledTable;
  /**
   * Holds on to the table a request names for as long as the request object lives, so it cannot be let go while the
   * request waits; false when the table is not kept.
   */
  hold(source: CsvTableSource): boolean;
}

const keyOf = (hash: string, labelColumn: string | undefined): string => `${hash}\n${labelColumn ?? ''}`;

/** A cache of parsed tables within `limits` (least recently used let go first). */
export function createCsvTables(limits: CacheLimits = TABLE_CACHE_LIMITS): CsvTables & { readonly cache: LruCache<LabelledTable> } {
  const cache = new LruCache<LabelledTable>(limits, tableBytes);
  const held = new WeakMap<CsvTableSource, LabelledTable>();
  return {
    cache,
    tableOf(source) {
      if ('text' in source) {
        const key = keyOf(sha256Hex(source.text), source.labelColumn);
        const kept = cache.get(key);
        if (kept) return kept;
        const table = parseLabelledCsv(source.text, source.labelColumn);
        cache.set(key, table);
        return table;
      }
      const table = held.get(source) ?? cache.get(keyOf(source.table, source.labelColumn));
      if (!table) throw new UnknownTableError(source);
      return table;
    },
    hold(source) {
      const table = cache.get(keyOf(source.table, source.labelColumn));
      if (table) held.set(source, table);
      return table !== undefined;
    },
  };
}
