// Tests the build's parsed copies of the shipped CSVs: the same tables and prepared data as the CSV text, used only for the file they were made from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assetsDirectory, readAssetTableOrText, tableCacheFile } from '../../../engine/data/assetFiles.js';
import { createDataLoader } from '../../../engine/data/dataSets.js';
import { parseLabelledCsv } from '../../../engine/data/labelledCsv.js';
import { decodeTableCache, encodeTableCache } from '../../../engine/data/tableCache.js';

const digitsText = readFileSync(`${assetsDirectory()}/digits.csv`, 'utf8');
const source = { bytes: 1000, mtimeMs: 1234.5 };

describe('the parsed copy of a shipped table', () => {
  it('decodes to the very names, labels and values the CSV parses to', () => {
    const parsed = parseLabelledCsv(digitsText);
    const decoded = decodeTableCache(encodeTableCache(parsed, source), source)!;
    expect(decoded.featureNames).toEqual(parsed.featureNames);
    expect(decoded.labelName).toBe(parsed.labelName);
    expect(decoded.classes).toEqual(parsed.classes);
    expect(decoded.size).toBe(parsed.size);
    expect(Array.from(decoded.labels)).toEqual(Array.from(parsed.labels));
    expect(Array.from(decoded.features)).toEqual(Array.from(parsed.features));
    expect(decoded.globallyNormalised).toHaveLength(parsed.features.length);
  });

  it('keeps names and classes outside ASCII', () => {
    const parsed = parseLabelledCsv('größe,λ,étiquette\n1,2,chat\n3,4,猫\n5,6,chat\n7,8,猫\n');
    const decoded = decodeTableCache(encodeTableCache(parsed, source), source)!;
    expect(decoded.featureNames).toEqual(['größe', 'λ']);
    expect(decoded.labelName).toBe('étiquette');
    expect(decoded.classes).toEqual(['chat', '猫']);
  });

  it('is not used for another size or modification time of the file, or for bytes of another format', () => {
    const bytes = encodeTableCache(parseLabelledCsv('a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n'), source);
    expect(decodeTableCache(bytes, { ...source, bytes: 1001 })).toBeUndefined();
    expect(decodeTableCache(bytes, { ...source, mtimeMs: 1234.6 })).toBeUndefined();
    expect(decodeTableCache(bytes.subarray(0, bytes.length - 8), source)).toBeUndefined();
    expect(decodeTableCache(new TextEncoder().encode('a,b,label\n1,2,x\n'), source)).toBeUndefined();
  });

  it('gives the same prepared digits as the CSV text for every normalisation and split', async () => {
    const parsed = parseLabelledCsv(digitsText);
    const copy = decodeTableCache(encodeTableCache(parsed, source), source)!;
    const fromText = createDataLoader(() => digitsText);
    const fromCopy = createDataLoader(() => copy);
    for (const normalisation of ['global', 'standardize', 'none'] as const) {
      for (const [dataSet, seed, trainFraction] of [
        ['digits-binary', 1, 0.5],
        ['digits', 7, 0.8],
      ] as const) {
        const options = { seed, trainFraction, normalisation };
        const [a, b] = await Promise.all([fromText(dataSet, options), fromCopy(dataSet, options)]);
        expect(Array.from(b.train.features)).toEqual(Array.from(a.train.features));
        expect(Array.from(b.test.features)).toEqual(Array.from(a.test.features));
        expect(Array.from(b.train.targets)).toEqual(Array.from(a.train.targets));
        expect(Array.from(b.test.labels)).toEqual(Array.from(a.test.labels));
        expect(b.split).toEqual(a.split);
      }
    }
  });

  it('is what the engine reads for the digits after the build, with the values of the CSV', () => {
    const read = readAssetTableOrText('digits.csv');
    expect(typeof read).toBe('object');
    const table = read as Exclude<typeof read, string>;
    expect(Array.from(table.features)).toEqual(Array.from(parseLabelledCsv(digitsText).features));
    expect(readFileSync(tableCacheFile('digits.csv')).length).toBeGreaterThan(table.features.byteLength);
  });
});
