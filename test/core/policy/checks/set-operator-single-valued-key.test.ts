import { describe } from 'vitest';
import { setOperatorSingleValuedKey } from '../../../../core/policy/checks/set-operator-single-valued-key.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const statement = (effect: string, condition: Record<string, unknown>) =>
  policyJson([{ Effect: effect, Action: 's3:GetObject', Resource: '*', Condition: condition }]);

const forAllAllow = statement('Allow', { 'ForAllValues:StringEquals': { 'aws:SourceVpc': 'vpc-1' } });
const forAllDeny = statement('Deny', { 'ForAllValues:StringNotEquals': { 'aws:SourceVpc': 'vpc-1' } });
const forAny = statement('Allow', { 'ForAnyValue:StringLike': { 'aws:ResourceTag/team': 'a*' } });
const fine = policyJson([
  {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: {
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'], 'aws:CalledVia': 'athena.amazonaws.com' },
      'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-1/*', 'made:up': 'x' },
      StringEquals: { 'aws:SourceVpc': 'vpc-1' },
    },
  },
  {
    Effect: 'Allow',
    Principal: { Federated: 'cognito-identity.amazonaws.com' },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      'ForAnyValue:StringLike': {
        'cognito-identity.amazonaws.com:amr': 'authenticated',
        'token.actions.githubusercontent.com:sub': 'repo:acme/*',
      },
    },
  },
]);

const yaml = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: '111122223333'
            Action: sts:AssumeRole
            Condition:
              ForAllValues:StringEquals:
                aws:PrincipalOrgID: o-abc123
`;

const terraform = `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "ForAllValues:StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1"]
    }
  }
}
`;

describe('iam.policy.set-operator-single-valued-key', () => {
  testPolicyCheck(setOperatorSingleValuedKey, [
    {
      name: 'ForAllValues on a single-valued key in an Allow is high: a missing key passes',
      text: forAllAllow,
      expected: [
        {
          line: lineOf(forAllAllow, 'aws:SourceVpc'),
          column: 11,
          severity: 'high',
          message: 'this Allow admits every request without it; use StringEquals',
        },
      ],
    },
    {
      name: 'in a Deny it is low',
      text: forAllDeny,
      expected: [
        { line: lineOf(forAllDeny, 'aws:SourceVpc'), severity: 'low', message: 'use StringNotEquals' },
      ],
    },
    {
      name: 'ForAnyValue on a single-valued key is low',
      text: forAny,
      expected: [
        { line: lineOf(forAny, 'aws:ResourceTag/team'), severity: 'low', message: 'use StringLike' },
      ],
    },
    {
      name: 'multivalued keys, Cognito amr, unknown keys and provider claims are fine',
      text: fine,
      expected: [],
    },
    {
      name: 'CloudFormation YAML trust policy',
      path: 'template.yaml',
      text: yaml,
      expected: [
        { line: 14, column: 17, severity: 'high', message: '"aws:PrincipalOrgID" has one value per request' },
      ],
    },
    {
      name: 'Terraform condition block',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 7, severity: 'high' }],
    },
  ]);
});
