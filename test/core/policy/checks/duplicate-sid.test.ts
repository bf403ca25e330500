import { describe } from 'vitest';
import { duplicateSid } from '../../../../core/policy/checks/duplicate-sid.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const read = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const duplicated = policyJson([
  { Sid: 'Read', ...read },
  { Sid: 'Write', ...read },
  { Sid: 'Read', ...read },
  { Sid: 'Read', ...read },
]);
const fine = policyJson([
  { Sid: 'Read', ...read },
  { Sid: 'read', ...read },
  read,
  read,
  { Sid: '', ...read },
  { Sid: '', ...read },
]);

const yaml = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Logs
            Effect: Allow
            Action: logs:PutLogEvents
            Resource: '*'
          - Sid: Logs
            Effect: Allow
            Action: logs:CreateLogStream
            Resource: '*'
          - Sid: !Sub '\${AWS::StackName}'
            Effect: Allow
            Action: logs:CreateLogGroup
            Resource: '*'
`;

const terraform = `data "aws_iam_policy_document" "app" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Read"
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
}
`;

describe('iam.policy.duplicate-sid', () => {
  testPolicyCheck(duplicateSid, [
    {
      name: 'each repeat of a Sid, naming the first',
      text: duplicated,
      expected: [
        {
          line: lineOf(duplicated, '"Sid": "Read"', 2),
          column: 14,
          message: 'Sid "Read" is already used by statement 0',
        },
        { line: lineOf(duplicated, '"Sid": "Read"', 3), message: 'statement 0' },
      ],
    },
    { name: 'different case, no Sid and empty Sids are fine', text: fine, expected: [] },
    {
      name: 'CloudFormation YAML',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 12, column: 18, message: '(line 8)' }],
    },
    { name: 'Terraform statement blocks', path: 'main.tf', text: terraform, expected: [{ line: 8 }] },
  ]);
});
