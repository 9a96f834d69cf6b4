// What a builder drag carries (plain Node): encoded and read back, anything else refused, and where a drop over a card lands.
import { describe, expect, it } from 'vitest';
import { decodeDrag, dropIndexOver, encodeDrag } from '../../../renderer/builder/dragPayload.js';

describe('drag payloads', () => {
  it('reads back a new layer and a move', () => {
    expect(decodeDrag(encodeDrag({ kind: 'new', type: 'dropout' }))).toEqual({ kind: 'new', type: 'dropout' });
    expect(decodeDrag(encodeDrag({ kind: 'move', from: 3 }))).toEqual({ kind: 'move', from: 3 });
  });

  it('refuses text that is not a layer drag', () => {
    for (const text of ['', 'hello', '{"kind":"new","type":"lstm"}', '{"kind":"move","from":-1}', '{"kind":"move","from":1.5}', 'null']) {
      expect(decodeDrag(text)).toBeNull();
    }
  });
});

describe('dropIndexOver', () => {
  it('drops before a card over its upper half and after it over its lower half', () => {
    expect(dropIndexOver(2, 105, 100, 40)).toBe(2);
    expect(dropIndexOver(2, 125, 100, 40)).toBe(3);
  });
});
