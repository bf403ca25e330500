import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../../core/policy/catalog/bounded-cache.ts';

describe('BoundedCache', () => {
  it('computes a value once, undefined included, and peeks without computing', () => {
    const cache = new BoundedCache<string, number | undefined>(10);
    const calls: string[] = [];
    const compute = (key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key.length;
    };
    expect(cache.get('abc', compute)).toBe(3);
    expect(cache.get('abc', compute)).toBe(3);
    expect(cache.get('none', compute)).toBeUndefined();
    expect(cache.get('none', compute)).toBeUndefined();
    expect(calls).toEqual(['abc', 'none']);
    expect(cache.peek('abc')).toBe(3);
    expect(cache.peek('none')).toBeUndefined();
    expect(cache.peek('other')).toBeUndefined();
  });

  it('forgets everything once it holds its limit, then fills again', () => {
    const cache = new BoundedCache<number, number>(3);
    let computed = 0;
    const square = (key: number) => {
      computed += 1;
      return key * key;
    };
    for (const key of [1, 2, 3]) cache.get(key, square);
    expect(cache.peek(1)).toBe(1);
    cache.get(4, square);
    expect(cache.peek(1)).toBeUndefined();
    expect(cache.peek(4)).toBe(16);
    expect(cache.get(1, square)).toBe(1);
    expect(computed).toBe(5);
  });
});
