// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is IAM and CloudFormation syntax under test.
import { describe } from 'vitest';
import { malformedArn } from '../../../../core/policy/checks/malformed-arn.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const resources = policyJson([
  {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: [
      'reports-bucket/*',
      'arn:aws:s3:reports',
      'arn:amazon:s3:::reports/*',
      'arn:aws:sqs:us-east:111122223333:jobs',
      'arn:aws:sqs:us-east-1:1111-2222-3333:jobs',
      'arn:aws:sns:us-east-1:111122223333:',
    ],
  },
]);
const notResource = policyJson([{ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:S3:::reports' }]);
const validResources = policyJson([
  {
    Effect: 'Allow',
    Action: '*',
    Resource: [
      '*',
      'arn:aws:s3:::reports/*',
      'arn:aws-cn:s3:::reports',
      'arn:aws-us-gov:iam::111122223333:role/app',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:ec2:us-east-1::image/ami-0123',
      'arn:aws:ec2:*:*:instance/*',
      'arn:*:logs:${aws:RequestedRegion}:*:log-group:/app:*',
      'arn:aws:dynamodb:us-gov-west-1:111122223333:table/t',
      'arn:aws:lambda:us-east-1:111122223333:function:f:prod',
      'arn:aws:s3:*',
    ],
  },
]);
const principals = policyJson([
  {
    Effect: 'Allow',
    Principal: {
      AWS: [
        '111122223333',
        '*',
        'arn:aws:iam::111122223333:root',
        'arn:aws:sts::111122223333:assumed-role/app/session',
        'AROAEXAMPLEEXAMPLE123',
        'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL',
        'arn:aws:iam::*:role/app',
        'arn:aws:iam::11112222333:root',
        'app-role',
      ],
      Service: 'lambda.amazonaws.com',
    },
    Action: 'sts:AssumeRole',
  },
]);

const yaml = `Resources:
  Bucket:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: reports
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: 111122223333
            Action: s3:GetObject
            Resource:
              - reports/*
              - !Sub 'arn:\${AWS::Partition}:s3:::reports/*'
  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: my-function
      Principal: s3.amazonaws.com
`;

const terraform = `data "aws_iam_policy_document" "bucket" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*", "arn:aws:s3:reports/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::\${var.account}:root", "arn:aws:iam::111122223333:user/*"]
    }
  }
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = "reports"
  policy = data.aws_iam_policy_document.bucket.json
}
`;

describe('iam.policy.malformed-arn', () => {
  testPolicyCheck(malformedArn, [
    {
      name: 'Resources that are not ARNs, with the reason',
      text: resources,
      expected: [
        { line: lineOf(resources, '"reports-bucket/*"'), column: 9, message: 'starting with "arn:"' },
        { line: lineOf(resources, '"arn:aws:s3:reports"'), message: 'six parts' },
        { line: lineOf(resources, '"arn:amazon:s3'), message: '"amazon" is not an AWS partition' },
        { line: lineOf(resources, 'us-east:'), message: '"us-east" is not a region code' },
        { line: lineOf(resources, '1111-2222-3333'), message: 'not a 12-digit account ID' },
        {
          line: lineOf(resources, 'sns:us-east-1:111122223333:'),
          message: 'the resource part of the ARN is empty',
        },
      ],
    },
    {
      name: 'NotResource too',
      text: notResource,
      expected: [{ line: 7, message: 'NotResource "arn:aws:S3:::reports"' }],
    },
    {
      name: 'wildcards, policy variables, empty regions and accounts where they belong are fine',
      text: validResources,
      expected: [],
    },
    {
      name: 'AWS principals: account IDs, "*", unique IDs and IAM ARNs are fine; wildcards and bad accounts are not',
      text: principals,
      expected: [
        { line: lineOf(principals, 'iam::*:role/app'), message: 'cannot hold wildcards' },
        { line: lineOf(principals, '11112222333:root'), message: 'not a 12-digit account ID' },
        { line: lineOf(principals, '"app-role"'), message: 'a 12-digit account ID or an IAM ARN' },
      ],
    },
    {
      name: 'CloudFormation YAML: a bucket name as Resource; numbers, !Sub and Lambda FunctionName are fine',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 14, column: 17, message: 'Resource "reports/*" is not a valid ARN' }],
    },
    {
      name: 'Terraform: resources and principals of a policy document',
      path: 'main.tf',
      text: terraform,
      expected: [
        { line: 4, message: '"arn:aws:s3:reports/*"' },
        { line: 7, message: 'cannot hold wildcards' },
      ],
    },
  ]);
});
