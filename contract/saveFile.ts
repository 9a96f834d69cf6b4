// The host contract's save request and result; any process.

/** A file to save: the name to suggest, its media type, its bytes. */
export interface SaveFileRequest {
  suggestedName: string;
  mime: string;
  bytes: Uint8Array;
}

/** saved: written (where: a path, or "downloads"); cancelled: the user closed the dialog; failed: why, in a sentence. */
export type SaveFileResult = { state: 'saved'; where: string } | { state: 'cancelled' } | { state: 'failed'; message: string };
