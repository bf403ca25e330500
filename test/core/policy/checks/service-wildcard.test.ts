import { describe } from 'vitest';
import { serviceWildcard } from '../../../../core/policy/checks/service-wildcard.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

describe('iam.policy.service-wildcard', () => {
  testPolicyCheck(serviceWildcard, [
    {
      name: 's3:* on a named bucket: medium, on the action entry',
      text: policyJson([
        { Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] },
      ]),
      expected: [{ line: 6, column: 17, severity: 'medium', message: '"s3:*" grants all' }],
    },
    {
      name: 's3:* on "*": raised to high, naming what it includes',
      text: policyJson([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      expected: [{ line: 6, severity: 'high', message: 'including s3:GetObject' }],
    },
    {
      name: 'kms:* on a named key: high (a sensitive service)',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: ['kms:*'],
          Resource: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
      ]),
      expected: [{ line: 7, severity: 'high' }],
    },
    {
      name: 'a narrowing condition lowers one level',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'dynamodb:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/team': 'payments' } },
        },
      ]),
      expected: [{ line: 6, severity: 'medium' }],
    },
    {
      name: '"*:Get*" spans services',
      text: policyJson([{ Effect: 'Allow', Action: '*:Get*', Resource: 'arn:aws:s3:::reports/*' }]),
      expected: [{ line: 6, severity: 'medium' }],
    },
    {
      name: 'Action "*" on named resources: only that service\'s actions are counted',
      text: policyJson([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::reports/*' }]),
      expected: [
        { line: 6, severity: 'medium', message: 'every action of every service on the named resources' },
      ],
    },
    {
      name: 'does not fire: iam:* is reported as privilege escalation instead',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: partial wildcards (ec2:Describe*, s3:Get*)',
      text: policyJson([{ Effect: 'Allow', Action: ['ec2:Describe*', 's3:Get*'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a Deny with s3:*',
      text: policyJson([{ Effect: 'Deny', Action: 's3:*', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a full-administrator statement (full-admin reports it)',
      text: policyJson([{ Effect: 'Allow', Action: ['*', 's3:*'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: KMS key policy granting kms:* to the account root',
      path: 'key.yaml',
      text: [
        'Resources:',
        '  Key:',
        '    Type: AWS::KMS::Key',
        '    Properties:',
        '      KeyPolicy:',
        '        Statement:',
        '          - Effect: Allow',
        "            Principal: { AWS: 'arn:aws:iam::111122223333:root' }",
        "            Action: 'kms:*'",
        "            Resource: '*'",
      ].join('\n'),
      expected: [],
    },
    {
      name: 'CloudFormation YAML managed policy',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Policy:',
        '    Type: AWS::IAM::ManagedPolicy',
        '    Properties:',
        '      PolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        '            Action:',
        '              - sqs:*',
        "            Resource: '*'",
      ].join('\n'),
      expected: [{ line: 9, column: 17, severity: 'high' }],
    },
    {
      name: 'Terraform aws_iam_policy_document',
      path: 'main.tf',
      text: [
        'data "aws_iam_policy_document" "ci" {',
        '  statement {',
        '    actions   = ["ecr:*", "ecr:GetAuthorizationToken"]',
        '    resources = ["*"]',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 3, column: 18, severity: 'high' }],
    },
  ]);
});
