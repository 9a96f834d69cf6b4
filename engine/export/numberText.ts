// A double as JSON text that parses back to the same bits, for the weights and project files; pure, any process.

/** Like JSON.stringify for a number (the shortest text that round-trips a double), but −0 stays −0; NaN and ±∞, which JSON cannot hold, become null. */
export function numberText(value: number): string {
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}
