// Renderer: a LabHost over any host that sends the engine a CSV's text, picked image files and a run's weights only when it does not have them yet,
// sends them again when it answers that it no longer has them, and refuses a request too large for the lab before it leaves.
import type { LabHost } from '../../contract/labHost.js';
import { oversizeRequest } from '../../contract/messageLimits.js';
import type { DataSource } from '../../engine/data/dataSource.js';
import type { ErrorEvent } from '../../engine/protocol/errors.js';
import { requestIds, type EngineEvent, type EngineRequest } from '../../engine/protocol/index.js';

/** The SHA-256 of a text's UTF-8 bytes in lowercase hex, or undefined where it cannot be computed (no WebCrypto). */
export type TextDigest = (text: string) => Promise<string | undefined>;

/** WebCrypto's SHA-256 (the pages of both hosts are secure contexts: loopback HTTP, or the app's own files). */
export const webCryptoSha256: TextDigest = async (text) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** How many CSV texts' hashes are remembered (each is computed once per text). */
const HASHES_KEPT = 4;

type CsvText = Extract<DataSource, { text: string }>;

/** Where a request carries its data source. */
const dataSlot = (request: EngineRequest): { source: DataSource; put: (source: DataSource) => EngineRequest } | undefined => {
  switch (request.type) {
    case 'train.start':
    case 'compare.start':
      return { source: request.dataSet, put: (dataSet) => ({ ...request, dataSet }) };
    case 'data.preview':
    case 'epoch.estimate':
      return { source: request.dataSet, put: (dataSet) => ({ ...request, dataSet }) };
    case 'spec.check':
      return request.dataSet === undefined ? undefined : { source: request.dataSet, put: (dataSet) => ({ ...request, dataSet }) };
    case 'analysis.run':
    case 'landscape.run':
    case 'featureMaps.run':
    case 'featureMaps.explain':
      return { source: request.data.dataSet, put: (dataSet) => ({ ...request, data: { ...request.data, dataSet } }) };
    case 'export.build':
      return request.training === undefined
        ? undefined
        : { source: request.training.dataSet, put: (dataSet) => ({ ...request, training: { ...request.training!, dataSet } }) };
    default:
      return undefined;
  }
};

/** The requests that carry a finished run's weights, which the engine keeps under its runId. */
const carriesRun = (
  request: EngineRequest,
): request is Extract<EngineRequest, { type: 'analysis.run' | 'landscape.run' | 'export.build' | 'featureMaps.run' | 'featureMaps.explain' }> =>
  request.type === 'analysis.run' ||
  request.type === 'landscape.run' ||
  request.type === 'export.build' ||
  request.type === 'featureMaps.run' ||
  request.type === 'featureMaps.explain';

const isCsvText = (source: DataSource): source is CsvText => typeof source === 'object' && source.kind === 'csv' && 'text' in source;
/** The source's picked image files when it carries their bytes. */
const pickedFilesOf = (source: DataSource) => (typeof source === 'object' && source.kind === 'images' && source.picked?.files ? source : undefined);
const tableKey = (hash: string, labelColumn: string | undefined) => `${hash}\n${labelColumn ?? ''}`;
const answerKey = (ids: { runId?: string | undefined; requestId?: string | undefined }): string | undefined =>
  ids.requestId !== undefined ? `ask:${ids.requestId}` : ids.runId !== undefined ? `run:${ids.runId}` : undefined;

/**
 * Wraps `host`. What the engine has is learned from what was sent to it and from its finished runs, and forgotten when
 * it crashes; a request that named something the engine has let go is sent once more in full, and the engine's
 * "unknown" answer never reaches the listeners. Requests leave in the order they were sent.
 */
