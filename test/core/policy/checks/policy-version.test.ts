// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is IAM and Terraform syntax under test.
import { describe } from 'vitest';
import { policyVersion } from '../../../../core/policy/checks/policy-version.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/*' };
const withVariable = { ...statement, Resource: 'arn:aws:s3:::home/${aws:username}/*' };
const noVersion = JSON.stringify({ Statement: [statement] }, null, 2);
const noVersionWithVariable = JSON.stringify({ Statement: [withVariable] }, null, 2);
const oldVersion = policyJson([statement], { Version: '2008-10-17' });
const oldWithConditionVariable = policyJson(
  [{ ...statement, Condition: { StringLike: { 's3:prefix': '${aws:userid}/*' } } }],
  { Version: '2008-10-17' },
);
const invalid = policyJson([statement], { Version: '2012-10-18' });
const misspeltKey = JSON.stringify({ Versoin: '2012-10-17', Statement: [statement] }, null, 2);

const yaml = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:*
            Resource: arn:aws:s3:::home/\${aws:username}/*
  Bucket:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: home
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: arn:aws:s3:::home/*
`;

const terraform = `data "aws_iam_policy_document" "default_version" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::home/$\${aws:username}/*"]
  }
}

data "aws_iam_policy_document" "old" {
  version = "2008-10-17"
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::home/$\${aws:username}/*"]
  }
}
`;

describe('iam.policy.policy-version', () => {
  testPolicyCheck(policyVersion, [
    {
      name: 'no Version: low, pointing at the policy',
      text: noVersion,
      expected: [
        {
          line: 1,
          severity: 'low',
          message: 'The policy has no Version, so IAM applies the 2008-10-17 language',
        },
      ],
    },
    {
      name: 'no Version with a policy variable: high, the variable is literal text',
      text: noVersionWithVariable,
      expected: [
        {
          line: 1,
          severity: 'high',
          message:
            'policy variables are not substituted, so "arn:aws:s3:::home/${aws:username}/*" matches only its literal text',
        },
      ],
    },
    {
      name: '2008-10-17 without variables',
      text: oldVersion,
      expected: [{ line: 2, column: 14, severity: 'low' }],
    },
    {
      name: '2008-10-17 with a variable in a condition value',
      text: oldWithConditionVariable,
      expected: [{ line: 2, severity: 'high', message: '"${aws:userid}/*"' }],
    },
    {
      name: 'a value that is no policy version',
      text: invalid,
      expected: [{ line: 2, severity: 'medium', message: '"2012-10-18" is not a policy language version' }],
    },
    { name: 'current version is fine', text: policyJson([withVariable]), expected: [] },
    { name: "a misspelt Version key is the extractor's finding", text: misspeltKey, expected: [] },
    {
      name: 'CloudFormation YAML: missing (with a variable), and an unquoted date that YAML keeps as written',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 6, severity: 'high' }],
    },
    {
      name: 'Terraform: aws_iam_policy_document defaults to 2012-10-17; an explicit 2008-10-17 is reported',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 9, severity: 'high', message: 'Version "2008-10-17" is the old policy language' }],
    },
  ]);
});
