// The lab's size limits, each defined once for the engine, the hosts, the renderer and the CLI; pure, any process.

/** The engine keeps a parameter path of at most this many values (parameters × (epochs + 1), 40 MB); larger runs are refused one. */
export const MAX_PATH_VALUES = 5_000_000;

/** The largest CSV text a data source may carry, in characters. */
export const MAX_CSV_CHARS = 64 * 1024 * 1024;

/** The largest file a renderer may ask a host to save (the project file of a big run history stays well below). */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;
