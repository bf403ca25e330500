import { describe } from 'vitest';
import { mfaBoolFalse } from '../../../../core/policy/checks/mfa-bool-false.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const statement = (effect: string, condition: Record<string, unknown>) =>
  policyJson([{ Effect: effect, NotAction: 'iam:ListMFADevices', Resource: '*', Condition: condition }]);

const deny = statement('Deny', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } });
const allow = statement('Allow', { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } });
const fine = policyJson([
  {
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  },
  {
    Effect: 'Allow',
    Action: '*',
    Resource: '*',
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  {
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { Null: { 'aws:MultiFactorAuthPresent': 'true' } },
  },
]);

const yaml = `Resources:
  Group:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: require-mfa
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Deny
                NotAction: iam:*
                Resource: '*'
                Condition:
                  Bool:
                    aws:MultiFactorAuthPresent: false
`;

const terraform = `data "aws_iam_policy_document" "mfa" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:*"]
    resources   = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}
`;

describe('iam.policy.mfa-bool-false', () => {
  testPolicyCheck(mfaBoolFalse, [
    {
      name: 'a Deny with Bool "false" does not cover long-term access keys (high)',
      text: deny,
      expected: [
        {
          line: lineOf(deny, 'aws:MultiFactorAuthPresent'),
          column: 11,
          severity: 'high',
          message: 'does not apply to requests signed with long-term access keys',
        },
      ],
    },
    {
      name: 'an Allow with Bool "false" misses requests without the key',
      text: allow,
      expected: [
        {
          line: lineOf(allow, 'aws:MultiFactorAuthPresent'),
          severity: 'medium',
          message: 'use BoolIfExists',
        },
      ],
    },
    { name: 'BoolIfExists, "true", other keys and Null are fine', text: fine, expected: [] },
    {
      name: 'CloudFormation YAML: an unquoted boolean',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 15, column: 21, severity: 'high' }],
    },
    {
      name: 'Terraform condition block',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 8, severity: 'high' }],
    },
  ]);
});
