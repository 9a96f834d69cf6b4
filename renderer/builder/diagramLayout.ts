// The network diagram's geometry (renderer): one box per layer in a row, its height growing with the width it gives, arrows between.
import type { LayerFamily } from '../../engine/layers/layerDefinition.js';
import { findLayerDefinition } from '../../engine/layers/registry.js';
import { UNKNOWN_SHAPE, formatShape, type Shape } from '../../engine/layers/shape.js';

/** One column of the diagram: the network input or a checked layer. */
export interface DiagramNode {
  /** -1 for the network input, else the layer's index. */
  index: number;
  name: string;
  /** The input, or the family of the layer's type. */
  kind: 'input' | LayerFamily;
  /** Undefined where the engine could not know it (after a layer whose input does not fit); so are the shapes and parameters. */
  inputs: number | undefined;
  outputs: number | undefined;
  /** The shapes of one sample in and out, when the engine gave them ([n], or [C, H, W] for an image). */
  inputShape?: Shape;
  outputShape?: Shape;
  parameters: number | undefined;
  /** The engine named a problem at this node. */
  bad: boolean;
}

export interface DiagramBox extends DiagramNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** "64 → 32" for a layer ("? → ?" where unknown), "64 features" for the input. */
  shape: string;
  /** "2,080 params", "2,080" when the column is narrow, "" without parameters. */
  params: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  boxes: (DiagramBox & { row: number; middle: number; nameY: number; shapeY: number; paramsY: number })[];
  /** SVG paths of the arrows from each box to the next; one that wraps to the next row runs through the gap between rows. */
  arrows: string[];
}

const PAD = 12;
const GAP = 18;
const MIN_COLUMN = 60;
const MAX_COLUMN = 112;
const MIN_BOX = 14;
const MAX_BOX = 104;
/** A row: the names above the boxes, the boxes, the shapes and parameters below, and room for a wrapping arrow. */
const NAME_ROOM = 30;
const LABEL_ROOM = 44;
const ROW_GAP = 18;
const ROW_HEIGHT = NAME_ROOM + MAX_BOX + LABEL_ROOM + ROW_GAP;

/** Box height for a width: logarithmic, so 1 and 64 and 1,000 all stay visible and ordered; the smallest for an unknown width. */
export function boxHeight(outputs: number | undefined, widest: number): number {
  if (outputs === undefined || widest <= 1) return MIN_BOX;
  return MIN_BOX + (MAX_BOX - MIN_BOX) * (Math.log2(1 + outputs) / Math.log2(1 + widest));
}

/** How many columns fit in `available` pixels, evened out over the rows they need (9 in rows of 8 → rows of 5 and 4). */
export function columnsPerRow(count: number, available: number): number {
  const fit = Math.max(1, Math.floor((available - 2 * PAD + GAP) / (MIN_COLUMN + GAP)));
  const rows = Math.ceil(Math.max(1, count) / fit);
  return Math.ceil(Math.max(1, count) / rows);
}

/** About how wide a label's character is at the diagram's font, for choosing a label that fits its column. */
const CHARACTER_WIDTH = 6.6;

/** "64 → 32" for a vector layer, "1×8×8 → 8×8×8" for an image one (just "→ 8×8×8" where the column is too narrow for both). */
function shapeLabel(node: DiagramNode, column: number): string {
  const input = node.inputShape && node.inputShape.length > 1 ? formatShape(node.inputShape) : String(node.inputs ?? UNKNOWN_SHAPE);
  const output = node.outputShape && node.outputShape.length > 1 ? formatShape(node.outputShape) : String(node.outputs ?? UNKNOWN_SHAPE);
  if (node.kind === 'input') return node.outputShape && node.outputShape.length > 1 ? `${output} image` : `${node.outputs} features`;
  const both = `${input} → ${output}`;
  return both.length * CHARACTER_WIDTH <= column ? both : `→ ${output}`;
}

/** Lays the nodes out from left to right in `available` pixels, in as many rows as they need, never narrower than readable. */
export function diagramLayout(nodes: readonly DiagramNode[], available: number): DiagramLayout {
  const perRow = columnsPerRow(nodes.length, available);
  const column = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, (available - 2 * PAD - GAP * (perRow - 1)) / perRow));
  const used = 2 * PAD + perRow * column + (perRow - 1) * GAP;
  const width = Math.max(available, used);
  const left = (width - used) / 2 + PAD;
  const widest = Math.max(1, ...nodes.map((node) => node.outputs ?? 1));
  const rows = Math.max(1, Math.ceil(nodes.length / perRow));
  const boxes = nodes.map((node, i) => {
    const row = Math.floor(i / perRow);
    const top = row * ROW_HEIGHT;
    const middle = top + NAME_ROOM + MAX_BOX / 2;
    const height = boxHeight(node.outputs, widest);
    const params =
      node.parameters === undefined
        ? `${UNKNOWN_SHAPE}${column >= 84 ? ' params' : ''}`
        : node.parameters > 0
          ? `${node.parameters.toLocaleString('en')}${column >= 84 ? ' params' : ''}`
          : '';
    return {
      ...node,
      row,
      middle,
      x: left + (i % perRow) * (column + GAP),
      y: middle - height / 2,
      width: column,
      height,
      nameY: top + NAME_ROOM - 10,
      shapeY: top + NAME_ROOM + MAX_BOX + 18,
      paramsY: top + NAME_ROOM + MAX_BOX + 34,
      shape: shapeLabel(node, column),
      params,
    };
  });
  const arrows = boxes.slice(1).map((to, i) => {
    const from = boxes[i]!;
    if (to.row === from.row) return `M${from.x + column + 2},${from.middle}H${to.x - 3}`;
    const lane = from.row * ROW_HEIGHT + NAME_ROOM + MAX_BOX + LABEL_ROOM + ROW_GAP / 2;
    const out = Math.min(width - 3, from.x + column + GAP / 2);
    const into = Math.max(3, to.x - GAP / 2);
    return `M${from.x + column + 2},${from.middle}H${out}V${lane}H${into}V${to.middle}H${to.x - 3}`;
  });
  return { width, height: rows * ROW_HEIGHT - ROW_GAP, boxes, arrows };
}

/** The diagram's columns for an engine answer: the input, then each layer; `badLayers` and `badInput` mark where problems are. */
export function diagramNodes(
  layers: readonly { index: number; type: string; inputs?: number; outputs?: number; inputShape?: Shape; outputShape?: Shape; parameters?: number }[],
  names: (type: string, index: number) => string,
  badLayers: ReadonlySet<number>,
  badInput: boolean,
): DiagramNode[] {
  if (layers.length === 0) return [];
  const first = layers[0]!;
  const input = first.inputs;
  const inputShape = first.inputShape ? { inputShape: first.inputShape, outputShape: first.inputShape } : {};
  return [
    { index: -1, name: 'Input', kind: 'input', inputs: input, outputs: input, ...inputShape, parameters: 0, bad: badInput },
    ...layers.map((layer): DiagramNode => ({
      index: layer.index,
      name: names(layer.type, layer.index),
      kind: findLayerDefinition(layer.type)?.family ?? 'activation',
      inputs: layer.inputs,
      outputs: layer.outputs,
      ...(layer.inputShape ? { inputShape: layer.inputShape } : {}),
      ...(layer.outputShape ? { outputShape: layer.outputShape } : {}),
      parameters: layer.parameters,
      bad: badLayers.has(layer.index),
    })),
  ];
}
