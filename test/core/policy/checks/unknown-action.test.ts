import { describe } from 'vitest';
import { unknownAction } from '../../../../core/policy/checks/unknown-action.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';
import { lineOf } from './correctness-lines.ts';

const typo = policyJson([{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObjet'], Resource: '*' }]);
const badService = policyJson([{ Effect: 'Allow', Action: 's33:GetObject', Resource: '*' }]);
const noMatch = policyJson([{ Effect: 'Allow', Action: ['s3:Gett*', 's3:Get*'], Resource: '*' }]);
const invalid = policyJson([{ Effect: 'Allow', Action: ['s3', 'iam::PassRole'], Resource: '*' }]);
const denyTypo = policyJson([{ Effect: 'Deny', Action: 'iam:DeleteRoel', Resource: '*' }]);
const notAction = policyJson([{ Effect: 'Allow', NotAction: ['iam:*', 'organizatons:*'], Resource: '*' }]);
const retired = policyJson([{ Effect: 'Allow', Action: 'cloudhsm:DescribeHapg', Resource: '*' }]);
const fine = policyJson([
  {
    Effect: 'Allow',
    Action: ['*', 's3:getobject', 'S3:List*', 'ec2:Describe?pcs', 'iam:PassRole', 'sts:AssumeRole'],
    Resource: '*',
  },
]);

const yaml = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action:
              - dynamodb:GetItems
              - !Sub '\${Service}:GetItem'
            Resource: '*'
`;

const terraform = `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["lambda:InvokeFuncton", var.extra_action]
    resources = ["*"]
  }
}
`;

describe('iam.policy.unknown-action', () => {
  testPolicyCheck(unknownAction, [
    {
      name: 'a misspelt action, with the nearest real one',
      text: typo,
      expected: [
        {
          line: lineOf(typo, '"s3:GetObjet"'),
          column: 9,
          severity: 'medium',
          message: '"s3:GetObjet" is not an Amazon S3 action; did you mean "s3:GetObject"?',
        },
      ],
    },
    {
      name: 'an unknown service prefix',
      text: badService,
      expected: [
        {
          line: 6,
          message:
            'No AWS service has the prefix "s33", so "s33:GetObject" names no action; did you mean "s3:GetObject"?',
        },
      ],
    },
    {
      name: 'a wildcard that matches no action',
      text: noMatch,
      expected: [{ line: lineOf(noMatch, '"s3:Gett*"'), message: '"s3:Gett*" matches no Amazon S3 action' }],
    },
    {
      name: 'values that are not service:action',
      text: invalid,
      expected: [
        { line: lineOf(invalid, '"s3"'), message: '"s3" is not an action' },
        { line: lineOf(invalid, '"iam::PassRole"'), message: 'one colon' },
      ],
    },
    {
      name: 'a typo in a Deny is high: the action is not denied',
      text: denyTypo,
      expected: [{ line: 6, severity: 'high', message: 'This Deny does not deny it' }],
    },
    {
      name: 'a typo in the NotAction of an Allow is high: the action is granted',
      text: notAction,
      expected: [
        {
          line: lineOf(notAction, '"organizatons:*"'),
          severity: 'high',
          message: 'did you mean "organizations:*"?',
        },
      ],
    },
    {
      name: 'a retired action says so when nothing is close',
      text: retired,
      expected: [{ line: 6, message: 'it may be retired, or newer than' }],
    },
    { name: 'real actions in any case, wildcards and "*" are fine', text: fine, expected: [] },
    {
      name: 'CloudFormation YAML: the entry, never the !Sub placeholder',
      path: 'template.yaml',
      text: yaml,
      expected: [{ line: 11, column: 17, message: 'did you mean "dynamodb:GetItem"?' }],
    },
    {
      name: 'Terraform: the entry in actions, never the variable',
      path: 'main.tf',
      text: terraform,
      expected: [{ line: 3, message: 'did you mean "lambda:InvokeFunction"?' }],
    },
  ]);
});
