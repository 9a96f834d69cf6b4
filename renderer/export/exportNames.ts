// The names the Export lab suggests for the files it saves, e.g. run-2-iris-weights.npz (renderer); pure.
import type { DataSource } from '../../engine/data/dataSource.js';
import type { ExportFormat } from '../../engine/export/exportFormats.js';

/** What can be saved of one run: the engine's formats and the learning curves drawn here. */
export type RunFileKind = ExportFormat | 'learning-curves.svg' | 'learning-curves.png';

/** Lower-case letters, digits and single hyphens: safe in a file name on every system. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** The data set in a file name: its name, the toy generator's, an image set's or folder's, or the CSV file's without its extension. */
export function dataSlug(dataSet: DataSource): string {
  if (typeof dataSet === 'string') return dataSet;
  if (dataSet.kind === 'toy') return dataSet.name;
  if (dataSet.kind === 'images') return dataSet.set ?? (slug(dataSet.folder?.split(/[\\/]/).filter(Boolean).pop() ?? '') || 'images');
  const base = dataSet.fileName.split(/[\\/]/).pop() ?? '';
  return slug(base.replace(/\.[^.]*$/, '')) || 'csv';
}

/** "run-2-iris-weights.npz": the run's number in the history, its data set, and what the file holds. */
export function runFileName(serial: number, dataSet: DataSource, kind: RunFileKind): string {
  return `run-${serial}-${dataSlug(dataSet)}-${kind}`;
}
