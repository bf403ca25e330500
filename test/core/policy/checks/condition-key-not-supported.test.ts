import { describe } from 'vitest';
import { conditionKeyNotSupported } from '../../../../core/policy/checks/condition-key-not-supported.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const statement = (effect: string, action: unknown, condition: Record<string, unknown>) =>
  policyJson([{ Effect: effect, Action: action, Resource: '*', Condition: condition }]);

const prefixOnGet = statement('Allow', 's3:GetObject', { StringLike: { 's3:prefix': 'home/*' } });
const typo = statement('Allow', 's3:PutObject', { StringEquals: { 's3:x-amz-acls': 'private' } });
const globalTypo = statement('Allow', 's3:GetObject', { StringEquals: { 'aws:PrincipalOrgId2': 'o-1' } });
const denyOtherService = statement('Deny', ['s3:PutObject', 's3:DeleteObject'], {
  StringEquals: { 'ec2:InstanceType': 't3.micro' },
});
const ifExists = statement('Allow', 's3:GetObject', { StringLikeIfExists: { 's3:prefix': 'home/*' } });
const fine = policyJson([
  {
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:ListBucket'],
    Resource: '*',
    Condition: {
      StringLike: { 's3:prefix': 'home/*' },
      StringEquals: {
        'aws:PrincipalOrgID': 'o-1',
        'AWS:SourceVpce': 'vpce-1',
        's3:ExistingObjectTag/team': 'a',
      },
    },
  },
  { Effect: 'Allow', NotAction: 'iam:*', Resource: '*', Condition: { StringEquals: { 's3:prefix': 'x' } } },
  { Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 's3:prefix': 'x' } } },
  {
    Effect: 'Allow',
    Action: 'secretsmanager:GetSecretValue',
    Resource: '*',
    Condition: { StringEquals: { 'secretsmanager:ResourceTag/team': 'a' } },
  },
  {
    Effect: 'Allow',
    Action: 'elasticloadbalancing:AddTags',
    Resource: '*',
    Condition: { StringEquals: { 'elasticloadbalancing:CreateAction': 'CreateTargetGroup' } },
  },
]);
const trust = policyJson([
  {
    Effect: 'Allow',
    Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' },
    },
  },
  {
    Effect: 'Allow',
    Principal: { Federated: 'cognito-identity.amazonaws.com' },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:1' },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    },
  },
  {
    Effect: 'Allow',
    Principal: { AWS: '111122223333' },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'x', 'saml:aud': 'https://signin.aws.amazon.com/saml' } },
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
              StringEquals:
                kms:ViaServce: s3.us-east-1.amazonaws.com
`;

const terraform = `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ec2.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "ec2:Region"
      values   = ["us-east-1"]
    }
  }
}
`;

describe('iam.policy.condition-key-not-supported', () => {
  testPolicyCheck(conditionKeyNotSupported, [
    {
      name: 's3:prefix on s3:GetObject never matches',
      text: prefixOnGet,
      expected: [
        {
          line: lineOf(prefixOnGet, '"s3:prefix"'),
          column: 11,
          severity: 'medium',
          message: '"s3:prefix" is not a condition key of s3:GetObject: the condition never matches',
        },
      ],
    },
    {
      name: 'an unknown service key, with the nearest real one',
      text: typo,
      expected: [{ line: lineOf(typo, 's3:x-amz-acls'), message: 'did you mean "s3:x-amz-acl"?' }],
    },
    {
      name: 'an unknown global key',
      text: globalTypo,
      expected: [
        { line: lineOf(globalTypo, 'aws:PrincipalOrgId2'), message: 'did you mean "aws:PrincipalOrgID"?' },
      ],
    },
    {
      name: "a Deny on another service's key never applies (high)",
      text: denyOtherService,
      expected: [
        {
          line: lineOf(denyOtherService, 'ec2:InstanceType'),
          severity: 'high',
          message:
            'any of s3:PutObject, s3:DeleteObject: the condition never matches, so this Deny never applies',
        },
      ],
    },
    {
      name: 'with IfExists the condition restricts nothing (low)',
      text: ifExists,
      expected: [
        { line: lineOf(ifExists, 's3:prefix'), severity: 'low', message: 'does not restrict anything' },
      ],
    },
    {
      name: 'keys some action supports, global keys, NotAction, tag keys and merged services are fine',
      text: fine,
      expected: [],
    },
    {
      name: 'trust policies: provider claims, Cognito amr, ExternalId and SAML keys',
      text: trust,
      expected: [
        {
          line: lineOf(trust, '"saml:aud"'),
          message: '"saml:aud" is not a condition key of sts:AssumeRole',
        },
      ],
    },
    {
      name: 'CloudFormation YAML',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 13, column: 17, message: 'did you mean "kms:ViaService"?' }],
    },
    {
      name: 'Terraform: the variable attribute',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 12, message: '"ec2:Region" is not a condition key of iam:PassRole' }],
    },
  ]);
});
