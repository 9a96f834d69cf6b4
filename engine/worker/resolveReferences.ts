// Fills in what a request names instead of sending — a kept CSV table, a kept run's weights and path — before its handler runs; pure.
import type { CsvTables } from '../data/csvTables.js';
import type { CsvTableSource, DataSource, PickedImages } from '../data/dataSource.js';
import { unknownFilesMessage, type PickedImageStore } from '../data/pickedImages.js';
import type { AnalysisRun } from '../protocol/analysis.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { ExportBuild } from '../protocol/export.js';
import type { FeatureMapsExplain, FeatureMapsRun } from '../protocol/featureMaps.js';
import { requestIds, type EngineRequest } from '../protocol/index.js';
import type { LandscapeRun } from '../protocol/landscape.js';
import type { RunStore } from './runStore.js';

/** Where a request carries its data source, and the field that names it. */
function dataSourceOf(request: EngineRequest): { source: DataSource; field: string } | undefined {
  switch (request.type) {
    case 'train.start':
    case 'compare.start':
      return { source: request.dataSet, field: 'dataSet' };
    case 'data.preview':
    case 'epoch.estimate':
      return { source: request.dataSet, field: 'dataSet' };
    case 'spec.check':
      return request.dataSet === undefined ? undefined : { source: request.dataSet, field: 'dataSet' };
    case 'analysis.run':
    case 'landscape.run':
    case 'featureMaps.run':
    case 'featureMaps.explain':
      return { source: request.data.dataSet, field: 'data.dataSet' };
    case 'export.build':
      return request.training === undefined ? undefined : { source: request.training.dataSet, field: 'training.dataSet' };
    default:
      return undefined;
  }
}

const isTableSource = (source: DataSource): source is CsvTableSource => typeof source === 'object' && source.kind === 'csv' && 'table' in source;
const pickedOf = (source: DataSource): PickedImages | undefined => (typeof source === 'object' && source.kind === 'images' ? source.picked : undefined);

/**
 * Keeps the weights (and path) a request sends under its runId, fills in the ones it leaves out from the kept run,
 * holds on to the CSV table it names, and keeps (or holds on to) the picked image files it sends (or names). A run,
 * table or picked files the engine does not keep is an error with code "unknown-run", "unknown-table" or
 * "unknown-files", so the sender can send it again.
 */
export function resolveReferences(
  request: EngineRequest,
  kept: { tables: CsvTables; runs: RunStore; picked: PickedImageStore },
): { request: EngineRequest } | { error: ErrorEvent } {
  const data = dataSourceOf(request);
  const picked = data && pickedOf(data.source);
  if (picked?.files) kept.picked.keep(picked);
  else if (picked && !kept.picked.hold(picked)) {
    return { error: { type: 'error', ...requestIds(request), code: 'unknown-files', field: `${data!.field}.picked`, message: unknownFilesMessage(picked) } };
  }
  if (data && isTableSource(data.source) && !kept.tables.hold(data.source)) {
    return {
      error: {
        type: 'error',
        ...requestIds(request),
        code: 'unknown-table',
        field: `${data.field}.table`,
        message: `the engine no longer has the table of ${data.source.fileName} (it restarted or let it go); send the file's text again`,
      },
    };
  }
  switch (request.type) {
    case 'analysis.run':
    case 'landscape.run':
    case 'export.build':
    case 'featureMaps.run':
    case 'featureMaps.explain':
      return resolveRun(request);
    default:
      return { request };
  }

  function resolveRun(
    asked: AnalysisRun | LandscapeRun | ExportBuild | FeatureMapsRun | FeatureMapsExplain,
  ): { request: EngineRequest } | { error: ErrorEvent } {
    const path = asked.type === 'landscape.run' ? asked.path : undefined;
    if (asked.weights) {
      if (asked.runId !== undefined) kept.runs.keep(asked.runId, { weights: asked.weights, parameterPath: path });
      return { request: asked };
    }
    // Without weights or a run, the handler answers that the weights are missing.
    if (asked.runId === undefined || (asked.type === 'export.build' && (asked.format === 'metrics.csv' || asked.format === 'split.csv')))
      return { request: asked };
    if (path) kept.runs.keepPath(asked.runId, path);
    const run = kept.runs.get(asked.runId);
    if (!run) {
      return {
        error: {
          type: 'error',
          requestId: asked.requestId,
          code: 'unknown-run',
          field: 'runId',
          message: `the engine no longer has the weights of run ${asked.runId} (it restarted or let them go); send them again`,
        },
      };
    }
    const filled: EngineRequest =
      asked.type === 'landscape.run'
        ? { ...asked, weights: run.weights, ...((path ?? run.parameterPath) ? { path: path ?? run.parameterPath } : {}) }
        : { ...asked, weights: run.weights };
    return { request: filled };
  }
}
