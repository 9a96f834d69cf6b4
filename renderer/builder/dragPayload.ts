// What a drag in the builder carries (renderer): a new layer from the palette or a layer being moved, and where it lands.
import { isLayerType } from '../../engine/layers/registry.js';
import type { LayerType } from '../../engine/spec.js';

/** The drag data type; other drags (files, text) are not accepted by the sequence. */
export const LAYER_DRAG_TYPE = 'application/x-backprop-layer';

export type LayerDrag = { kind: 'new'; type: LayerType } | { kind: 'move'; from: number };

export function encodeDrag(drag: LayerDrag): string {
  return JSON.stringify(drag);
}

/** The drag `text` describes, or null for anything else. */
export function decodeDrag(text: string): LayerDrag | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const drag = value as Record<string, unknown>;
    if (drag.kind === 'new' && typeof drag.type === 'string' && isLayerType(drag.type)) return { kind: 'new', type: drag.type };
    if (drag.kind === 'move' && Number.isInteger(drag.from) && (drag.from as number) >= 0) return { kind: 'move', from: drag.from as number };
    return null;
  } catch {
    return null;
  }
}

/** Dropped over the card at `index`: before it in its upper half, after it in its lower half. */
export function dropIndexOver(index: number, pointerY: number, top: number, height: number): number {
  return pointerY < top + height / 2 ? index : index + 1;
}
