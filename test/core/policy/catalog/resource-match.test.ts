// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM ARN templates, condition keys and policy variables are written ${Like} this.
import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';

const catalog = loadIamCatalog();

function action(key: string) {
  const found = catalog.action(key);
  if (!found) throw new Error(`test setup: ${key} is not in the catalogue`);
  return found;
}

describe('resourceMatchesAction', () => {
  it.each([
    ['arn:aws:s3:::bucket/key', 's3:GetObject', true],
    ['arn:aws:s3:::bucket/*', 's3:GetObject', true],
    ['arn:aws:s3:::bucket', 's3:GetObject', false],
    ['arn:aws:s3:::bucket', 's3:ListBucket', true],
    // The classic mistake: bucket names hold no '/', so an object ARN never names the bucket ListBucket needs.
    ['arn:aws:s3:::bucket/*', 's3:ListBucket', false],
    ['arn:aws:s3:::bucket/key', 's3:ListBucket', false],
    ['arn:aws:s3:::*', 's3:ListBucket', true],
    ['arn:aws:iam::123456789012:role/x', 'iam:PassRole', true],
    ['arn:aws:iam::123456789012:role/service-role/x', 'iam:PassRole', true],
    ['arn:aws:iam::123456789012:user/x', 'iam:PassRole', false],
    ['arn:aws:iam::123456789012:role/x', 's3:GetObject', false],
    ['arn:aws-cn:s3:::bucket/key', 's3:GetObject', true],
    ['arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/key', 's3:GetObject', true],
    ['arn:aws:lambda:us-east-1:123456789012:function:f:live', 'lambda:InvokeFunction', true],
    ['arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'ec2:TerminateInstances', true],
    ['arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'ec2:DescribeInstances', false],
    ['*', 'ec2:DescribeInstances', true],
    ['*', 's3:GetObject', true],
    ['*', 'iam:PassRole', true],
    ['arn:aws:s3:::*', 's3:ListAllMyBuckets', true],
    ['arn:aws:iam::${aws:PrincipalAccount}:role/${aws:username}-*', 'iam:PassRole', true],
    ['arn:${AWS::Partition}:s3:::${Bucket}/*', 's3:GetObject', true],
    ['arn:aws:s3:::bucket/${aws:username}', 's3:ListBucket', false],
    ['arn:aws:ec2:*:*:*', 'iam:PassRole', false],
  ])('%s applies to %s: %s', (resource, key, expected) => {
    expect(catalog.resourceMatchesAction(resource, action(key))).toBe(expected);
  });
});

describe('matchResource', () => {
  it('says which resource types a value could name', () => {
    const match = catalog.matchResource('arn:aws:s3:::bucket/key', action('s3:GetObject'));
    expect(match.resultType).toBe('match');
    expect(match.resultType === 'match' && match.resourceTypes.map((type) => type.name)).toEqual(['object']);
    const both = catalog.matchResource('arn:aws:s3:*:*:*', action('s3:GetObject'));
    expect(both.resultType === 'match' && both.resourceTypes.map((type) => type.name).sort()).toEqual([
      'accesspointobject',
      'object',
    ]);
  });

  it.each([
    ['*', 's3:GetObject', { resultType: 'any' }],
    ['*', 'ec2:DescribeInstances', { resultType: 'any' }],
    ['arn:aws:s3:::bucket', 's3:GetObject', { resultType: 'no-match' }],
    [
      'arn:aws:ec2:us-east-1:1:instance/i-1',
      'ec2:DescribeInstances',
      { resultType: 'wildcard-only', possible: false },
    ],
    ['arn:aws:ec2:*:*:*', 'ec2:DescribeInstances', { resultType: 'wildcard-only', possible: true }],
  ])('%s with %s is %j', (resource, key, expected) => {
    expect(catalog.matchResource(resource, action(key))).toEqual(expected);
  });

  it('a placeholder or wildcard in any part never causes a mismatch where a concrete value would match', () => {
    const getObject = action('s3:GetObject');
    for (const resource of [
      'arn:*:s3:::bucket/key',
      'arn:aws:*:::bucket/key',
      'arn:aws:s3:*:*:bucket/key',
      'arn:${Partition}:s3:::${Name}/${Key}',
      'arn:aws:s3:::?ucket/k?y',
      'arn:aws:s3:::*/*',
    ]) {
      expect(catalog.resourceMatchesAction(resource, getObject), resource).toBe(true);
    }
  });
});
