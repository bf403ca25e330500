// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM ARN templates, condition keys and policy variables are written ${Like} this.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arnPatternsOverlap,
  parseArnTemplate,
  parseResourcePattern,
} from '../../../../core/policy/catalog/arn-match.ts';

function overlaps(resource: string, template: string): boolean {
  return arnPatternsOverlap(parseResourcePattern(resource), parseArnTemplate(template));
}

const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const ROLE = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
const FUNCTION = 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}';
const DMS_CERT = 'arn:${Partition}:dms:${Region}:${Account}:cert:*';

describe('arnPatternsOverlap', () => {
  it.each([
    ['arn:aws:s3:::bucket/key', OBJECT, true],
    ['arn:aws:s3:::bucket', OBJECT, false],
    ['arn:aws:s3:::bucket', BUCKET, true],
    ['arn:aws:s3:::bucket/*', OBJECT, true],
    ['arn:aws:s3:::bucket*', OBJECT, true],
    ['arn:aws:s3:::*', BUCKET, true],
    ['arn:aws:s3:::*', OBJECT, true],
    ['arn:aws:s3:::bucket/${aws:username}/*', OBJECT, true],
    ['arn:aws:s3:us-east-1::bucket', BUCKET, false],
    ['arn:aws:s3:*::bucket', BUCKET, true],
    ['arn:aws:ec2:::bucket', BUCKET, false],
    ['arn:aws:iam::123456789012:role/x', ROLE, true],
    ['arn:aws:iam::123456789012:role/path/x', ROLE, true],
    ['arn:aws:iam::123456789012:user/x', ROLE, false],
    ['arn:aws:iam::*:role/*', ROLE, true],
    ['arn:aws:iam::${aws:PrincipalAccount}:role/x', ROLE, true],
    ['arn:aws:iam::123456789012:role/x', BUCKET, false],
    ['arn:aws:lambda:us-east-1:123456789012:function:f', FUNCTION, true],
    ['arn:aws:lambda:us-east-1:123456789012:function:f:prod', FUNCTION, true],
    ['arn:aws:lambda:us-east-1:123456789012:layer:f', FUNCTION, false],
    ['arn:aws:dms:us-east-1:123456789012:cert:ABC', DMS_CERT, true],
    ['ARN:AWS:S3:::Bucket', BUCKET, true],
    ['arn:aws:s3:*', BUCKET, true],
    ['arn:aws:s3*', OBJECT, true],
    ['arn:aws:ec2:*', BUCKET, false],
    ['not-an-arn', BUCKET, false],
    ['arn:aws:s3:::b?cket', BUCKET, true],
    // Placeholders may be empty (generous), so '?' could be the '/' between an empty bucket and key.
    ['arn:aws:s3:::?', OBJECT, true],
    ['arn:aws:s3:::ab', OBJECT, false],
  ])('%s could name %s: %s', (resource, template, expected) => {
    expect(overlaps(resource, template)).toBe(expected);
  });
});

/** The reference for a concrete ARN against a pattern: part by part (five parts, then the rest), as regexes. */
function referenceMatch(pattern: string, arn: string, placeholders: boolean): boolean {
  const partsOf = (text: string) => {
    const parts = text.split(':');
    return parts.length < 6 ? [text] : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const patternParts = partsOf(pattern.replace(/\$\{[^}]*\}/g, '*'));
  const arnParts = partsOf(arn);
  if (patternParts.length !== arnParts.length) return false;
  return patternParts.every((part, index) => {
    const source = part
      .replace(/[.+^$()|[\]\\{}]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, placeholders ? '\\?' : '.');
    return new RegExp(`^${source}$`, 'is').test(arnParts[index]!);
  });
}

