// A long text built, or made into a Blob, in slices of the page's time (renderer): between slices the page draws and answers input.

/** How long one slice may take (milliseconds): well under the 50 ms a task may take before the page feels stuck. */
export const SLICE_MS = 8;
/** Characters of a text made into one part of a Blob at a time. */
const BLOB_PART_CHARS = 1 << 16;

/** Calls `each` on every item, with a turn of the event loop whenever about `sliceMs` have passed since the last one. */
async function inSlices<T>(items: Iterable<T>, each: (item: T) => void, sliceMs: number): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
  }
}

/** The pieces joined, taken in slices of about `sliceMs`. */
export async function textInSlices(pieces: Iterable<string>, sliceMs = SLICE_MS): Promise<string> {
  const parts: string[] = [];
  await inSlices(pieces, (piece) => parts.push(piece), sliceMs);
  return parts.join('');
}

/** The text's parts of about BLOB_PART_CHARS characters, never cutting a surrogate pair in two. */
function* textParts(text: string): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + BLOB_PART_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * The text as a Blob (UTF-8) made part by part in slices of about `sliceMs`: a request that sends a Blob hands it on
 * without converting a large string on the page's thread at once.
 */
export async function blobInSlices(text: string, type: string, sliceMs = SLICE_MS): Promise<Blob> {
  const parts: Blob[] = [];
  await inSlices(textParts(text), (part) => parts.push(new Blob([part])), sliceMs);
  return new Blob(parts, { type });
}
