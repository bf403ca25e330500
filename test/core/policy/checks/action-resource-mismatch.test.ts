// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is IAM and CloudFormation syntax under test.
import { describe } from 'vitest';
import { actionResourceMismatch } from '../../../../core/policy/checks/action-resource-mismatch.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const objectOnBucket = policyJson([
  { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: 'arn:aws:s3:::reports' },
]);
const listOnObjects = policyJson([
  { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: 'arn:aws:s3:::reports/*' },
]);
const describeOnArn = policyJson([
  {
    Effect: 'Allow',
    Action: ['ec2:DescribeInstances', 'ec2:StartInstances'],
    Resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0',
  },
]);
const decryptAlias = policyJson([
  { Effect: 'Deny', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:alias/app' },
]);
const wildcardNoMatch = policyJson([
  { Effect: 'Allow', Action: 's3:*Object', Resource: 'arn:aws:s3:::reports' },
]);
const fine = policyJson([
  {
    Effect: 'Allow',
    Action: ['s3:ListBucket', 's3:GetObject', 's3:Get*'],
    Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
  },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/home/${aws:username}/*' },
  { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::reports*' },
  { Effect: 'Allow', Action: ['ec2:DescribeInstances', 's3:GetObject'], Resource: '*' },
  { Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: 'arn:aws:ec2:*:*:*' },
  { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app/*' },
  {
    Effect: 'Allow',
    Action: 'logs:PutLogEvents',
    Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/app:*',
  },
  {
    Effect: 'Allow',
    Action: 'lambda:InvokeFunction',
    Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f:prod',
  },
  // Merged services (ELB and ELBv2 share a prefix): the catalogue cannot tell, so nothing is said.
  {
    Effect: 'Allow',
    Action: 'elasticloadbalancing:AddTags',
    Resource: 'arn:aws:elasticloadbalancing:*:*:targetgroup/*/*',
  },
  // A malformed ARN is another check's finding.
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'reports/*' },
  { Effect: 'Allow', Action: 's3:GetObjet', Resource: 'arn:aws:s3:::reports' },
]);

const yaml = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::reports
          - Effect: Allow
            Action: s3:GetObject
            Resource:
              - !GetAtt Bucket.Arn
              - arn:aws:s3:::other
          - Effect: Allow
            Action: s3:GetObject
            Resource: !Sub 'arn:aws:s3:::\${Bucket}'
`;

const terraform = `resource "aws_iam_policy" "reader" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:ListBucket"]
      Resource = ["arn:aws:s3:::reports/*"]
    }, {
      Effect   = "Allow"
      Action   = ["s3:ListBucket"]
      Resource = ["\${aws_s3_bucket.reports.arn}/*"]
    }]
  })
}
`;

describe('iam.policy.action-resource-mismatch', () => {
  testPolicyCheck(actionResourceMismatch, [
    {
      name: 's3:GetObject on a bucket ARN (objects need /*)',
      text: objectOnBucket,
      expected: [
        {
          line: lineOf(objectOnBucket, '"s3:GetObject"'),
          column: 9,
          severity: 'medium',
          message: '"s3:GetObject" applies to resources like "arn:${Partition}:s3:',
        },
      ],
    },
    {
      name: 's3:ListBucket on objects (buckets have no /*)',
      text: listOnObjects,
      expected: [
        {
          line: lineOf(listOnObjects, '"s3:ListBucket"'),
          message: 'not the Resource "arn:aws:s3:::reports/*", so the statement grants nothing for it',
        },
      ],
    },
    {
      name: 'an action without resource-level permissions on a specific ARN',
      text: describeOnArn,
      expected: [
        {
          line: lineOf(describeOnArn, '"ec2:DescribeInstances"'),
          message: 'supports only Resource "*"',
        },
      ],
    },
    {
      name: 'a Deny that matches nothing is low',
      text: decryptAlias,
      expected: [{ line: 6, severity: 'low', message: 'this Deny denies nothing for it' }],
    },
    {
      name: 'a wildcard none of whose actions fits',
      text: wildcardNoMatch,
      expected: [{ line: 6, message: '"s3:*Object"' }],
    },
    {
      name: 'matching ARNs, wildcards, variables, "*", merged services and unknown actions are fine',
      text: fine,
      expected: [],
    },
    {
      name: 'CloudFormation YAML: never when a Resource is computed',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 9, column: 21, message: 'not the Resource "arn:aws:s3:::reports"' }],
    },
    {
      name: 'Terraform jsonencode: the literal ARN only',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 6, message: '"s3:ListBucket"' }],
    },
  ]);
});
