import { describe } from 'vitest';
import { allowNotAction } from '../../../../core/policy/checks/allow-not-action.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

describe('iam.policy.allow-not-action', () => {
  testPolicyCheck(allowNotAction, [
    {
      name: 'NotAction on "*": high, on the NotAction key',
      text: policyJson([{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }]),
      expected: [{ line: 6, column: 7, severity: 'high', message: 'NotAction ["iam:*", "organizations:*"]' }],
    },
    {
      name: 'PowerUser-style NotAction names the escalation paths it leaves open',
      text: policyJson([
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      ]),
      expected: [
        { line: 6, severity: 'high', message: 'privilege escalation through lambda:UpdateFunctionCode' },
      ],
    },
    {
      name: 'NotAction on named resources: medium',
      text: policyJson([
        { Effect: 'Allow', NotAction: 's3:DeleteObject', Resource: 'arn:aws:s3:::reports/*' },
      ]),
      expected: [{ line: 6, severity: 'medium' }],
    },
    {
      name: 'NotResource: medium, on its key',
      text: policyJson([{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secrets/*' }]),
      expected: [
        { line: 7, column: 7, severity: 'medium', message: 'NotResource ["arn:aws:s3:::secrets/*"]' },
      ],
    },
    {
      name: 'both in one statement: two findings',
      text: policyJson([{ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secrets/*' }]),
      expected: [
        { line: 6, severity: 'high' },
        { line: 7, severity: 'medium' },
      ],
    },
    {
      name: 'a resource policy with NotAction',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/app' },
          NotAction: 's3:DeleteBucket',
          Resource: 'arn:aws:s3:::reports/*',
        },
      ]),
      expected: [{ line: 9, severity: 'medium' }],
    },
    {
      name: 'does not fire: Deny with NotAction (the safe, usual use)',
      text: policyJson([{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a NotAction that is full admin (full-admin reports it), NotResource included',
      text: policyJson([{ Effect: 'Allow', NotAction: 's3:*', NotResource: 'arn:aws:s3:::secrets/*' }]),
      expected: [],
    },
    {
      name: 'does not fire: trust policies',
      text: policyJson([
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]),
      expected: [],
    },
    {
      name: 'Terraform aws_iam_policy_document not_actions',
      path: 'main.tf',
      text: [
        'data "aws_iam_policy_document" "power" {',
        '  statement {',
        '    not_actions = ["iam:*"]',
        '    resources   = ["*"]',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 3, column: 5, severity: 'high' }],
    },
  ]);
});
