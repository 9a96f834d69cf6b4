// Saving a file through the LabHost and saying how it went, in words (renderer, shared by the Export lab and every chart); no DOM.
import type { LabHost } from '../../contract/labHost.js';
import type { SaveFileResult } from '../../contract/saveFile.js';
import { MAX_SAVE_BYTES } from '../../engine/limits.js';

/** What the lab shows after a save: ok (saved), info (nothing happened, by the user's choice), error (why not). */
export interface SaveOutcome {
  tone: 'ok' | 'info' | 'error';
  text: string;
}

/** The host's answer as a sentence: "Saved run-2-iris-weights.npz to your downloads.", "Saving failed: …". */
export function describeSave(name: string, result: SaveFileResult): SaveOutcome {
  switch (result.state) {
    case 'saved':
      return { tone: 'ok', text: result.where === 'downloads' ? `Saved ${name} to your downloads.` : `Saved to ${result.where}.` };
    case 'cancelled':
      return { tone: 'info', text: `Not saved: the save dialog was closed.` };
    case 'failed':
      return { tone: 'error', text: `Saving failed: ${result.message}` };
  }
}

/** Hands the bytes to the host and describes the outcome; a host that throws, or a file too large, is a failure in words. */
export async function saveThroughHost(host: Pick<LabHost, 'saveFile'>, suggestedName: string, mime: string, bytes: Uint8Array): Promise<SaveOutcome> {
  if (bytes.byteLength > MAX_SAVE_BYTES) {
    return { tone: 'error', text: `Saving failed: ${suggestedName} would be larger than the ${MAX_SAVE_BYTES / (1024 * 1024)} MB a saved file may have.` };
  }
  try {
    return describeSave(suggestedName, await host.saveFile({ suggestedName, mime, bytes }));
  } catch (error) {
    return { tone: 'error', text: `Saving failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Why a file could not be made (the engine's answer, or the drawing failing), as an outcome. */
export function buildFailure(name: string, error: unknown): SaveOutcome {
  return { tone: 'error', text: `Could not make ${name}: ${error instanceof Error ? error.message : String(error)}` };
}
