// The geometry of a gradient check's per-entry error heatmap (renderer): one block of cells per gradient in its shape, a bias under the weights it belongs to, large gradients pooled to their worst entries, and the colour of an error on a log scale split at the exercise's threshold.
import { interpolateBlues, interpolateReds, rgb } from 'd3';
import type { GradientCheck } from '../../engine/protocol/gradcheck.js';

/** Blocks are at most this many cells across and down; a larger gradient is pooled, each cell the worst of its entries. */
export const MAX_COLUMNS = 120;
export const MAX_ROWS = 60;
/** The log10 range the colours span. */
export const LOG_FLOOR = -16;
export const LOG_CEILING = 0;

export interface HeatCell {
  row: number;
  column: number;
  /** The worst relative error of the entries the cell stands for. */
  error: number;
  /** What the cell's tooltip says: "dW[2, 5]: 3.1e-9". */
  label: string;
}

export interface HeatBlock {
  name: string;
  rows: number;
  columns: number;
  /** Entries per cell down and across (1 when not pooled). */
  pool: [number, number];
  cells: HeatCell[];
  /** How many entries are at or above the threshold, of how many. */
  failing: number;
  size: number;
  /** Drawn right under the block before it (a bias under its weights, one cell per unit). */
  under: boolean;
}

const formatError = (value: number) => (value === 0 ? '0' : value.toExponential(1));

/**
 * The rows × columns a shape is drawn as: a matrix as it is, a vector as one row, and a larger shape one row per entry of
 * its first axis (a convolution's filters×channels×k×k weights: one row per filter).
 */
export function gridOf(shape: readonly number[], size: number): [number, number] {
  if (shape.length === 2) return [shape[0]!, shape[1]!];
  if (shape.length <= 1) return [1, size];
  const rows = shape[0]!;
  return [rows, rows === 0 ? 0 : size / rows];
}

/** An entry's index in its own shape: "dW[2, 5]", or "dW[1, 0, 2, 1]" for a filters×channels×k×k gradient. */
function indexLabel(name: string, shape: readonly number[], columns: number, r: number, c: number): string {
  if (shape.length <= 1) return `${name}[${c}]`;
  let flat = r * columns + c;
  const index = shape.map(() => 0);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis]!;
    flat = Math.floor(flat / shape[axis]!);
  }
  return `${name}[${index.join(', ')}]`;
}

/** One block per check that has per-entry errors; a 1-D gradient as long as the previous block is wide is drawn under it. */
export function heatBlocks(checks: readonly Pick<GradientCheck, 'name' | 'shape' | 'size' | 'entries'>[], threshold: number): HeatBlock[] {
  const blocks: HeatBlock[] = [];
  for (const check of checks) {
    const entries = check.entries;
    if (!entries) continue;
    const [rows, columns] = gridOf(check.shape, check.size);
    const pool: [number, number] = [Math.max(1, Math.ceil(rows / MAX_ROWS)), Math.max(1, Math.ceil(columns / MAX_COLUMNS))];
    const cellRows = Math.ceil(rows / pool[0]);
    const cellColumns = Math.ceil(columns / pool[1]);
    const cells: HeatCell[] = [];
    for (let r = 0; r < cellRows; r++) {
      for (let c = 0; c < cellColumns; c++) {
        let worst = 0;
        for (let i = r * pool[0]; i < Math.min(rows, (r + 1) * pool[0]); i++)
          for (let j = c * pool[1]; j < Math.min(columns, (c + 1) * pool[1]); j++) worst = Math.max(worst, entries[i * columns + j]!);
        const pooled = pool[0] > 1 || pool[1] > 1;
        const at = pooled
          ? `${check.name}, rows ${r * pool[0]}–${Math.min(rows, (r + 1) * pool[0]) - 1}, columns ${c * pool[1]}–${Math.min(columns, (c + 1) * pool[1]) - 1}`
          : indexLabel(check.name, check.shape, columns, r, c);
        cells.push({ row: r, column: c, error: worst, label: `${at}: relative error ${formatError(worst)}` });
      }
    }
    const previous = blocks[blocks.length - 1];
    const under = previous !== undefined && check.shape.length === 1 && previous.rows > 0 && previous.columns === cellColumns && previous.pool[1] === pool[1];
    const failing = entries.reduce((count, value) => count + (value >= threshold ? 1 : 0), 0);
    blocks.push({ name: check.name, rows: cellRows, columns: cellColumns, pool, cells, failing, size: check.size, under });
  }
  return blocks;
}

/** Where an error sits on the colour scale, from 0 (1e-16 or less, or exactly 0) to 1 (1 or more). */
export function errorPosition(error: number): number {
  if (!(error > 0)) return 0;
  return Math.min(1, Math.max(0, (Math.log10(error) - LOG_FLOOR) / (LOG_CEILING - LOG_FLOOR)));
}

/** An error's colour: pale to mid blue below the threshold, mid to deep red at or above it, so failing entries stand out as a block or a stripe. */
export function errorColour(error: number, threshold: number): string {
  const split = errorPosition(threshold);
  const t = errorPosition(error);
  if (error < threshold) return rgb(interpolateBlues(0.08 + 0.5 * (split > 0 ? t / split : 0))).formatHex();
  return rgb(interpolateReds(0.45 + 0.5 * (split < 1 ? (t - split) / (1 - split) : 1))).formatHex();
}
