import { describe } from 'vitest';
import { invalidStatement } from '../../../../core/policy/checks/invalid-statement.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const identity = policyJson([
  { Action: 's3:GetObject', Resource: '*' },
  { Effect: 'allow', Action: 's3:GetObject', Resource: '*' },
  { Effect: 'Permit', Action: 's3:GetObject', Resource: '*' },
  { Effect: 'Allow', Resource: '*' },
  { Effect: 'Allow', Action: 's3:GetObject' },
  {
    Effect: 'Allow',
    Action: 's3:GetObject',
    NotAction: 's3:PutObject',
    Resource: '*',
    NotResource: 'arn:aws:s3:::a',
  },
  { Sid: 'Read all buckets', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
]);
const misspelt = policyJson([{ Effect: 'Allow', Actions: 's3:GetObject', Resource: '*' }]);
const valid = policyJson([
  { Sid: 'ReadAll1', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
  { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:iam::111122223333:role/admin' },
]);

const yaml = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: sts:AssumeRole
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: '*'
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: Allow administration of the key
            Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:root
            Action: kms:*
            Resource: '*'
          - Sid: No principal
            Effect: Allow
            Action: kms:Decrypt
            Resource: '*'
`;

const terraform = `data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "app" {
  statement {
    sid     = "ReadAll"
    effect  = "Deny"
    actions = ["s3:GetObject"]
  }
}

resource "aws_iam_role_policy" "app" {
  role   = "app"
  policy = data.aws_iam_policy_document.app.json
}
`;

describe('iam.policy.invalid-statement', () => {
  testPolicyCheck(invalidStatement, [
    {
      name: 'missing or invalid elements of identity-policy statements',
      text: identity,
      expected: [
        { line: 4, column: 5, severity: 'high', message: 'The statement has no Effect' },
        {
          line: lineOf(identity, '"allow"'),
          column: 17,
          message: 'Effect "allow" is not "Allow" or "Deny" (the case matters)',
        },
        { line: lineOf(identity, '"Permit"'), message: 'Effect "Permit"' },
        { line: lineOf(identity, '"Effect": "Allow"', 1) - 1, message: 'no Action or NotAction' },
        { line: lineOf(identity, '"Effect": "Allow"', 2) - 1, message: 'no Resource or NotResource' },
        { line: lineOf(identity, '"NotAction": "s3:PutObject"'), message: 'both Action and NotAction' },
        { line: lineOf(identity, '"NotResource"'), message: 'both Resource and NotResource' },
        { line: lineOf(identity, 'Read all buckets'), message: 'may hold only letters and digits' },
      ],
    },
    { name: "a misspelt key is the extractor's finding, not a missing Action", text: misspelt, expected: [] },
    { name: 'NotAction and NotResource are fine', text: valid, expected: [] },
    {
      name: 'CloudFormation: a trust statement without Principal; a managed policy with one; KMS Sids may have spaces',
      path: 'template.yaml',
      text: yaml,
      expected: [
        { line: 8, message: 'A trust policy statement must name a Principal' },
        { line: 21, message: 'An identity policy cannot name a Principal' },
        { line: 36, message: 'A resource policy statement must name a Principal' },
      ],
    },
    {
      name: 'Terraform: a trust policy needs no resources; a used identity policy does; an unused one is not judged',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 12, message: 'no Resource or NotResource' }],
    },
  ]);
});
