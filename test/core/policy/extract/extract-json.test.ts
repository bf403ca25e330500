// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform, CloudFormation and IAM syntax under test.
import { describe, expect, it } from 'vitest';
import { extractFixture, testPositions } from './position-harness.ts';

describe('bare JSON policy documents', () => {
  testPositions('json/identity-policy.json', [
    ['', 'doc', '', '1:1-23:2'],
    ['', 's0', '', '4:5-16:6'],
    ['', 's0.sid', 'ReadBucket', '5:14-5:26'],
    ['', 's0.effect', 'Allow', '6:17-6:24'],
    ['', 's0.action[0]', 's3:GetObject', '7:18-7:32'],
    ['', 's0.action[1]', 's3:ListBucket', '7:34-7:49'],
    ['', 's0.resource[0]', 'arn:aws:s3:::reports', '9:9-9:31'],
    // An IAM policy variable is policy text, not a placeholder.
    ['', 's0.resource[1]', 'arn:aws:s3:::reports/${aws:username}/*', '10:9-10:49'],
    ['', 's0.condition[0].operator', 'Bool', '13:9-13:15'],
    ['', 's0.condition[0].key', 'aws:SecureTransport', '13:19-13:40'],
    ['', 's0.condition[0].values[0]', 'true', '13:42-13:46'],
    ['', 's0.condition[1].operator', 'StringLike', '14:9-14:21'],
    ['', 's0.condition[1].key', 's3:prefix', '14:25-14:36'],
    ['', 's0.condition[1].values[1]', 'home/${aws:username}/*', '14:48-14:72'],
    ['', 's1', '', '17:5-21:6'],
    ['', 's1.notAction[0]', 'iam:*', '19:20-19:27'],
    // A template variable (a templatefile policy) is a placeholder.
    ['', 's1.notResource[0]', '{{arn:aws:iam::111122223333:role/${RoleName}}}', '20:22-20:66'],
  ]);

  testPositions('json/trust-policy.json', [
    ['', 's0', '', '3:16-11:4'],
    ['', 's0.principal[0]', 'AWS arn:aws:iam::444455556666:root', '6:15-6:47'],
    ['', 's0.principal[1]', 'AWS arn:aws:iam::777788889999:role/ci', '6:49-6:84'],
    ['', 's0.principal[2]', 'Federated cognito-identity.amazonaws.com', '7:20-7:52'],
    ['', 's0.action[1]', 'sts:TagSession', '9:34-9:50'],
    ['', 's0.condition[1].operator', 'StringEquals', '10:20-10:34'],
    ['', 's0.condition[1].key', 'aws:PrincipalOrgID', '10:64-10:84'],
    ['', 's0.condition[1].values[0]', 'o-abc', '10:87-10:94'],
  ]);

  testPositions('json/bucket-policy.json', [
    ['', 's0.principal[0]', '* *', '4:56-4:59'],
    ['', 's1.notPrincipal[0]', 'CanonicalUser 79a59df900b949e55d96a1e698fbaced', '5:60-5:94'],
    ['', 's1.resource[0]', '*', '5:128-5:131'],
  ]);

  it.each([
    ['json/identity-policy.json', 'identity'],
    ['json/trust-policy.json', 'trust'],
    ['json/bucket-policy.json', 'resource'],
  ])('infers the kind of %s: %s', (name, kind) => {
    const { documents, problems } = extractFixture(name);
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.kind, d.source.format, d.source.holder])).toEqual([
      [kind, 'json', undefined],
    ]);
  });

  it('keeps the document as plain JSON in raw', () => {
    const [document] = extractFixture('json/bucket-policy.json').documents;
    expect(document?.raw).toMatchObject({
      Id: 'SitePolicy',
      Statement: [{ Sid: 'Public' }, { Effect: 'Deny' }],
    });
    expect(document?.id?.value).toBe('SitePolicy');
  });
});

describe('aws iam get-policy-version output', () => {
  // URL-encoded as the API returns it: positions point at the encoded characters in the file.
  testPositions('json/get-policy-version-encoded.json', [
    ['PolicyVersion.Document', 'doc', '', '3:22-3:189'],
    ['PolicyVersion.Document', 's0', '', '3:81-3:183'],
    ['PolicyVersion.Document', 's0.effect', 'Allow', '3:99-3:110'],
    ['PolicyVersion.Document', 's0.action[0]', 'ec2:Describe*', '3:128-3:151'],
    ['PolicyVersion.Document', 's0.resource[0]', '*', '3:171-3:180'],
  ]);

  testPositions('json/get-policy-version-object.json', [
    ['PolicyVersion.Document', 'doc', '', '3:21-15:10'],
    ['PolicyVersion.Document', 's0.action[0]', 'ec2:DescribeInstances', '9:25-9:48'],
    ['PolicyVersion.Document', 's0.action[1]', 'ec2:DescribeVolumes', '10:25-10:46'],
    ['PolicyVersion.Document', 's0.resource[0]', '*', '12:33-12:36'],
  ]);
});

describe('aws iam get-account-authorization-details output', () => {
  testPositions('json/authorization-details.json', [
    ['UserDetailList[0].UserPolicyList[0]', 's0', '', '11:38-15:26'],
    ['UserDetailList[0].UserPolicyList[0]', 's0.action[0]', 'ecr:PutImage', '13:39-13:53'],
    ['GroupDetailList[0].GroupPolicyList[0]', 's0.action[0]', '*', '27:146-27:155'],
    [
      'RoleDetailList[0].AssumeRolePolicyDocument',
      's0.principal[0]',
      'AWS arn:aws:iam::444455556666:root',
      '40:47-40:79',
    ],
    ['RoleDetailList[0].AssumeRolePolicyDocument', 's0.condition[0].key', 'sts:ExternalId', '42:58-42:74'],
    ['RoleDetailList[0].AssumeRolePolicyDocument', 's0.condition[0].values[0]', 'abc123', '42:76-42:84'],
    ['Policies[0].PolicyVersionList[0]', 's0.action[0]', 's3:Get*', '58:70-58:79'],
  ]);

  it('finds inline, trust and default-version managed policies with their kinds and names', () => {
    const { documents, problems } = extractFixture('json/authorization-details.json');
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.source.holder, d.kind, d.source.holderType, d.source.name])).toEqual([
      ['UserDetailList[0].UserPolicyList[0]', 'identity', 'AWS::IAM::User', 'ci-push'],
      ['GroupDetailList[0].GroupPolicyList[0]', 'identity', 'AWS::IAM::Group', 'all'],
      ['RoleDetailList[0].AssumeRolePolicyDocument', 'trust', 'AWS::IAM::Role', 'deploy'],
      ['Policies[0].PolicyVersionList[0]', 'identity', 'AWS::IAM::ManagedPolicy', 'read-only'],
    ]);
  });
});
