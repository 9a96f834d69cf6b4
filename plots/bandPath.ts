// The outline of a band between two curves (a mean's min–max or ±1 sd), as an SVG path in a chart's pixel coordinates; pure, any process.
import { area } from 'd3';

export interface BandSample {
  x: number;
  low: number;
  high: number;
}

/** The closed area from `low` to `high` along x, through `xOf` and `yOf` (data to pixels); empty for no samples. */
export function bandPath(samples: readonly BandSample[], xOf: (x: number) => number, yOf: (y: number) => number): string {
  const finite = samples.filter((s) => Number.isFinite(s.x) && Number.isFinite(s.low) && Number.isFinite(s.high));
  return (
    area<BandSample>()
      .x((s) => xOf(s.x))
      .y0((s) => yOf(s.low))
      .y1((s) => yOf(s.high))
      .digits(2)(finite) ?? ''
  );
}