describe('arnPatternsOverlap against a reference', () => {
  const part = fc.array(fc.constantFrom('a', 'b', '1', '-'), { maxLength: 3 }).map((chars) => chars.join(''));
  const resourcePart = fc
    .array(fc.constantFrom('a', 'b', '/', ':', '1'), { maxLength: 5 })
    .map((chars) => chars.join(''));
  const arn = fc
    .tuple(part, part, part, part, resourcePart)
    .map(([partition, service, region, account, resource]) =>
      ['arn', partition, service, region, account, resource].join(':'),
    );
  const wildcardPart = fc
    .array(fc.constantFrom('a', 'b', '1', '*', '?'), { maxLength: 3 })
    .map((chars) => chars.join(''));
  const wildcardResource = fc
    .array(fc.constantFrom('a', 'b', '/', ':', '*', '?'), { maxLength: 5 })
    .map((chars) => chars.join(''));
  const pattern = fc
    .tuple(wildcardPart, wildcardPart, wildcardPart, wildcardPart, wildcardResource)
    .map(([partition, service, region, account, resource]) =>
      ['arn', partition, service, region, account, resource].join(':'),
    );
  const placeholderPart = fc
    .array(fc.constantFrom('a', 'b', '1', '${X}'), { maxLength: 3 })
    .map((chars) => chars.join(''));
  const placeholderResource = fc
    .array(fc.constantFrom('a', 'b', '/', ':', '${Y}'), { maxLength: 4 })
    .map((chars) => chars.join(''));
  const template = fc
    .tuple(placeholderPart, placeholderPart, placeholderPart, placeholderPart, placeholderResource)
    .map(([partition, service, region, account, resource]) =>
      ['arn', partition, service, region, account, resource].join(':'),
    );

  it('a concrete Resource overlaps a template exactly when the template matches it', () => {
    fc.assert(
      fc.property(arn, template, (concrete, withPlaceholders) => {
        expect(overlaps(concrete, withPlaceholders)).toBe(referenceMatch(withPlaceholders, concrete, true));
      }),
      { numRuns: 3000 },
    );
  });

  it('a wildcard Resource overlaps a concrete ARN exactly when it matches it', () => {
    fc.assert(
      fc.property(pattern, arn, (wildcards, concrete) => {
        expect(overlaps(wildcards, concrete)).toBe(referenceMatch(wildcards, concrete, false));
      }),
      { numRuns: 3000 },
    );
  });

  /** Derives a pattern from `text` by replacing characters with `*`, `?` (policy) or `${X}` (template). */
  function derive(text: string, choices: readonly number[], template: boolean): string {
    return [...text]
      .map((char, index) => {
        const choice = choices[index % Math.max(1, choices.length)] ?? 0;
        if (choice === 1) return template ? '${X}' : '*';
        if (choice === 2) return template ? '${Y}' : '?';
        return char;
      })
      .join('');
  }

  const parts = fc.tuple(part, part, part, part, resourcePart);
  const choices = fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 6 });

  it('a Resource and a template that both match some ARN always overlap', () => {
    fc.assert(
      fc.property(
        parts,
        fc.array(choices, { minLength: 5, maxLength: 5 }),
        fc.array(choices, { minLength: 5, maxLength: 5 }),
        (arnParts, policyChoices, templateChoices) => {
          const wildcards = [
            'arn',
            ...arnParts.map((text, index) => derive(text, policyChoices[index]!, false)),
          ].join(':');
          const withPlaceholders = [
            'arn',
            ...arnParts.map((text, index) => derive(text, templateChoices[index]!, true)),
          ].join(':');
          // Deriving keeps both patterns matching the ARN, unless a '?' or placeholder swallowed a resource-part colon.
          const concrete = ['arn', ...arnParts].join(':');
          fc.pre(
            referenceMatch(wildcards, concrete, false) && referenceMatch(withPlaceholders, concrete, true),
          );
          expect(overlaps(wildcards, withPlaceholders)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('arnPatternsOverlap on values compared whole, against every short word', () => {
  // Values with fewer than five colons are compared whole: this reaches the matching of two token patterns
  // (the character-by-character ends and the table between them) with wildcards and placeholders on both sides.
  const ALPHABET = ['a', 'b', '/', ':'];
  const WORDS: string[] = [''];
  for (let length = 1, from = 0; length <= 6; length++) {
    const to = WORDS.length;
    for (let i = from; i < to; i++) for (const char of ALPHABET) WORDS.push(WORDS[i]! + char);
    from = to;
  }

  /** The value as a regex over whole words; `${BucketName}` values never hold '/' or ':'. */
  function asRegex(value: string, template: boolean): RegExp {
    const source = value
      .split(/(\$\{[^}]*\}|\*|\?)/)
      .map((piece) => {
        if (piece === '*') return '.*';
        if (piece === '?') return template ? '\\?' : '.';
        if (piece.startsWith('${')) return template && piece === '${BucketName}' ? '[^/:]*' : '.*';
        return piece.replace(/[.+^$()|[\]\\{}/]/g, '\\$&');
      })
      .join('');
    return new RegExp(`^${source}$`, 's');
  }

  const resource = fc
    .array(fc.constantFrom('a', 'b', '/', '*', '?', '${aws:username}'), { maxLength: 4 })
    .map((pieces) => pieces.join(''));
  const template = fc
    .array(fc.constantFrom('a', '/', ':', '${X}', '${BucketName}'), { maxLength: 4 })
    .map((pieces) => pieces.join(''))
    .filter((value) => value.split(':').length < 6);

  it('two values overlap exactly when some word matches both', () => {
    fc.assert(
      fc.property(resource, template, (policyValue, templateValue) => {
        const policyRegex = asRegex(policyValue, false);
        const templateRegex = asRegex(templateValue, true);
        const expected = WORDS.some((word) => policyRegex.test(word) && templateRegex.test(word));
        expect(overlaps(policyValue, templateValue)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['vpc/*', 'subnet/${SubnetId}', false],
    ['key/*', 'key/${KeyId}', true],
    ['key/a?', 'key/${KeyId}b', true],
    ['key/ab', 'key/${KeyId}c', false],
    ['a/*', '${BucketName}', false],
    ['ab', 'a${X}b', true],
    ['a', 'a${X}b', false],
  ])('%s overlaps %s: %s', (policyValue, templateValue, expected) => {
    expect(overlaps(policyValue, templateValue)).toBe(expected);
  });
});
