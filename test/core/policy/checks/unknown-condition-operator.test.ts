import { describe } from 'vitest';
import { unknownConditionOperator } from '../../../../core/policy/checks/unknown-condition-operator.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const condition = (operators: Record<string, unknown>) =>
  policyJson([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: operators }]);

const typo = condition({ StringEqual: { 'aws:PrincipalOrgID': 'o-123' } });
const prefix = condition({ 'ForEachValue:StringLike': { 'aws:TagKeys': 'team*' } });
const nullIfExists = condition({ NullIfExists: { 'aws:SourceIp': 'true' } });
const unknown = condition({ Matches: { 'aws:SourceIp': '10.0.0.0/8' } });
const twoKeys = condition({
  StringEqualz: { 'aws:PrincipalOrgID': 'o-123', 'aws:SourceAccount': '111122223333' },
});
const valid = condition({
  StringEquals: { 'aws:PrincipalOrgID': 'o-123' },
  StringNotEqualsIgnoreCase: { 'aws:username': 'root' },
  StringLikeIfExists: { 's3:prefix': 'home/*' },
  'ForAnyValue:StringLike': { 'aws:TagKeys': 'team*' },
  'ForAllValues:StringEqualsIfExists': { 'aws:TagKeys': 'team' },
  'forallvalues:stringequals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' },
  NumericLessThanEquals: { 's3:max-keys': '10' },
  DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' },
  BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' },
  BinaryEquals: { 'aws:foo': 'QmluYXJ5' },
  NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
  ArnNotLikeIfExists: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' },
  Null: { 'aws:TokenIssueTime': 'true' },
});

const yaml = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
            Condition:
              StringsEquals:
                aws:SourceAccount: '111122223333'
`;

const terraform = `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "ArnLikes"
      variable = "aws:SourceArn"
      values   = ["arn:aws:sns:*:111122223333:topic"]
    }
    condition {
      test     = var.test
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}
`;

describe('iam.policy.unknown-condition-operator', () => {
  testPolicyCheck(unknownConditionOperator, [
    {
      name: 'a misspelt operator, with the nearest real one',
      text: typo,
      expected: [{ line: lineOf(typo, '"StringEqual"'), column: 9, message: 'did you mean "StringEquals"?' }],
    },
    {
      name: 'an unknown set-operator prefix',
      text: prefix,
      expected: [{ line: lineOf(prefix, 'ForEachValue'), message: 'did you mean "ForAnyValue:StringLike"?' }],
    },
    {
      name: 'Null cannot take IfExists',
      text: nullIfExists,
      expected: [{ line: lineOf(nullIfExists, 'NullIfExists'), message: 'Null cannot take IfExists' }],
    },
    {
      name: 'not an operator at all',
      text: unknown,
      expected: [
        { line: lineOf(unknown, '"Matches"'), message: '"Matches" is not an IAM condition operator' },
      ],
    },
    {
      name: 'reported once per operator, not per key',
      text: twoKeys,
      expected: [{ line: lineOf(twoKeys, 'StringEqualz'), message: 'did you mean "StringEquals"?' }],
    },
    {
      name: 'every IAM operator family, IfExists, set operators and any case are fine',
      text: valid,
      expected: [],
    },
    {
      name: 'CloudFormation YAML',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 13, column: 15, message: 'did you mean "StringEquals"?' }],
    },
    {
      name: 'Terraform: the test attribute; a variable test is not judged',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 6, message: 'did you mean "ArnLike"?' }],
    },
  ]);
});
