// Geometry and colours of the step-size × decay map (renderer, pure): cells, their colours and words, the axes' ticks, the exercise's tuned runs as points.
import { withMinusSign } from '../../plots/minusSign.js';
import { scaleLinear } from 'd3';
import { bandColour, quantileThresholds } from '../../plots/contourLevels.js';
import { COLOURS, type Palette } from '../../plots/theme.js';
import type { SurfaceMapResult } from '../../engine/protocol/stepDecayMap.js';
import { cellPosition, type MapMeasure } from './mapAxes.js';
import { formatValue, shortNumber } from './runLabels.js';

/** One cell as drawn: its place, its fill, what kind of cell it is and the words of its tooltip. */
export interface MapCell {
  column: number;
  row: number;
  x: number;
  y: number;
  fill: string;
  kind: 'value' | 'diverged' | 'never';
  title: string;
}

export interface MapTick {
  label: string;
  offset: number;
}

export interface MapGeometry {
  cellWidth: number;
  cellHeight: number;
  innerWidth: number;
  innerHeight: number;
  cells: MapCell[];
  /** The colour scale's thresholds (ascending) and the value where the top band ends. */
  thresholds: number[];
  top: number;
  xTicks: MapTick[];
  yTicks: MapTick[];
}

const number = (v: number) => withMinusSign(String(Number(v.toPrecision(3))));
/** About the width of a character of a tick label (11 px), and the least space between two labels. */
const TICK_CHARACTER = 6.4;
const TICK_GAP = 8;

/** The value a cell shows under `measure`: the final f, or the steps to within ε of the best; undefined for none. */
export function cellValue(result: SurfaceMapResult, cell: number, measure: MapMeasure): number | undefined {
  if (result.divergedAt[cell]! > 0) return undefined;
  const v = measure === 'final' ? result.finalValue[cell]! : result.stepsToBest[cell]!;
  return measure === 'steps' && v < 0 ? undefined : Number.isFinite(v) ? v : undefined;
}

/**
 * Lays the map out in about `width` pixels: one cell per step size (columns, log-spaced) and decay (rows, the smallest at
 * the bottom), coloured like the contour plot (lower is darker) in quantile bands; diverged runs in their own colour,
 * runs that never came within ε of the best in the "no value" grey, both from `colours` (the theme shown; light by default).
 */
export function mapGeometry(
  result: SurfaceMapResult,
  measure: MapMeasure,
  width: number,
  colours: Pick<Palette, 'diverged' | 'noValue'> = COLOURS,
): MapGeometry {
  const columns = result.stepSizes.length,
    rows = result.decays.length;
  const cellWidth = Math.max(6, Math.min(30, Math.floor(width / columns)));
  const cellHeight = Math.max(8, Math.min(22, Math.round(cellWidth * 0.8)));
  const innerWidth = cellWidth * columns,
    innerHeight = cellHeight * rows;
  const values: number[] = [];
  for (let cell = 0; cell < columns * rows; cell++) {
    const v = cellValue(result, cell, measure);
    if (v !== undefined) values.push(v);
  }
  const thresholds = quantileThresholds(values, 9);
  const top = values.length ? Math.max(...values) : 0;
  const bandOf = (v: number) => {
    let k = 0;
    while (k + 1 < thresholds.length && v >= thresholds[k + 1]!) k++;
    return k;
  };
  const cells: MapCell[] = [];
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      const setting = `step ${number(result.stepSizes[column]!)}, decay ${number(result.decays[row]!)}`;
      const v = cellValue(result, cell, measure);
      const diverged = result.divergedAt[cell]!;
      let kind: MapCell['kind'] = 'value',
        fill: string,
        title: string;
      if (diverged > 0) {
        kind = 'diverged';
        fill = colours.diverged;
        title = `${setting}: diverged at step ${diverged}`;
      } else if (v === undefined) {
        kind = 'never';
        fill = colours.noValue;
        title = `${setting}: never within ε = ${result.epsilon} of the best f ${formatValue(result.bestValue)} (final f ${formatValue(result.finalValue[cell]!)})`;
      } else {
        fill = bandColour(bandOf(v), thresholds.length);
        title =
          measure === 'final'
            ? `${setting}: final f = ${formatValue(v)}`
            : `${setting}: within ε of the best f ${formatValue(result.bestValue)} at step ${v} (final f ${formatValue(result.finalValue[cell]!)})`;
      }
      cells.push({ column, row, x: column * cellWidth, y: innerHeight - (row + 1) * cellHeight, fill, kind, title });
    }

  const xTicks: MapTick[] = [];
  const lo = result.stepSizes[0]!,
    hi = result.stepSizes[columns - 1]!;
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) {
    for (const m of hi / lo < 1000 ? [1, 2, 5] : [1]) {
      const v = m * 10 ** e;
      const at = cellPosition(result.stepSizes, v, true);
      if (at !== undefined) {
        const tick = { label: shortNumber(v), offset: Math.round((at + 0.5) * cellWidth * 10) / 10 };
        // A range of many decades over few cells: a tick whose label would run into the last one kept is left out.
        const last = xTicks.at(-1);
        if (!last || tick.offset - last.offset >= ((last.label.length + tick.label.length) / 2) * TICK_CHARACTER + TICK_GAP) xTicks.push(tick);
      }
    }
  }
  if (!xTicks.length) xTicks.push({ label: shortNumber(lo), offset: cellWidth / 2 });
  const dLo = result.decays[0]!,
    dHi = result.decays[rows - 1]!;
  const yValues =
    dHi > dLo
      ? scaleLinear()
          .domain([dLo, dHi])
          .ticks(Math.max(2, Math.min(6, Math.floor(innerHeight / 40))))
      : [dLo];
  const yTicks = yValues.flatMap((v) => {
    const at = cellPosition(result.decays, v, false);
    return at === undefined ? [] : [{ label: shortNumber(v), offset: Math.round((innerHeight - (at + 0.5) * cellHeight) * 10) / 10 }];
  });
  return { cellWidth, cellHeight, innerWidth, innerHeight, cells, thresholds, top, xTicks, yTicks };
}

/** A point of the plane of settings placed on the map (its cell's centre where it falls between cells), or undefined outside it. */
export function settingOnMap(
  result: SurfaceMapResult,
  geometry: Pick<MapGeometry, 'cellWidth' | 'cellHeight' | 'innerHeight'>,
  stepSize: number,
  decay: number,
) {
  const column = cellPosition(result.stepSizes, stepSize, true);
  const row = cellPosition(result.decays, decay, false);
  if (column === undefined || row === undefined) return undefined;
  return { px: (column + 0.5) * geometry.cellWidth, py: geometry.innerHeight - (row + 0.5) * geometry.cellHeight };
}
