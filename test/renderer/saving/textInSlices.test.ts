// Long texts built and made into Blobs in slices of the page's time: the same text, in order, with no character cut in two.
import { describe, expect, it } from 'vitest';
import { blobInSlices, textInSlices } from '../../../renderer/saving/textInSlices.js';

/** Pieces that each take about a millisecond to produce, so that a slice of 2 ms ends many times. */
function* slowPieces(count: number): Generator<string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + 1;
    while (performance.now() < until);
    yield `piece ${i};`;
  }
}

describe('textInSlices and blobInSlices', () => {
  it('joins the pieces in order while giving the event loop turns between slices', async () => {
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    const text = await textInSlices(slowPieces(40), 2);
    clearInterval(ticker);
    expect(text).toBe(Array.from({ length: 40 }, (_, i) => `piece ${i};`).join(''));
    expect(turns).toBeGreaterThan(3);
  });

  it('makes a Blob of the text as UTF-8, keeping a surrogate pair whole where a part ends', async () => {
    const text = `${'x'.repeat(65535)}🌲${'é'.repeat(70000)}🌲`;
    const blob = await blobInSlices(text, 'application/json');
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(text);
    expect(blob.size).toBe(new TextEncoder().encode(text).byteLength);
  });
});
