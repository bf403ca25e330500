import { describe } from 'vitest';
import { forAllValuesAllowMissingKey } from '../../../../core/policy/checks/forallvalues-allow-missing-key.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const statement = (effect: string, condition: Record<string, unknown>) =>
  policyJson([{ Effect: effect, Action: 'ec2:CreateTags', Resource: '*', Condition: condition }]);

const tagKeys = statement('Allow', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } });
const withNull = statement('Allow', {
  'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] },
  Null: { 'aws:TagKeys': 'false' },
});
const fine = policyJson([
  {
    Effect: 'Deny',
    Action: 'ec2:CreateTags',
    Resource: '*',
    Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } },
  },
  {
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: '*',
    Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } },
  },
  // Single-valued keys are the set-operator check's.
  {
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: '*',
    Condition: { 'ForAllValues:StringEquals': { 'aws:SourceVpc': 'v' } },
  },
]);

const yaml = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: kms:Decrypt
            Resource: '*'
            Condition:
              ForAllValues:StringLike:
                kms:EncryptionContextKeys: app-*
`;

const terraform = `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["ec2:CreateTags"]
    resources = ["*"]
    condition {
      test     = "ForAllValues:StringEquals"
      variable = "aws:TagKeys"
      values   = ["team"]
    }
    condition {
      test     = "Null"
      variable = "aws:TagKeys"
      values   = ["false"]
    }
  }
}
`;

describe('iam.policy.forallvalues-allow-missing-key', () => {
  testPolicyCheck(forAllValuesAllowMissingKey, [
    {
      name: 'ForAllValues on aws:TagKeys in an Allow also admits requests without tags',
      text: tagKeys,
      expected: [
        {
          line: lineOf(tagKeys, 'aws:TagKeys'),
          column: 11,
          severity: 'low',
          message: 'add "Null": {"aws:TagKeys": "false"} if the key must be present',
        },
      ],
    },
    { name: 'a Null check on the key keeps it quiet', text: withNull, expected: [] },
    { name: "Deny, ForAnyValue and single-valued keys are not this check's", text: fine, expected: [] },
    {
      name: 'CloudFormation YAML',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 13, column: 17, message: 'kms:EncryptionContextKeys' }],
    },
    {
      name: 'Terraform, with the Null check in another condition block',
      path: 'main.tf',
      text: terraform,
      expected: [],
    },
  ]);
});
