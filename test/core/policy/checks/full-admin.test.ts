import { describe } from 'vitest';
import { fullAdmin } from '../../../../core/policy/checks/full-admin.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

// policyJson puts Statement[0] on line 4; with one-line values, Effect is line 5, Action 6, Resource 7.
describe('iam.policy.full-admin', () => {
  testPolicyCheck(fullAdmin, [
    {
      name: 'Action "*" on Resource "*" is full admin, on the Action entry',
      text: policyJson([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      expected: [{ line: 6, column: 17, severity: 'critical', message: 'full administrator access' }],
    },
    {
      name: 'the "*" entry inside an action list',
      text: policyJson([{ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['*'] }]),
      expected: [{ line: 8, severity: 'critical' }],
    },
    {
      name: 'NotAction that leaves IAM self-granting allowed is effectively admin',
      text: policyJson([{ Effect: 'Allow', NotAction: ['s3:*'], Resource: '*' }]),
      expected: [{ line: 6, severity: 'critical', message: 'effectively full administrator access' }],
    },
    {
      name: 'Action "*" with a NotResource is every resource but a few',
      text: policyJson([{ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::audit/*' }]),
      expected: [
        {
          line: 6,
          severity: 'critical',
          message: 'on every resource but NotResource [arn:aws:s3:::audit/*]',
        },
      ],
    },
    {
      name: 'a narrowing condition lowers to high',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
        },
      ]),
      expected: [{ line: 6, severity: 'high', message: 'aws:SourceIp' }],
    },
    {
      name: 'aws:RequestedRegion alone does not narrow: still critical',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
        },
      ]),
      expected: [{ line: 6, severity: 'critical' }],
    },
    {
      name: 'does not fire: Deny "*" on "*"',
      text: policyJson([{ Effect: 'Deny', Action: '*', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: "*" on a named resource',
      text: policyJson([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::my-bucket/*' }]),
      expected: [],
    },
    {
      name: 'does not fire: NotAction that excludes IAM (reported by allow-not-action instead)',
      text: policyJson([{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire in a resource policy (Action "*" there means every action on that resource)',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: '*',
          Resource: '*',
        },
      ]),
      expected: [],
    },
    {
      name: 'CloudFormation YAML: a role inline policy',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  AdminRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        '            Principal: { Service: ec2.amazonaws.com }',
        '            Action: sts:AssumeRole',
        '      Policies:',
        '        - PolicyName: admin',
        '          PolicyDocument:',
        '            Statement:',
        '              - Effect: Allow',
        "                Action: '*'",
        "                Resource: '*'",
      ].join('\n'),
      expected: [{ line: 15, column: 25, severity: 'critical' }],
    },
    {
      name: 'Terraform jsonencode',
      path: 'main.tf',
      text: [
        'resource "aws_iam_policy" "admin" {',
        '  name = "admin"',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect   = "Allow"',
        '      Action   = "*"',
        '      Resource = "*"',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
      expected: [{ line: 7, severity: 'critical' }],
    },
    {
      name: 'Terraform aws_iam_policy_document',
      path: 'main.tf',
      text: [
        'data "aws_iam_policy_document" "admin" {',
        '  statement {',
        '    actions   = ["*"]',
        '    resources = ["*"]',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 3, severity: 'critical' }],
    },
  ]);
});
