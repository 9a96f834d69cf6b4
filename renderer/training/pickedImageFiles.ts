// The MNIST files of a folder (or files) picked in the browser, read here with a digest naming them, for the engine to read from bytes (renderer).
import { IDX_FILES } from '../../engine/data/dataSetNames.js';
import type { PickedImages } from '../../engine/data/dataSource.js';
import { MAX_PICKED_IMAGE_BYTES, tooLargeMessage } from '../../engine/limits.js';

/** What a picked file gives: its name, its path inside the picked folder ("mnist/t10k-images-idx3-ubyte") if any, its size and its bytes. */
export interface PickedFile {
  name: string;
  webkitRelativePath?: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The SHA-256 of bytes in lowercase hex (WebCrypto: the pages of both hosts are secure contexts). */
export type BytesDigest = (bytes: Uint8Array<ArrayBuffer>) => Promise<string>;

export const webCryptoBytesSha256: BytesDigest = async (bytes) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('this page cannot compute a SHA-256 digest (no WebCrypto)');
  return Array.from(new Uint8Array(await subtle.digest('SHA-256', bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
};

const WANTED = new Set(Object.values(IDX_FILES).flatMap((name) => [name, `${name}.gz`]));
const FILE_NAMES = `${Object.values(IDX_FILES).join(', ')} (each may end in .gz)`;

/** The picked folder's name (the first part of a file's path in it), or "the picked files" when single files were picked. */
export function pickedFolderName(files: readonly PickedFile[]): string {
  const path = files.find((file) => file.webkitRelativePath)?.webkitRelativePath;
  return path?.split('/')[0] || 'the picked files';
}

/** The picked files that are MNIST's four files: those named so, directly in the picked folder (none of its subfolders). */
export function mnistFilesOf(files: readonly PickedFile[]): PickedFile[] {
  return files.filter((file) => WANTED.has(file.name) && (file.webkitRelativePath ?? '').split('/').filter(Boolean).length <= 2);
}

/**
 * Reads the MNIST files among `files` and names them by the SHA-256 of their names and bytes, or says in one sentence
 * why they cannot be sent: none of the four files there, or more bytes than the lab takes. A file missing or damaged is
 * left for the engine's IDX reader to name.
 */
export async function readPickedImages(
  files: readonly PickedFile[],
  digest: BytesDigest = webCryptoBytesSha256,
): Promise<{ ok: true; picked: Required<PickedImages> } | { ok: false; message: string }> {
  const name = pickedFolderName(files);
  const chosen = mnistFilesOf(files).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (!chosen.length) return { ok: false, message: `${name} holds none of MNIST's files: ${FILE_NAMES}` };
  const size = chosen.reduce((sum, file) => sum + file.size, 0);
  if (size > MAX_PICKED_IMAGE_BYTES) return { ok: false, message: tooLargeMessage(`The size of the image files of ${name}`, size, MAX_PICKED_IMAGE_BYTES) };
  const read = await Promise.all(chosen.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  const encoder = new TextEncoder();
  const parts = read.flatMap((file) => [encoder.encode(`${file.name}\n${file.bytes.byteLength}\n`), file.bytes]);
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  parts.reduce((offset, part) => (all.set(part, offset), offset + part.byteLength), 0);
  return { ok: true, picked: { name, digest: await digest(all), files: read } };
}
