import { describe } from 'vitest';
import { writeStarUnconstrained } from '../../../../core/policy/checks/write-star-unconstrained.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

describe('iam.policy.write-star-unconstrained', () => {
  testPolicyCheck(writeStarUnconstrained, [
    {
      name: 'scopable write actions on "*", on the Resource entry',
      text: policyJson([{ Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: '*' }]),
      expected: [
        {
          line: 10,
          column: 19,
          severity: 'medium',
          message: 'write actions s3:PutObject and s3:DeleteObject',
        },
      ],
    },
    {
      name: 'a NotResource counts as every resource, reported on its key',
      text: policyJson([
        { Effect: 'Allow', Action: 'dynamodb:PutItem', NotResource: 'arn:aws:dynamodb:*:*:table/audit' },
      ]),
      expected: [{ line: 7, column: 7, message: 'NotResource' }],
    },
    {
      name: 'wildcard-only write actions in the statement are not named',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: ['ec2:TerminateInstances', 'glue:CreateDevEndpoint', 'ec2:DescribeInstances'],
          Resource: '*',
        },
      ]),
      expected: [{ line: 11, message: 'write actions ec2:TerminateInstances apply' }],
    },
    {
      name: 'aws:RequestedRegion does not narrow',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
        },
      ]),
      expected: [{ line: 7, severity: 'medium' }],
    },
    {
      name: 'a StringLike "*" condition does not narrow',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: '*',
          Condition: { StringLike: { 'aws:ResourceTag/team': '*' } },
        },
      ]),
      expected: [{ line: 7 }],
    },
    {
      name: 'does not fire: narrowed by aws:ResourceTag (resource-star-scopable reports it, low)',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'ec2:TerminateInstances',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: narrowed by a guarding Deny on aws:SourceVpce',
      text: policyJson([
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
        {
          Effect: 'Deny',
          Action: 'sqs:*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: wildcard-only writes (cloudwatch:PutMetricData, glue:CreateDevEndpoint)',
      text: policyJson([
        { Effect: 'Allow', Action: ['cloudwatch:PutMetricData', 'glue:CreateDevEndpoint'], Resource: '*' },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: iam:PassRole (passrole-star reports it)',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a permission-management action (the higher rung reports it)',
      text: policyJson([{ Effect: 'Allow', Action: ['s3:PutBucketPolicy', 's3:PutObject'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: Deny',
      text: policyJson([{ Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: SQS queue policy with Resource "*" (the queue itself)',
      path: 'queue.yaml',
      text: [
        'Resources:',
        '  QueuePolicy:',
        '    Type: AWS::SQS::QueuePolicy',
        '    Properties:',
        '      Queues: [!Ref Queue]',
        '      PolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        "            Principal: { AWS: 'arn:aws:iam::111122223333:root' }",
        '            Action: sqs:SendMessage',
        "            Resource: '*'",
      ].join('\n'),
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
        '        Statement:',
        '          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }',
        '      Policies:',
        '        - PolicyName: logs',
        '          PolicyDocument:',
        '            Statement:',
        '              - Effect: Allow',
        '                Action: [logs:CreateLogStream, logs:PutLogEvents]',
        "                Resource: '*'",
      ].join('\n'),
      expected: [{ line: 14, column: 27, message: 'logs:CreateLogStream and logs:PutLogEvents' }],
    },
    {
      name: 'Terraform jsonencode',
      path: 'main.tf',
      text: [
        'resource "aws_iam_role_policy" "app" {',
        '  role = aws_iam_role.app.id',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect   = "Allow"',
        '      Action   = ["dynamodb:PutItem", "dynamodb:DeleteItem"]',
        '      Resource = "*"',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
      expected: [{ line: 8, column: 18 }],
    },
  ]);
});
