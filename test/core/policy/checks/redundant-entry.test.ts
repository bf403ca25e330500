// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is IAM syntax under test.
import { describe } from 'vitest';
import { redundantEntry } from '../../../../core/policy/checks/redundant-entry.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const actions = policyJson([
  {
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:Get*', 's3:ListBucket', 's3:listbucket', 'ec2:DescribeInstances', 'ec2:*'],
    Resource: '*',
  },
]);
const everything = policyJson([{ Effect: 'Allow', Action: ['*', 'iam:PassRole'], Resource: '*' }]);
const sameExpansion = policyJson([
  { Effect: 'Allow', Action: ['ec2:Describe?pcs', 'ec2:Describe?pc?'], Resource: '*' },
]);
const resources = policyJson([
  {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: [
      'arn:aws:s3:::reports/*',
      'arn:aws:s3:::reports/2024/*',
      'arn:aws:s3:::reports/*',
      'arn:aws:s3:::reports/home/${aws:username}/*',
      'arn:aws:s3:::report?/a',
    ],
  },
]);
// A long list (a map finds repeats) and a short one (searched): the same answers, each repeat against the first.
const manyResources = Array.from({ length: 40 }, (_, i) => `arn:aws:s3:::bucket-${i}`);
const longList = policyJson([
  {
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: [...manyResources, 'arn:aws:s3:::bucket-7', 'arn:aws:s3:::bucket-7'],
  },
]);
// A wildcard that matches no action covers nothing, and repeats of it or beside it are still repeats.
const emptyWildcard = policyJson([
  { Effect: 'Allow', Action: ['s3:Nothing*', 's3:GetObject', 's3:Nothing*', 's3:GetObject'], Resource: '*' },
]);
const star = policyJson([{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::a/*', '*'] }]);
const notAction = policyJson([{ Effect: 'Deny', NotAction: ['iam:*', 'iam:Get*'], Resource: '*' }]);
const fine = policyJson([
  {
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject', 's3:List*', 's3:Get*Tagging', 'unknown:Thing', 'unknown:Thing2'],
    Resource: [
      'arn:aws:s3:::a',
      'arn:aws:s3:::a/*',
      'arn:aws:s3:::b?/x',
      'arn:aws:s3:::b*/y',
      'arn:aws:s3:::${aws:username}/*',
    ],
  },
  // Entries of different statements never make each other redundant.
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' },
]);

const yaml = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [logs:*, logs:PutLogEvents, !Sub '\${Prefix}:PutLogEvents']
            Resource:
              - !GetAtt LogGroup.Arn
              - !GetAtt LogGroup.Arn
`;

const terraform = `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["sqs:SendMessage", "sqs:*"]
    resources = ["arn:aws:sqs:*:111122223333:*", "arn:aws:sqs:us-east-1:111122223333:jobs", var.queue_arn]
  }
}
`;

describe('iam.policy.redundant-entry', () => {
  testPolicyCheck(redundantEntry, [
    {
      name: 'actions covered by a wildcard (before or after) and duplicates in another case',
      text: actions,
      expected: [
        {
          line: lineOf(actions, '"s3:GetObject"'),
          column: 9,
          message: 'Action "s3:GetObject" is already covered by "s3:Get*"',
        },
        { line: lineOf(actions, '"s3:listbucket"'), message: 'repeats "s3:ListBucket"' },
        { line: lineOf(actions, '"ec2:DescribeInstances"'), message: 'covered by "ec2:*"' },
      ],
    },
    {
      name: '"*" covers everything else',
      text: everything,
      expected: [{ line: lineOf(everything, 'iam:PassRole') }],
    },
    {
      name: 'of two patterns with the same expansion, the later one',
      text: sameExpansion,
      expected: [{ line: lineOf(sameExpansion, 'Describe?pc?'), message: 'covered by "ec2:Describe?pcs"' }],
    },
    {
      name: 'resources covered by a wildcard ARN, duplicates, variables under a wildcard',
      text: resources,
      expected: [
        { line: lineOf(resources, 'reports/2024/*'), message: 'covered by "arn:aws:s3:::reports/*"' },
        { line: lineOf(resources, '"arn:aws:s3:::reports/*"', 2), message: 'repeats' },
        { line: lineOf(resources, 'aws:username'), message: 'covered by "arn:aws:s3:::reports/*"' },
      ],
    },
    {
      name: 'repeats in a list of 42 resources, each against the first occurrence',
      text: longList,
      expected: [
        {
          line: lineOf(longList, '"arn:aws:s3:::bucket-7"', 2),
          message: 'repeats "arn:aws:s3:::bucket-7" (line ',
        },
        {
          line: lineOf(longList, '"arn:aws:s3:::bucket-7"', 3),
          message: 'repeats "arn:aws:s3:::bucket-7" (line ',
        },
      ],
    },
    {
      name: 'a wildcard matching nothing covers nothing; its repeats and others are reported',
      text: emptyWildcard,
      expected: [
        { line: lineOf(emptyWildcard, '"s3:Nothing*"', 2), message: 'repeats "s3:Nothing*"' },
        { line: lineOf(emptyWildcard, '"s3:GetObject"', 2), message: 'repeats "s3:GetObject"' },
      ],
    },
    {
      name: 'Resource "*" covers every ARN',
      text: star,
      expected: [{ line: lineOf(star, 'arn:aws:s3:::a/*') }],
    },
    {
      name: 'NotAction entries too',
      text: notAction,
      expected: [{ line: lineOf(notAction, 'iam:Get*'), message: 'NotAction "iam:Get*"' }],
    },
    {
      name: 'distinct actions and resources, unknown actions, other statements are fine',
      text: fine,
      expected: [],
    },
    {
      name: 'CloudFormation YAML: literal entries only (two equal !GetAtt are not compared)',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 9, column: 30, message: 'covered by "logs:*"' }],
    },
    {
      name: 'Terraform: actions and resources, never the variable',
      path: 'main.tf',
      text: terraform,
      expected: [
        { line: 3, message: '"sqs:SendMessage" is already covered by "sqs:*"' },
        { line: 4, message: 'covered by "arn:aws:sqs:*:111122223333:*"' },
      ],
    },
  ]);
});
