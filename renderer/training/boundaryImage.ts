// The colours of a decision boundary (renderer, pure): each cell of the plane coloured by the class the network predicts there, paler where it is unsure.
import { rgb } from 'd3';
import type { PlaneFrame } from '../../engine/data/planeView.js';
import { CLASS_COLOURS, COLOURS } from '../../plots/theme.js';

/** A class's colour, cycling through the theme's class colours. */
export function classColour(label: number): string {
  return CLASS_COLOURS[label % CLASS_COLOURS.length]!;
}

type Rgb = [number, number, number];
const rgbOf = (colour: string): Rgb => {
  const c = rgb(colour);
  return [c.r, c.g, c.b];
};
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** How strongly a cell shows its class at full certainty (the rest is the chart's ground, so the points stay readable). */
const FULL = 0.6;

/**
 * RGBA pixels of the boundary, columns × rows with the top row first (the plane's yMax). With one output the colour runs
 * from class 0 (output 0) through the ground (0.5) to class 1 (output 1); with several, a cell takes the colour of its
 * most probable class, stronger the surer the network is. `groundColour` is the chart's ground (the theme's surface).
 */
export function boundaryPixels(values: ArrayLike<number>, frame: PlaneFrame, outputs: number, groundColour: string = COLOURS.surface): Uint8ClampedArray {
  const { columns, rows } = frame;
  const ground = rgbOf(groundColour);
  const classes = Array.from({ length: Math.max(2, outputs) }, (_, k) => rgbOf(classColour(k)));
  const pixels = new Uint8ClampedArray(columns * rows * 4);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const cell = i * columns + j;
      let colour: Rgb;
      if (outputs === 1) {
        const p = Math.min(1, Math.max(0, values[cell]!));
        colour = p >= 0.5 ? mix(ground, classes[1]!, (p - 0.5) * 2 * FULL) : mix(ground, classes[0]!, (0.5 - p) * 2 * FULL);
      } else {
        let best = 0;
        for (let k = 1; k < outputs; k++) if (values[cell * outputs + k]! > values[cell * outputs + best]!) best = k;
        const sure = (values[cell * outputs + best]! - 1 / outputs) / (1 - 1 / outputs);
        colour = mix(ground, classes[best]!, Math.min(1, Math.max(0, sure)) * FULL);
      }
      const at = ((rows - 1 - i) * columns + j) * 4;
      pixels[at] = colour[0];
      pixels[at + 1] = colour[1];
      pixels[at + 2] = colour[2];
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}
