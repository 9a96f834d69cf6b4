// The sign of every negative number in a chart's legend or axis (pure, any process): U+2212, as d3-format writes it, never the hyphen JavaScript's own number formatting gives.

/** The minus sign: "−0.5", as d3-format writes it. */
export const MINUS_SIGN = '\u2212';

/** A number already written out (e.g. by toPrecision), its leading hyphen-minus written as the minus sign. */
export function withMinusSign(text: string): string {
  return text.startsWith('-') ? MINUS_SIGN + text.slice(1) : text;
}
