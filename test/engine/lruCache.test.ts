// The bounded cache both engine caches are made of: hits, misses, and letting go of the least recently used by count and by bytes.
import { describe, expect, it } from 'vitest';
import { LruCache } from '../../engine/lruCache.js';

const cache = (maxEntries: number, maxBytes: number) => new LruCache<string>({ maxEntries, maxBytes }, (value) => value.length);

describe('LruCache', () => {
  it('returns what was kept under a key and nothing for a key never kept', () => {
    const kept = cache(3, 100);
    kept.set('a', 'alpha');
    expect(kept.get('a')).toBe('alpha');
    expect(kept.get('b')).toBeUndefined();
    expect(kept.bytes).toBe(5);
  });

  it('lets go of the least recently used entry when it holds more entries than allowed', () => {
    const kept = cache(2, 100);
    kept.set('a', 'x');
    kept.set('b', 'y');
    kept.get('a');
    kept.set('c', 'z');
    expect(kept.keys()).toEqual(['a', 'c']);
    expect(kept.get('b')).toBeUndefined();
  });

  it('lets go of the least recently used entries until its bytes fit the budget', () => {
    const kept = cache(10, 10);
    kept.set('a', '1234');
    kept.set('b', '1234');
    kept.set('c', '1234');
    expect(kept.keys()).toEqual(['b', 'c']);
    expect(kept.bytes).toBe(8);
  });

  it('keeps no entry larger than the whole budget, and replacing an entry counts its bytes once', () => {
    const kept = cache(10, 10);
    kept.set('a', '12345');
    kept.set('huge', '12345678901');
    expect(kept.has('huge')).toBe(false);
    expect(kept.keys()).toEqual(['a']);
    kept.set('a', '123');
    expect(kept.bytes).toBe(3);
    kept.delete('a');
    expect(kept.size).toBe(0);
    expect(kept.bytes).toBe(0);
  });
});