export function createSparingHost(host: LabHost, digest: TextDigest = webCryptoSha256): LabHost {
  const listeners = new Set<(event: EngineEvent) => void>();
  const hashes = new Map<string, Promise<string | undefined>>();
  /** Tables (hash and label column) and runs (whether their path was sent too) the engine has been given since it started. */
  const engineTables = new Set<string>();
  /** The digests of the picked image files the engine has been given since it started. */
  const engineFiles = new Set<string>();
  const engineRuns = new Map<string, { path: boolean }>();
  /** Requests sent in short form, by the id their answer carries, until it arrives. */
  const shortened = new Map<string, { full: EngineRequest }>();
  let queue: Promise<void> = Promise.resolve();

  const emit = (event: EngineEvent): void => listeners.forEach((listener) => listener(event));

  host.onEvent((event) => {
    if (event.type === 'train.finished') engineRuns.set(event.runId, { path: (event.parameterPath?.length ?? 0) > 0 });
    const key = answerKey(event as { runId?: string; requestId?: string });
    const pending = key === undefined ? undefined : shortened.get(key);
    if (pending && key !== undefined) {
      shortened.delete(key);
      if (event.type === 'error' && (event.code === 'unknown-table' || event.code === 'unknown-run' || event.code === 'unknown-files')) {
        // The engine may have lost more than it named (it checks the table first): what goes again is known afresh.
        if (pending.full.type !== 'train.start' && 'runId' in pending.full && pending.full.runId !== undefined) engineRuns.delete(pending.full.runId);
        enqueue(() => deliver(pending.full, false));
        return;
      }
    }
    emit(event);
  });
  host.onStatus((status) => {
    if (status.state !== 'crashed') return;
    engineTables.clear();
    engineFiles.clear();
    engineRuns.clear();
    shortened.clear();
  });

  function hashOf(text: string): Promise<string | undefined> {
    let hash = hashes.get(text);
    if (!hash) {
      hash = digest(text).catch(() => undefined);
      hashes.set(text, hash);
      if (hashes.size > HASHES_KEPT) hashes.delete(hashes.keys().next().value!);
    }
    return hash;
  }

  /**
   * The request with what the engine already has left out (unless `keepAll`), and a note of what the engine will have
   * once it is sent: the tables whose text it carries, the runs whose weights (and path) it carries.
   */
  async function shorten(request: EngineRequest, keepAll: boolean): Promise<{ request: EngineRequest; afterwards: () => void }> {
    let short = request;
    const notes: (() => void)[] = [];
    const slot = dataSlot(request);
    if (slot && isCsvText(slot.source)) {
      const { fileName, text, labelColumn } = slot.source;
      const hash = await hashOf(text);
      if (hash !== undefined) {
        const key = tableKey(hash, labelColumn);
        if (engineTables.has(key) && !keepAll) short = slot.put({ kind: 'csv', fileName, table: hash, ...(labelColumn !== undefined ? { labelColumn } : {}) });
        else notes.push(() => engineTables.add(key));
      }
    }
    const images = slot && pickedFilesOf(slot.source);
    if (slot && images?.picked) {
      const { files: _files, ...named } = images.picked;
      if (engineFiles.has(named.digest) && !keepAll) short = slot.put({ ...images, picked: named });
      else notes.push(() => engineFiles.add(named.digest));
    }
    if (carriesRun(short) && short.runId !== undefined && short.weights) {
      const runId = short.runId;
      const kept = engineRuns.get(runId);
      const path = short.type === 'landscape.run' && (short.path?.length ?? 0) > 0;
      if (kept && !keepAll) {
        const { weights: _weights, ...withoutWeights } = short;
        short = withoutWeights;
        if (short.type === 'landscape.run' && kept.path) {
          const { path: _path, ...withoutPath } = short;
          short = withoutPath;
        }
        if (path && !kept.path) notes.push(() => engineRuns.set(runId, { path: true }));
      } else {
        notes.push(() => engineRuns.set(runId, { path: path || (kept?.path ?? false) }));
      }
    }
    return { request: short, afterwards: () => notes.forEach((note) => note()) };
  }

  async function deliver(request: EngineRequest, mayShorten: boolean): Promise<void> {
    const ids = requestIds(request);
    const fail = (event: Omit<ErrorEvent, 'type'>): void => emit({ type: 'error', ...ids, ...event });
    try {
      const { request: sent, afterwards } = await shorten(request, !mayShorten);
      const refusal = oversizeRequest(sent);
      if (refusal) return fail(refusal);
      const key = answerKey(ids);
      if (sent !== request && key !== undefined) shortened.set(key, { full: request });
      host.send(sent);
      afterwards();
    } catch (error) {
      fail({ message: `the request could not be sent: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  function enqueue(task: () => Promise<void>): void {
    queue = queue.then(task, task);
  }

  return {
    kind: host.kind,
    send(request) {
      enqueue(() => deliver(request, true));
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onStatus: (listener) => host.onStatus(listener),
    saveFile: (file) => host.saveFile(file),
  };
}
