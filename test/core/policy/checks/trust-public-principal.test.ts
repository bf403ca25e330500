import { describe } from 'vitest';
import { trustPublicPrincipal } from '../../../../core/policy/checks/trust-public-principal.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

// A bare policy whose principals only assume roles is read as a trust policy.
describe('iam.trust.public-principal', () => {
  testPolicyCheck(trustPublicPrincipal, [
    {
      name: 'Principal "*": critical, on the principal',
      text: policyJson([{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }]),
      expected: [{ line: 6, column: 20, severity: 'critical', message: 'any principal in any AWS account' }],
    },
    {
      name: 'Principal {"AWS": "*"}',
      text: policyJson([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]),
      expected: [{ line: 7, column: 16, severity: 'critical' }],
    },
    {
      name: 'sts:ExternalId alone is weak (not a secret): high',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'c0ffee' } },
        },
      ]),
      expected: [{ line: 7, severity: 'high', message: 'an external id is not a secret' }],
    },
    {
      name: 'an Allow with NotPrincipal lets in everyone else: on the NotPrincipal key',
      text: policyJson([
        {
          Effect: 'Allow',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'sts:AssumeRole',
        },
      ]),
      expected: [{ line: 6, column: 7, severity: 'critical' }],
    },
    {
      name: 'a StringLike "*" on aws:PrincipalOrgID does not bound anything',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { StringLike: { 'aws:PrincipalOrgID': '*' } },
        },
      ]),
      expected: [{ line: 6, severity: 'critical' }],
    },
    {
      name: 'does not fire: bounded by aws:PrincipalOrgID',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: bounded by aws:PrincipalArn',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ci-*' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: a guarding Deny on aws:PrincipalOrgID',
      text: policyJson([
        { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: a service principal without conditions (lambda.amazonaws.com)',
      text: policyJson([
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: a Deny with Principal "*"',
      text: policyJson([{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }]),
      expected: [],
    },
    {
      name: 'does not fire: resource policies (iam.resource.public-access reports them)',
      text: policyJson([
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
      ]),
      expected: [],
    },
    {
      name: 'CloudFormation YAML',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Role:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        "        Version: '2012-10-17'",
        '        Statement:',
        '          - Effect: Allow',
        "            Principal: { AWS: '*' }",
        '            Action: sts:AssumeRole',
      ].join('\n'),
      expected: [{ line: 9, column: 31, severity: 'critical' }],
    },
    {
      name: 'Terraform aws_iam_policy_document with a "*" principals block',
      path: 'main.tf',
      text: [
        'resource "aws_iam_role" "r" {',
        '  assume_role_policy = data.aws_iam_policy_document.assume.json',
        '}',
        'data "aws_iam_policy_document" "assume" {',
        '  statement {',
        '    actions = ["sts:AssumeRole"]',
        '    principals {',
        '      type        = "AWS"',
        '      identifiers = ["*"]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 9, severity: 'critical' }],
    },
  ]);
});
