// A step of `npm run build:node` (Node): parses each shipped CSV of assets/ into dist/tables/<file>.table (engine/data/tableCache.ts),
// which the engine's Node processes read instead of parsing the CSV while it is the file the copy was made from.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assetsDirectory, tableCacheFile } from '../dist/engine/data/assetFiles.js';
import { DATA_SET_INFO } from '../dist/engine/data/dataSets.js';
import { parseLabelledCsv } from '../dist/engine/data/labelledCsv.js';
import { encodeTableCache } from '../dist/engine/data/tableCache.js';

const assets = [...new Set(Object.values(DATA_SET_INFO).map((info) => info.asset))];
rmSync(dirname(tableCacheFile(assets[0])), { recursive: true, force: true });
for (const fileName of assets) {
  const file = join(assetsDirectory(), fileName);
  const { size, mtimeMs } = statSync(file);
  const bytes = encodeTableCache(parseLabelledCsv(readFileSync(file, 'utf8')), { bytes: size, mtimeMs });
  const target = tableCacheFile(fileName);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.${process.pid}`, bytes);
  renameSync(`${target}.${process.pid}`, target);
}
