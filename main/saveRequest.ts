// Checks a save request from the renderer at main's side and derives the dialog's name and filter (main process; plain data, no Electron).
import type { SaveFileRequest } from '../contract/saveFile.js';
import { MAX_SAVE_BYTES } from '../engine/limits.js';

/** The longest file name offered in the dialog (most file systems allow 255 bytes). */
const MAX_NAME_LENGTH = 120;
const MAX_MIME_LENGTH = 255;
const FALLBACK_NAME = 'export';
/** Names Windows keeps for devices, with or without an extension. */
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export type ParsedSaveRequest = { ok: true; request: SaveFileRequest } | { ok: false; message: string };

/**
 * Accepts only a plain object with a string suggestedName, a string mime and a Uint8Array of at most MAX_SAVE_BYTES;
 * the name comes back reduced to a safe base name. Anything else gets a one-sentence reason.
 */
export function parseSaveRequest(value: unknown, maxBytes: number = MAX_SAVE_BYTES): ParsedSaveRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('the request was not an object');
  const { suggestedName, mime, bytes } = value as Record<string, unknown>;
  if (typeof suggestedName !== 'string') return refuse('the file name was not text');
  if (typeof mime !== 'string' || mime.length > MAX_MIME_LENGTH) return refuse('the media type was not short text');
  if (!(bytes instanceof Uint8Array)) return refuse("the file's contents were not bytes");
  if (bytes.byteLength > maxBytes) {
    return refuse(`the file is ${megabytes(bytes.byteLength)}, more than the ${megabytes(maxBytes)} a file may have`);
  }
  return { ok: true, request: { suggestedName: safeBaseName(suggestedName), mime, bytes } };
}

function refuse(reason: string): ParsedSaveRequest {
  return { ok: false, message: `Could not save: ${reason}.` };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The last path segment of `name` (either separator), without control characters, characters Windows forbids,
 * leading dots (no hidden files) or trailing dots and spaces; never empty, ".." or a Windows device name.
 */
export function safeBaseName(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  let base = lastSegment
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (base.length > MAX_NAME_LENGTH) {
    const extension = fileExtension(base);
    const kept = extension && extension.length < 16 ? `.${extension}` : '';
    base = base.slice(0, MAX_NAME_LENGTH - kept.length) + kept;
  }
  if (base === '') return FALLBACK_NAME;
  return WINDOWS_DEVICE_NAMES.test(base) ? `_${base}` : base;
}

/** The extension after the last dot, lower-case, or '' when there is none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The save dialog's filters: the file's own type first, then every file. */
export function saveDialogFilters(name: string): { name: string; extensions: string[] }[] {
  const extension = fileExtension(name);
  const all = { name: 'All files', extensions: ['*'] };
  return extension && /^[a-z0-9]+$/.test(extension) ? [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }, all] : [all];
}
