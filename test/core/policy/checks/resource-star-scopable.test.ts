import { describe } from 'vitest';
import { resourceStarScopable } from '../../../../core/policy/checks/resource-star-scopable.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

describe('iam.policy.resource-star-scopable', () => {
  testPolicyCheck(resourceStarScopable, [
    {
      name: 'read actions that support resource-level permissions, on the Resource entry',
      text: policyJson([
        { Effect: 'Allow', Action: ['s3:GetBucketPolicy', 's3:GetBucketTagging'], Resource: '*' },
      ]),
      expected: [
        {
          line: 10,
          column: 19,
          severity: 'low',
          message: 's3:GetBucketPolicy and s3:GetBucketTagging (read actions)',
        },
      ],
    },
    {
      name: 'write actions already narrowed by a condition land here, low',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'ec2:TerminateInstances',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
        },
      ]),
      expected: [{ line: 7, severity: 'low', message: 'narrowed only by a condition' }],
    },
    {
      name: 'the scopable actions are named, the "*"-only ones are not',
      text: policyJson([
        { Effect: 'Allow', Action: ['ec2:DescribeInstances', 'sqs:GetQueueAttributes'], Resource: '*' },
      ]),
      expected: [{ line: 10, message: 'sqs:GetQueueAttributes (read action) supports' }],
    },
    {
      name: 'does not fire: ec2:Describe* on "*" (accepts only "*")',
      text: policyJson([{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: s3:ListAllMyBuckets on "*"',
      text: policyJson([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: List actions alone',
      text: policyJson([{ Effect: 'Allow', Action: ['s3:ListBucket', 'sqs:ListQueues'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: cloudwatch:PutMetricData (takes "*" in practice)',
      text: policyJson([{ Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a Deny',
      text: policyJson([{ Effect: 'Deny', Action: 's3:GetBucketPolicy', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: named resources',
      text: policyJson([{ Effect: 'Allow', Action: 's3:GetBucketPolicy', Resource: 'arn:aws:s3:::reports' }]),
      expected: [],
    },
    {
      name: 'does not fire: write actions without a condition (write-star-unconstrained reports them)',
      text: policyJson([{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a statement another check already reports (s3:GetObject, data access)',
      text: policyJson([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetBucketPolicy'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a KMS key policy (Resource "*" there is the key itself)',
      path: 'main.tf',
      text: [
        'resource "aws_kms_key" "k" {',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Principal = { AWS = "arn:aws:iam::111122223333:root" }',
        '      Action    = ["kms:DescribeKey", "kms:GetKeyPolicy"]',
        '      Resource  = "*"',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
      expected: [],
    },
    {
      name: 'CloudFormation YAML',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Policy:',
        '    Type: AWS::IAM::Policy',
        '    Properties:',
        '      PolicyName: read',
        '      PolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        '            Action: [sns:GetTopicAttributes]',
        "            Resource: '*'",
      ].join('\n'),
      expected: [{ line: 10, column: 23, severity: 'low' }],
    },
  ]);
});
