// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${AWS::AccountId} is CloudFormation syntax under test.
import { describe } from 'vitest';
import { trustCrossAccountExternalId } from '../../../../core/policy/checks/trust-cross-account-external-id.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

const ROOT = 'arn:aws:iam::444455556666:root';

describe('iam.trust.cross-account-without-external-id', () => {
  testPolicyCheck(trustCrossAccountExternalId, [
    {
      name: 'another account root without sts:ExternalId: medium, on the principal',
      text: policyJson([{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole' }]),
      expected: [
        {
          line: 7,
          column: 16,
          severity: 'medium',
          message: `${ROOT} (any principal account 444455556666 allows) may assume this role without an sts:ExternalId`,
        },
      ],
    },
    {
      name: 'a bare account id and a role ARN: one finding each',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: ['444455556666', 'arn:aws:iam::777788889999:role/vendor'] },
          Action: 'sts:AssumeRole',
        },
      ]),
      expected: [
        { line: 8, message: 'account 444455556666 (any principal it allows)' },
        { line: 9, message: '(account 777788889999)' },
      ],
    },
    {
      name: 'another caller-bounding condition lowers to low',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: ROOT },
          Action: 'sts:AssumeRole',
          Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
        },
      ]),
      expected: [{ line: 7, severity: 'low' }],
    },
    {
      name: 'sts:ExternalId under IfExists does not count',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: ROOT },
          Action: 'sts:AssumeRole',
          Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'c0ffee' } },
        },
      ]),
      expected: [{ line: 7, severity: 'medium' }],
    },
    {
      name: 'does not fire: sts:ExternalId',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: ROOT },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'c0ffee' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: aws:PrincipalOrgID (your own organisation)',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: ROOT },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: MFA required (a role for people)',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: ROOT },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: the own account as a template in a literal (${AWS::AccountId})',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::${AWS::AccountId}:root' },
          Action: 'sts:AssumeRole',
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: service and "*" principals',
      text: policyJson([
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: Deny',
      text: policyJson([{ Effect: 'Deny', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole' }]),
      expected: [],
    },
    {
      name: 'CloudFormation YAML: a literal account fires, !Sub with AWS::AccountId does not',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Role:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        '            Principal:',
        '              AWS:',
        "                - !Sub 'arn:aws:iam::${AWS::AccountId}:root'",
        "                - 'arn:aws:iam::444455556666:role/vendor'",
        '            Action: sts:AssumeRole',
      ].join('\n'),
      expected: [{ line: 11, column: 19, severity: 'medium' }],
    },
    {
      name: 'Terraform: data.aws_caller_identity is the own account',
      path: 'main.tf',
      text: [
        'resource "aws_iam_role" "r" {',
        '  assume_role_policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Action    = "sts:AssumeRole"',
        '      Principal = { AWS = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root", "444455556666"] }',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
      expected: [{ line: 7, column: 96, severity: 'medium' }],
    },
  ]);
});
