// A parsed labelled table as bytes (its values, labels, names, and its features after the global normalisation), which the
// build derives from a shipped CSV so that a process that has just started reads the table without parsing it; pure.
import type { LabelledTable } from './labelledCsv.js';
import { normalise } from './normalise.js';

/** The CSV file a cache was made from, as the file system describes it: a cache of another file (or another version) is not used. */
export interface TableSource {
  bytes: number;
  mtimeMs: number;
}

const MAGIC = 0x4354_4c42; // "BLTC", little-endian
const VERSION = 1;
const PREFIX_BYTES = 12;

interface CacheHeader {
  source: TableSource;
  featureNames: string[];
  labelName: string;
  classes: string[];
  size: number;
  normalised: boolean;
}

const padded = (bytes: number): number => Math.ceil(bytes / 8) * 8;

/** The header as JSON in ASCII (other characters escaped), one byte per character. */
function asciiJson(header: CacheHeader): Uint8Array {
  const text = JSON.stringify(header).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * The features of `table` normalised by the global rule (one mean and std of every value, as the exercise does), or
 * undefined when its values are too large to normalise (training then reports that as it does for the CSV).
 */
function globallyNormalised(table: LabelledTable): Float64Array | undefined {
  const copy = table.features.slice();
  try {
    normalise('global', table.features, copy, new Float64Array(0), table.featureNames.length);
    return copy;
  } catch {
    return undefined;
  }
}

/** Encodes a parsed table, with its globally normalised features, for `decodeTableCache`. */
export function encodeTableCache(table: LabelledTable, source: TableSource): Uint8Array {
  const normalised = globallyNormalised(table);
  const header: CacheHeader = {
    source: { bytes: source.bytes, mtimeMs: source.mtimeMs },
    featureNames: table.featureNames,
    labelName: table.labelName,
    classes: table.classes,
    size: table.size,
    normalised: normalised !== undefined,
  };
  const headerBytes = asciiJson(header);
  const labelsAt = padded(PREFIX_BYTES + headerBytes.length);
  const featuresAt = padded(labelsAt + table.labels.byteLength);
  const normalisedAt = featuresAt + table.features.byteLength;
  const bytes = new Uint8Array(normalisedAt + (normalised?.byteLength ?? 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, PREFIX_BYTES);
  bytes.set(new Uint8Array(table.labels.buffer, table.labels.byteOffset, table.labels.byteLength), labelsAt);
  bytes.set(new Uint8Array(table.features.buffer, table.features.byteOffset, table.features.byteLength), featuresAt);
  if (normalised) bytes.set(new Uint8Array(normalised.buffer), normalisedAt);
  return bytes;
}

/**
 * The table `encodeTableCache` encoded, when it was made from `source` (same size and modification time) by this version
 * of the format; else undefined (the CSV is then parsed). The arrays are views of one copy of `bytes`.
 */
export function decodeTableCache(bytes: Uint8Array, source: TableSource): LabelledTable | undefined {
  if (bytes.length < PREFIX_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return undefined;
  const headerLength = view.getUint32(8, true);
  if (PREFIX_BYTES + headerLength > bytes.length) return undefined;
  let header: CacheHeader;
  try {
    header = JSON.parse(String.fromCharCode(...bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength))) as CacheHeader;
  } catch {
    return undefined;
  }
  if (header.source?.bytes !== source.bytes || header.source.mtimeMs !== source.mtimeMs) return undefined;
  const values = header.size * header.featureNames.length;
  const labelsAt = padded(PREFIX_BYTES + headerLength);
  const featuresAt = padded(labelsAt + header.size * 4);
  const normalisedAt = featuresAt + values * 8;
  if (bytes.length !== normalisedAt + (header.normalised ? values * 8 : 0)) return undefined;
  // One aligned copy: the file's bytes need not start at a multiple of 8.
  const buffer = bytes.slice().buffer;
  return {
    featureNames: header.featureNames,
    labelName: header.labelName,
    classes: header.classes,
    size: header.size,
    labels: new Int32Array(buffer, labelsAt, header.size),
    features: new Float64Array(buffer, featuresAt, values),
    ...(header.normalised ? { globallyNormalised: new Float64Array(buffer, normalisedAt, values) } : {}),
  };
}
