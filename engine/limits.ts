// The lab's size limits, each defined once for the engine, the hosts, the renderer and the CLI; pure, any process.

const MIB = 1024 * 1024;

/** The engine keeps a parameter path of at most this many values (parameters × (epochs + 1), 40 MB); larger runs are refused one. */
export const MAX_PATH_VALUES = 5_000_000;

/** The largest CSV text a data source may carry, in characters (shown as "64 MB"). */
export const MAX_CSV_CHARS = 64 * MIB;

/** The largest file a renderer may ask a host to save (the project file of a big run history stays well below). */
export const MAX_SAVE_BYTES = 256 * MIB;

/**
 * The largest request, measured as the wire codec encodes it (UTF-8 JSON): a CSV of MAX_CSV_CHARS characters, even one
 * whose every character takes three bytes, plus the rest of the message (weights and a recorded path sent again).
 */
export const MAX_REQUEST_BYTES = 3 * MAX_CSV_CHARS + 16 * MIB;

/**
 * The largest event, measured the same way: a finished run's weights with the longest recorded parameter path
 * (MAX_PATH_VALUES float64s, 40 MB as raw bytes) and room for an exported file's bytes.
 */
export const MAX_EVENT_BYTES = 200 * MIB;

/**
 * The largest piece a message is cut into on the browser host's WebSocket and the engine's IPC channel: a large
 * result travels as many frames of this size, so no process ever handles more than this at once for it, and the
 * frames of other messages pass in between.
 */
export const WIRE_FRAME_BYTES = MIB;

/** The largest train_run.py the engine writes: its data and weights are embedded in base64, so this bounds a data set's size there. */
export const MAX_SCRIPT_BYTES = 64 * MIB;

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
