import { describe, expect, it } from 'vitest';
import {
  parseSuppressionComment,
  yamlSuppressionComments,
} from '../../../../core/policy/extract/suppression-comments.ts';

describe('suppression comments', () => {
  it.each([
    [
      '# axiom:ignore iam.policy.star legacy role, removed in Q3',
      'iam.policy.star',
      'legacy role, removed in Q3',
    ],
    ['// axiom:ignore IAM-001 reviewed', 'IAM-001', 'reviewed'],
    ['/* axiom:ignore IAM-001 reviewed */', 'IAM-001', 'reviewed'],
    ['#axiom:ignore IAM-001', 'IAM-001', ''],
  ])('reads %j', (comment, checkId, reason) => {
    expect(parseSuppressionComment(comment, 7)).toEqual({ line: 7, checkId, reason });
  });

  it.each(['# a comment', '# axiom:ignore', '# see axiom:ignore docs'])('ignores %j', (comment) => {
    expect(parseSuppressionComment(comment, 1)).toBeUndefined();
  });

  it('finds YAML comments at the start of a line and after a value, not inside a value', () => {
    const text = [
      '# axiom:ignore A first',
      'Action: "*"  # axiom:ignore B second',
      'Resource: "arn#axiom:ignore C not a comment"',
    ].join('\n');
    expect(yamlSuppressionComments(text)).toEqual([
      { line: 1, checkId: 'A', reason: 'first' },
      { line: 2, checkId: 'B', reason: 'second' },
    ]);
  });
});
