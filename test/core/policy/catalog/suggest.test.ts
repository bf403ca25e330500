import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../../../core/policy/catalog/suggest.ts';

describe('editDistance', () => {
  it.each([
    ['getobject', 'getobject', 0],
    ['getobjet', 'getobject', 1],
    ['getobjetc', 'getobject', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%s -> %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('stops early past the limit, reporting limit + 1', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('getobjet', 'getobject', 2)).toBe(1);
  });
});

describe('nearest', () => {
  const names = ['GetObject', 'PutObject', 'GetObjectAcl', 'ListBucket'];

  it.each([
    ['GetObjet', 'GetObject'],
    ['getobject', 'GetObject'],
    ['PutObjetc', 'PutObject'],
    ['ListBuckets', 'ListBucket'],
    ['CreateBucket', undefined],
    ['x', undefined],
  ])('%s -> %s', (typed, expected) => {
    expect(nearest(typed, names)).toBe(expected);
  });
});
