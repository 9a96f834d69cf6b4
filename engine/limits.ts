// The size limits of what crosses a process boundary, defined once for the engine, both hosts and the renderer; pure, any process.

const MIB = 1024 * 1024;

/** The longest CSV text a data source may carry (in characters; shown as "64 MB"). */
export const MAX_CSV_CHARS = 64 * MIB;

/**
 * The largest request, measured as the wire codec encodes it (UTF-8 JSON): a CSV of MAX_CSV_CHARS characters, even one
 * whose every character takes three bytes, plus the rest of the message (weights and a recorded path re-sent).
 */
export const MAX_REQUEST_BYTES = 3 * MAX_CSV_CHARS + 16 * MIB;

/**
 * The largest event, measured the same way: a finished run's weights with the longest recorded parameter path
 * (MAX_PATH_VALUES float64s, a third more in base64) and room for an exported file's bytes.
 */
export const MAX_EVENT_BYTES = 200 * MIB;

/** The browser host's WebSocket frame limit: above MAX_REQUEST_BYTES, so a request a little too large is answered, not cut off. */
export const WEBSOCKET_MAX_PAYLOAD = MAX_REQUEST_BYTES + 16 * MIB;

/**
 * "70.2 MB", "64 MB", "512 KB": a size as a message shows it (1 MB = 1024 × 1024 bytes, as the limits are written),
 * rounded up, so a size over a limit never reads as the limit itself.
 */
export function formatSize(bytes: number): string {
  if (bytes < MIB) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  const tenths = Math.ceil((bytes / MIB) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

/** "the CSV file is 70.2 MB; the lab takes at most 64 MB". */
export function tooLargeMessage(what: string, size: number, limit: number): string {
  return `${what} is ${formatSize(size)}; the lab takes at most ${formatSize(limit)}`;
}
