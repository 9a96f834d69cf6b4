// Renderer: the browser host's saveFile — hands a file to the browser's downloads through a temporary <a download>.
import type { SaveFileRequest, SaveFileResult } from '../../contract/saveFile.js';
import { MAX_SAVE_BYTES } from '../../engine/limits.js';

/** How long the object URL outlives the click: the browser reads the blob after the click's task has ended. */
const REVOKE_AFTER_MS = 10_000;

/** Starts the download of `file` under its suggested name; the browser decides the folder (and may ask). */
export function downloadFile(file: SaveFileRequest): SaveFileResult {
  if (!(file.bytes instanceof Uint8Array)) return { state: 'failed', message: "Could not save: the file's contents were not bytes." };
  if (file.bytes.byteLength > MAX_SAVE_BYTES) {
    return { state: 'failed', message: `Could not save ${file.suggestedName}: it is larger than ${MAX_SAVE_BYTES / (1024 * 1024)} MB.` };
  }
  try {
    // A copy into a plain ArrayBuffer: the blob then never shares memory the caller may reuse.
    const blob = new Blob([new Uint8Array(file.bytes)], { type: file.mime || 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = file.suggestedName || 'export';
    anchor.rel = 'noopener';
    anchor.hidden = true;
    document.body.append(anchor);
    try {
      anchor.click();
    } finally {
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    }
    return { state: 'saved', where: 'downloads' };
  } catch (error) {
    return { state: 'failed', message: `Could not save ${file.suggestedName}: ${error instanceof Error ? error.message : String(error)}.` };
  }
}
