// What a drag in the builder carries (renderer): a new layer from the palette or a layer being moved, and where it lands.
import { isLayerType, LayerSpecSchema } from '../../engine/layers/registry.js';
import type { LayerSpec, LayerType } from '../../engine/spec.js';

/** The drag data type; other drags (files, text) are not accepted by the sequence. */
export const LAYER_DRAG_TYPE = 'application/x-backprop-layer';

/** A new layer of a type, or a whole layer (one of the user's own activations); or a layer being moved. */
export type LayerDrag = { kind: 'new'; type: LayerType; layer?: LayerSpec } | { kind: 'move'; from: number };

export function encodeDrag(drag: LayerDrag): string {
  return JSON.stringify(drag);
}

/** The drag `text` describes, or null for anything else. */
export function decodeDrag(text: string): LayerDrag | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const drag = value as Record<string, unknown>;
    if (drag.kind === 'new' && typeof drag.type === 'string' && isLayerType(drag.type)) {
      if (drag.layer === undefined) return { kind: 'new', type: drag.type };
      const layer = LayerSpecSchema.safeParse(drag.layer);
      return layer.success && layer.data.type === drag.type ? { kind: 'new', type: drag.type, layer: layer.data } : null;
    }
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
