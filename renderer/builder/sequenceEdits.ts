// Editing a list in place of a network's layer sequence (renderer): insert at, move, remove — each returns a new array.

/** `items` with `item` inserted before position `index` (clamped to 0..length, so length appends). */
export function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(items.length, Math.trunc(index)));
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/**
 * `items` with the item at `from` moved so that it lands before the item that was at `before` (drag-and-drop
 * semantics: `before` counts positions in the list as it was; length means the end). Out-of-range `from` changes nothing.
 */
export function moveBefore<T>(items: readonly T[], from: number, before: number): T[] {
  if (!Number.isInteger(from) || from < 0 || from >= items.length) return [...items];
  const target = Math.max(0, Math.min(items.length, Math.trunc(before)));
  const landing = target > from ? target - 1 : target;
  if (landing === from) return [...items];
  const rest = [...items.slice(0, from), ...items.slice(from + 1)];
  return [...rest.slice(0, landing), items[from]!, ...rest.slice(landing)];
}

/** `items` with the item at `from` moved one place up (-1) or down (+1); at an end, unchanged. */
export function moveBy<T>(items: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  return moveBefore(items, from, step === 1 ? to + 1 : to);
}

/** `items` without the item at `index`; out of range, unchanged. */
export function removeAt<T>(items: readonly T[], index: number): T[] {
  if (index < 0 || index >= items.length) return [...items];
  return [...items.slice(0, index), ...items.slice(index + 1)];
}
