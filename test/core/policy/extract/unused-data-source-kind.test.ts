import { describe, expect, it } from 'vitest';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';

describe('an aws_iam_policy_document that no resource in the file uses', () => {
  it('gets its kind from its statements, so a trust document is checked as one', () => {
    const text = `data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
`;
    const { documents } = extractPolicies({ path: 'trust.tf', text });
    expect(documents.map((document) => document.kind)).toEqual(['trust']);
  });

  it('stays an identity document when it names no principal', () => {
    const text = `data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::bucket/*"]
  }
}
`;
    expect(extractPolicies({ path: 'read.tf', text }).documents.map((document) => document.kind)).toEqual([
      'identity',
    ]);
  });
});
