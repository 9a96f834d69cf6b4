// The lab's size limits, each defined once for the engine, the hosts, the renderer and the CLI; pure, any process.

const MIB = 1024 * 1024;

/** The engine keeps a parameter path of at most this many values (parameters × (epochs + 1), 40 MB); larger runs are refused one. */
export const MAX_PATH_VALUES = 5_000_000;

/** A gradient check report carries each entry's relative error while its gradients hold at most this many entries in all (8 MB of float64s). */
export const MAX_GRADCHECK_ENTRIES = 1_000_000;
/** A gradient check's subject takes at most this many inputs (or loss values) per row, and at most this many rows. */
export const MAX_GRADCHECK_WIDTH = 4096;
export const MAX_GRADCHECK_ROWS = 256;
/** A data preview shows at most this many points of each split in the plane (a sample of them beyond). */
export const MAX_PLANE_POINTS = 4000;

/**
 * A run's diagnoses (one class for every sample, dead ReLU layers) look at the first this many test samples, before the
 * first update and after the last: a whole test set of images through a convnet would hold the engine for seconds.
 */
export const MAX_DIAGNOSED_SAMPLES = 1000;

/** A data preview of image data carries the images of this many training samples. */
export const PREVIEW_IMAGES = 40;

/**
 * A phase's samples up to this size are copied once into the kernels' memory for a run; larger ones (a full set of images)
 * are read where they are, each minibatch copied in as the kernels need it, so that they are never held twice.
 */
export const MAX_PLACED_SAMPLES_BYTES = 64 * MIB;

/** The largest CSV text a data source may carry, in characters (shown as "64 MB"). */
export const MAX_CSV_CHARS = 64 * MIB;

/**
 * The most bytes of image files a page may pick and send the engine (the browser host's "Open image files…"): the
 * original MNIST uncompressed is 55 MB, Fashion-MNIST's .gz files 30 MB. Below MAX_REQUEST_BYTES, so the request carrying
 * them is never refused for its size.
 */
export const MAX_PICKED_IMAGE_BYTES = 160 * MIB;

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
 * The memory an engine may use for one connection's work unless the user sets another budget (the app's Settings, the
 * command line's --memory-limit): sized for a machine of a few cores and a few GB to spare. Every request is costed
 * against it before it allocates.
 */
export const DEFAULT_MEMORY_BUDGET = 1024 * MIB;

/** The budgets a user may set, in bytes. */
export const MEMORY_BUDGET_RANGE = { min: 256 * MIB, max: 64 * 1024 * MIB } as const;

/** What an engine process holds before any request: its code, kernels and the data sets it has read. Requests get the rest of the budget. */
export const ENGINE_BASE_BYTES = 128 * MIB;

/**
 * The most multiply-adds of network passes one request other than training may need (a gradient check's evaluations,
 * a landscape's grid, an analysis): about a minute on a 2-core machine of this class. Training is paced by its epochs.
 */
export const MAX_REQUEST_MULTIPLY_ADDS = 2e11;

/**
 * The most multiply-adds one training minibatch may need (its forward and backward passes): about half a second here,
 * so that a run answers a stop, and the host's heartbeat, within a second.
 */
export const MAX_MINIBATCH_MULTIPLY_ADDS = 5e9;

/**
 * The most evaluations of a typed expression's nodes one request may need (grid points or descent steps × the
 * expression's size): about ten seconds here.
 */
export const MAX_EXPRESSION_EVALUATIONS = 1e9;

/**
 * "70.2 MB", "64 MB", "512 KB", "4.1 GB": a size as a message shows it (1 MB = 1024 × 1024 bytes, as the limits are
 * written), rounded up, so a size over a limit never reads as the limit itself.
 */
export function formatSize(bytes: number): string {
  if (bytes < MIB) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  const unit = bytes < 1024 * MIB ? { size: MIB, name: 'MB' } : { size: 1024 * MIB, name: 'GB' };
  const tenths = Math.ceil((bytes / unit.size) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} ${unit.name}`;
}

/** A count as a message shows it: "35,651,584" below a billion, "1.5e17" from there on. */
export function formatCount(count: number): string {
  // Grouped by hand: the first toLocaleString in a process loads the locale data, some 10 ms of every command line's start.
  if (count < 1e9) return String(Math.ceil(count)).replace(/\B(?=(\d{3})+$)/g, ',');
  const [mantissa, exponent] = count.toExponential(1).split('e');
  return `${mantissa!.replace(/\.0$/, '')}e${Number(exponent)}`;
}

/** "the CSV file is 70.2 MB; the lab takes at most 64 MB". */
export function tooLargeMessage(what: string, size: number, limit: number): string {
  return `${what} is ${formatSize(size)}; the lab takes at most ${formatSize(limit)}`;
}

/** A step-size × decay map has at most this many values on each axis. */
export const MAX_MAP_AXIS = 60;

/** A step-size × decay map runs at most this many optimizer steps in all (cells × steps per run); larger maps are refused with their size. */
export const MAX_MAP_STEPS = 4_000_000;

/** A stopped run is diagnosed only when the symptom pass before it started took at most this long: Stop is answered within a second. */
export const STOPPED_DIAGNOSIS_MS = 250;

/** A comparison of architectures trains at most this many networks, each over at most MAX_COMPARE_SEEDS seeds. */
export const MAX_COMPARE_NETWORKS = 8;
export const MAX_COMPARE_SEEDS = 20;
