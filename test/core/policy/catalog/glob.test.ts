import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, globMatches, hasWildcard } from '../../../../core/policy/catalog/glob.ts';

/** The obvious, slow definition the fast matcher must agree with. */
function reference(pattern: string, text: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(text);
}

describe('globMatches', () => {
  it.each([
    ['get*', 'getobject', true],
    ['get*', 'putobject', false],
    ['*', '', true],
    ['*', 'anything', true],
    ['', '', true],
    ['', 'x', false],
    ['get?bject', 'getobject', true],
    ['get?bject', 'getbject', false],
    ['*object', 'getobject', true],
    ['*object*', 'getobjectacl', true],
    ['*o*j*t', 'getobject', true],
    ['*o*j*t', 'getobjects', false],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'acb', false],
    ['describe*s', 'describeinstances', true],
    ['??', 'ab', true],
    ['??', 'abc', false],
    ['a**b', 'ab', true],
    ['get*', 'get', true],
    ['x*', '*', false],
  ])('%s against %s is %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
    expect(compileGlob(pattern)(text)).toBe(expected);
  });

  it('agrees with the RegExp definition on random patterns and texts', () => {
    const letter = fc.constantFrom('a', 'b', 'c', '.', '*', '?');
    const textLetter = fc.constantFrom('a', 'b', 'c', '.', '*', '?', 'x');
    fc.assert(
      fc.property(
        fc.array(letter, { maxLength: 8 }).map((chars) => chars.join('')),
        fc.array(textLetter, { maxLength: 10 }).map((chars) => chars.join('')),
        (pattern, text) => {
          const expected = reference(pattern, text);
          expect(globMatches(pattern, text)).toBe(expected);
          expect(compileGlob(pattern)(text)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('hasWildcard', () => {
  it.each([
    ['s3:Get*', true],
    ['s3:Get?bject', true],
    ['s3:GetObject', false],
  ])('%s -> %s', (text, expected) => {
    expect(hasWildcard(text)).toBe(expected);
  });
});
