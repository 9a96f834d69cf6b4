// A user's text quoted in a message, cut to a readable length (a 50 MB cell is never echoed whole); pure, any process.

/** Longest quoted text, in characters, before it is cut with "…" and its length named. */
export const MAX_QUOTED_CHARACTERS = 40;

/** `text` as JSON quotes it, cut after MAX_QUOTED_CHARACTERS with its full length named: `"aaaa…" (52428800 characters)`. */
export function quoteForMessage(text: string): string {
  if (text.length <= MAX_QUOTED_CHARACTERS) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MAX_QUOTED_CHARACTERS) + '…')} (${text.length} characters)`;
}

/** A name from a user's file (a column's header) cut the same way, unquoted. */
export function nameForMessage(name: string): string {
  return name.length <= MAX_QUOTED_CHARACTERS ? name : `${name.slice(0, MAX_QUOTED_CHARACTERS)}… (${name.length} characters)`;
}
