// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables and template interpolations are written ${like} this.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInterpolated } from '../../../../core/policy/extract/interpolation.ts';

describe('isInterpolated', () => {
  it.each([
    ['arn:aws:s3:::bucket/*', false],
    ['arn:aws:s3:::bucket/${aws:username}/*', false],
    ["${aws:PrincipalTag/team, 'none'}", false],
    ['${*}${?}${$}', false],
    ['arn:aws:s3:::${var.bucket}/*', true],
    ['arn:aws:s3:::${aws:username}-${local.suffix}', true],
    ['%{ if x }a%{ endif }', true],
    ['prefix-%{for k in keys}', true],
    ['{"json": "text"}', false],
    ['${unclosed', false],
    ['${unclosed %{ if x }', true],
    ['$ {spaced}', false],
  ])('%s: %s', (value, expected) => {
    expect(isInterpolated(value)).toBe(expected);
  });

  /** The rule spelt out: a '%{', or a '${...}' that is not an IAM policy variable. */
  function reference(value: string): boolean {
    if (value.includes('%{')) return true;
    for (const match of value.matchAll(/\$\{([^}]*)\}/g))
      if (!/^(?:[*?$]|[A-Za-z0-9][\w.-]*:[\w./[\]-]+(?:\s*,\s*'[^']*')?)$/.test(match[1]!)) return true;
    return false;
  }

  it('agrees with the rule spelt out as regular expressions', () => {
    const value = fc
      .array(fc.constantFrom('$', '{', '}', '%', 'a', ':', '/', '*', "'", ','), { maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(value, (text) => {
        expect(isInterpolated(text)).toBe(reference(text));
      }),
      { numRuns: 20000 },
    );
  });
});
