// The builder's sequence edits (plain Node): insert at a position, move by drag or by one place, remove — always a new array.
import { describe, expect, it } from 'vitest';
import { insertAt, moveBefore, moveBy, removeAt } from '../../../renderer/builder/sequenceEdits.js';

const abc = ['a', 'b', 'c'] as const;

describe('insertAt', () => {
  it('inserts before the given position, at the start, in the middle and at the end', () => {
    expect(insertAt(abc, 0, 'x')).toEqual(['x', 'a', 'b', 'c']);
    expect(insertAt(abc, 2, 'x')).toEqual(['a', 'b', 'x', 'c']);
    expect(insertAt(abc, 3, 'x')).toEqual(['a', 'b', 'c', 'x']);
  });

  it('clamps a position outside the list to its ends, and inserts into an empty list', () => {
    expect(insertAt(abc, -4, 'x')).toEqual(['x', 'a', 'b', 'c']);
    expect(insertAt(abc, 99, 'x')).toEqual(['a', 'b', 'c', 'x']);
    expect(insertAt([], 0, 'x')).toEqual(['x']);
  });

  it('leaves the original list as it was', () => {
    const items = ['a', 'b'];
    insertAt(items, 1, 'x');
    expect(items).toEqual(['a', 'b']);
  });
});

describe('moveBefore', () => {
  it('moves an item down so that it lands before the item that was at the target', () => {
    expect(moveBefore(abc, 0, 2)).toEqual(['b', 'a', 'c']);
    expect(moveBefore(abc, 0, 3)).toEqual(['b', 'c', 'a']);
  });

  it('moves an item up', () => {
    expect(moveBefore(abc, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveBefore(abc, 2, 1)).toEqual(['a', 'c', 'b']);
  });

  it('changes nothing when dropped just before or just after itself, or when the item does not exist', () => {
    expect(moveBefore(abc, 1, 1)).toEqual(['a', 'b', 'c']);
    expect(moveBefore(abc, 1, 2)).toEqual(['a', 'b', 'c']);
    expect(moveBefore(abc, 5, 0)).toEqual(['a', 'b', 'c']);
    expect(moveBefore(abc, -1, 0)).toEqual(['a', 'b', 'c']);
  });
});

describe('moveBy', () => {
  it('swaps an item with its neighbour above or below', () => {
    expect(moveBy(abc, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(abc, 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the first item where it is when moved up, and the last when moved down', () => {
    expect(moveBy(abc, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(abc, 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('removeAt', () => {
  it('removes the item at a position and ignores positions outside the list', () => {
    expect(removeAt(abc, 1)).toEqual(['a', 'c']);
    expect(removeAt(abc, 3)).toEqual(['a', 'b', 'c']);
    expect(removeAt(['a'], 0)).toEqual([]);
  });
});
