// Turns a failed file write into one sentence a person can act on (main process; plain data, no Electron).
import { basename } from 'node:path';

const REASONS: Record<string, string> = {
  EACCES: 'permission was denied',
  EPERM: 'the operation was not permitted',
  EROFS: 'that place is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'a folder already has that name',
  ENOTDIR: 'part of the path is not a folder',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is in use',
};

/** "Could not save weights.json: the disk is full." — the error's own text when its code is not one of the usual ones. */
export function writeErrorMessage(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = (typeof code === 'string' ? REASONS[code] : undefined) ?? (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return `Could not save ${basename(path)}: ${reason}. Any file that was there is unchanged.`;
}
