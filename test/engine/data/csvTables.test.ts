// The engine's cache of parsed CSV tables: named by the SHA-256 of the text, parsed once, let go by count and budget, and a clear miss.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCsvTables, tableBytes, UnknownTableError } from '../../../engine/data/csvTables.js';
import { sha256Hex } from '../../../engine/data/sha256.js';

const csv = (rows: number, offset = 0) => ['a,b,label', ...Array.from({ length: rows }, (_, i) => `${i + offset},${2 * i},${i % 2}`)].join('\n');
const nodeSha256 = (text: string) => createHash('sha256').update(new TextEncoder().encode(text)).digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['the empty text', ''],
    ['one block', 'abc'],
    ['55 and 56 bytes, either side of the padding boundary', 'a'.repeat(55) + '|' + 'b'.repeat(56)],
    ['exactly 64 bytes', 'c'.repeat(64)],
    ['accents, a euro sign, an emoji and a lone surrogate', 'héllo € 😀 \ud800 x'],
    ['a CSV of many rows', csv(5000)],
  ])('equals node:crypto on the UTF-8 bytes for %s', (_, text) => {
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });
});

describe('the CSV table cache', () => {
  it('parses a text once and then answers the same table for its text or for its hash', () => {
    const tables = createCsvTables();
    const text = csv(10);
    const first = tables.tableOf({ kind: 'csv', fileName: 'a.csv', text });
    expect(tables.tableOf({ kind: 'csv', fileName: 'a.csv', text })).toBe(first);
    expect(tables.tableOf({ kind: 'csv', fileName: 'renamed.csv', table: sha256Hex(text) })).toBe(first);
    expect(first.size).toBe(10);
  });

  it('keeps a table per label column', () => {
    const tables = createCsvTables();
    const text = csv(10);
    const byLast = tables.tableOf({ kind: 'csv', fileName: 'a.csv', text });
    const byA = tables.tableOf({ kind: 'csv', fileName: 'a.csv', text, labelColumn: 'b' });
    expect(byA.labelName).toBe('b');
    expect(tables.tableOf({ kind: 'csv', fileName: 'a.csv', table: sha256Hex(text) })).toBe(byLast);
    expect(() => tables.tableOf({ kind: 'csv', fileName: 'a.csv', table: sha256Hex(text), labelColumn: 'a' })).toThrow(UnknownTableError);
  });

  it('answers a hash it does not keep with an UnknownTableError naming the file', () => {
    const tables = createCsvTables();
    const miss = () => tables.tableOf({ kind: 'csv', fileName: 'gone.csv', table: '0'.repeat(64) });
    expect(miss).toThrow(UnknownTableError);
    expect(miss).toThrow(/no longer has the table of gone\.csv.*send the file's text again/);
  });

  it('lets go of the least recently used table beyond its count', () => {
    const tables = createCsvTables({ maxEntries: 2, maxBytes: 1e9 });
    const texts = [csv(10, 0), csv(10, 100), csv(10, 200)];
    for (const text of texts) tables.tableOf({ kind: 'csv', fileName: 'x.csv', text });
    expect(tables.cache.size).toBe(2);
    expect(() => tables.tableOf({ kind: 'csv', fileName: 'x.csv', table: sha256Hex(texts[0]!) })).toThrow(UnknownTableError);
    expect(tables.tableOf({ kind: 'csv', fileName: 'x.csv', table: sha256Hex(texts[2]!) }).size).toBe(10);
  });

  it('keeps tables within its byte budget, and still answers a table too large to keep', () => {
    const one = createCsvTables().tableOf({ kind: 'csv', fileName: 'x.csv', text: csv(100) });
    const tables = createCsvTables({ maxEntries: 10, maxBytes: Math.floor(tableBytes(one) * 1.5) });
    tables.tableOf({ kind: 'csv', fileName: 'x.csv', text: csv(100, 0) });
    tables.tableOf({ kind: 'csv', fileName: 'x.csv', text: csv(100, 1000) });
    expect(tables.cache.size).toBe(1);
    expect(tables.cache.bytes).toBeLessThanOrEqual(Math.floor(tableBytes(one) * 1.5));
    const large = tables.tableOf({ kind: 'csv', fileName: 'big.csv', text: csv(1000) });
    expect(large.size).toBe(1000);
    expect(tables.cache.size).toBe(1);
  });

  it('holds the table a request names even if the cache lets go of it meanwhile', () => {
    const tables = createCsvTables({ maxEntries: 1, maxBytes: 1e9 });
    const text = csv(10);
    tables.tableOf({ kind: 'csv', fileName: 'a.csv', text });
    const source = { kind: 'csv' as const, fileName: 'a.csv', table: sha256Hex(text) };
    expect(tables.hold(source)).toBe(true);
    tables.tableOf({ kind: 'csv', fileName: 'b.csv', text: csv(10, 50) });
    expect(tables.tableOf(source).size).toBe(10);
    expect(tables.hold({ ...source })).toBe(false);
  });
});
