import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkName, commentMarker, sarifCategory } from '../../action/report-context.ts';
import { parseShard, shardLabel, shardSlice } from '../../action/shard.ts';

describe('shards', () => {
  it('split any list so every item is in exactly one shard, in order, sizes differing by at most one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 600 }),
        fc.integer({ min: 1, max: 64 }),
        (items, count) => {
          const slices = Array.from({ length: count }, (_, index) =>
            shardSlice(items, { index: index + 1, count }),
          );
          expect(slices.flat()).toEqual(items);
          const sizes = slices.map((slice) => slice.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('parse K/N and refuse the rest', () => {
    expect(parseShard('2/4')).toEqual({ ok: true, shard: { index: 2, count: 4 } });
    expect(parseShard('1/1')).toEqual({ ok: true, shard: { index: 1, count: 1 } });
    for (const text of ['0/4', '5/4', '1/0', '1/257', 'a/b', '1-4', ''])
      expect(parseShard(text)).toMatchObject({ ok: false });
  });

  it('give each shard its own SARIF category, comment marker and check name', () => {
    const shard = { index: 2, count: 4 };
    expect(shardLabel(shard)).toBe('shard-2-of-4');
    expect(sarifCategory('scan', shard)).toBe('axiom/scan/shard-2-of-4/');
    expect(sarifCategory('policy', undefined)).toBe('axiom/policy/');
    expect(commentMarker(shard)).toBe('<!-- axiom:scan-action shard-2-of-4 -->');
    expect(commentMarker(undefined)).toBe('<!-- axiom:scan-action -->');
    expect(checkName(shard)).toBe('Axiom (shard 2/4)');
    expect(checkName({ index: 1, count: 1 })).toBe('Axiom');
  });
});
