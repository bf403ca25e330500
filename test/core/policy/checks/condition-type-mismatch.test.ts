import { describe } from 'vitest';
import { conditionTypeMismatch } from '../../../../core/policy/checks/condition-type-mismatch.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const condition = (operators: Record<string, unknown>, action: unknown = 's3:GetObject') =>
  policyJson([{ Effect: 'Allow', Action: action, Resource: '*', Condition: operators }]);

const wrong = condition({
  NumericLessThan: { 'aws:SourceIp': '10' },
  Bool: { 'aws:SourceVpc': 'true' },
  DateGreaterThan: { 'aws:SourceArn': '2024-01-01T00:00:00Z' },
  IpAddress: { 'aws:SourceVpc': '10.0.0.0/8' },
  ArnLike: { 'aws:SecureTransport': 'arn:aws:s3:::x' },
  DateLessThanIfExists: { 'aws:MultiFactorAuthAge': '2024-01-01T00:00:00Z' },
});
const serviceKey = condition({ DateGreaterThan: { 's3:max-keys': '2024-01-01T00:00:00Z' } }, 's3:ListBucket');
// The data types glacier:ArchiveAgeInDays as String, yet AWS's examples compare it with NumericGreaterThan.
const serviceString = condition(
  { NumericGreaterThan: { 'glacier:ArchiveAgeInDays': '365' }, Bool: { 'ses:ClickTrackingEnabled': 'true' } },
  ['glacier:DeleteArchive', 'ses:SendEmail'],
);
const fine = condition({
  StringLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*', 'aws:SourceIp': '10.*' },
  StringEquals: { 'aws:SecureTransport': 'true', 's3:max-keys': '10' },
  ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app' },
  ArnEquals: { 'aws:userid': 'arn:aws:iam::111122223333:user/x' },
  NumericLessThan: { 'aws:EpochTime': '1700000000', 'aws:MultiFactorAuthAge': '3600' },
  DateLessThan: { 'aws:EpochTime': '2024-01-01T00:00:00Z', 'aws:CurrentTime': '2024-01-01T00:00:00Z' },
  IpAddress: { 'aws:SourceIp': '10.0.0.0/8', 'aws:VpcSourceIp': '10.0.0.0/8' },
  Bool: { 'aws:SecureTransport': 'true', 'aws:ViaAWSService': 'false' },
  Null: { 'aws:SourceIp': 'true', 'aws:SourceArn': 'false' },
  'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' },
  NumericEquals: { 'made:up': '1' },
  BinaryEquals: { 'aws:userid': 'QmluYXJ5' },
});

const yaml = `Resources:
  Queue:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: sns.amazonaws.com
            Action: sqs:SendMessage
            Resource: '*'
            Condition:
              DateEquals:
                aws:SourceArn: !Ref Topic
`;

const terraform = `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "NumericLessThan"
      variable = "aws:SourceIp"
      values   = ["10"]
    }
  }
}
`;

describe('iam.policy.condition-type-mismatch', () => {
  testPolicyCheck(conditionTypeMismatch, [
    {
      name: 'number, boolean, date, address and ARN comparisons of keys of another type',
      text: wrong,
      expected: [
        {
          line: lineOf(wrong, '"aws:SourceIp"'),
          column: 11,
          message:
            'NumericLessThan compares numbers, but "aws:SourceIp" holds IP addresses; use IpAddress or NotIpAddress',
        },
        {
          line: lineOf(wrong, '"aws:SourceVpc"'),
          message: 'Bool compares booleans, but "aws:SourceVpc" holds String values',
        },
        { line: lineOf(wrong, '"aws:SourceArn"'), message: 'DateGreaterThan compares dates' },
        { line: lineOf(wrong, '"aws:SourceVpc"', 2), message: 'IpAddress compares IP addresses' },
        { line: lineOf(wrong, '"aws:SecureTransport"'), message: 'use Bool' },
        { line: lineOf(wrong, '"aws:MultiFactorAuthAge"'), message: 'DateLessThanIfExists compares dates' },
      ],
    },
    {
      name: 'service keys are typed by the catalogue',
      text: serviceKey,
      expected: [
        { line: lineOf(serviceKey, 's3:max-keys'), message: 'holds Numeric values; use a Numeric operator' },
      ],
    },
    {
      name: 'service keys typed String are not judged: the data is not precise there',
      text: serviceString,
      expected: [],
    },
    {
      name: 'String operators on any key, ARN operators on String keys, Numeric on aws:EpochTime, Null, unknown keys are fine',
      text: fine,
      expected: [],
    },
    {
      name: 'CloudFormation YAML: the key, even with a computed value',
      path: 'template.yaml',
      text: yaml,
      expected: [
        { line: 16, column: 17, message: 'DateEquals compares dates, but "aws:SourceArn" holds ARN values' },
      ],
    },
    {
      name: 'Terraform: the variable attribute',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 7, message: 'NumericLessThan compares numbers' }],
    },
  ]);
});
