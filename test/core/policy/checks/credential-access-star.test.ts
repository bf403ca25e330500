import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import { credentialAccessStar } from '../../../../core/policy/checks/credential-access-star.ts';
import {
  CREDENTIAL_ACTIONS,
  DATA_ACTIONS,
} from '../../../../core/policy/checks/support/permission-sensitive-actions.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

describe('iam.policy.credential-access-star', () => {
  testPolicyCheck(credentialAccessStar, [
    {
      name: 'redshift:GetClusterCredentials on "*": high, on the action entry',
      text: policyJson([{ Effect: 'Allow', Action: 'redshift:GetClusterCredentials', Resource: '*' }]),
      expected: [
        { line: 6, column: 17, severity: 'high', message: 'database credentials for any Redshift user' },
      ],
    },
    {
      name: 'sts:AssumeRole on "*": medium',
      text: policyJson([{ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: '*' }]),
      expected: [{ line: 7, severity: 'medium', message: 'assuming any role' }],
    },
    {
      name: 'through a partial wildcard, naming the matched actions',
      text: policyJson([{ Effect: 'Allow', Action: 'ec2:Get*', Resource: '*' }]),
      expected: [{ line: 6, severity: 'medium', message: '(ec2:GetPasswordData)' }],
    },
    {
      name: 'a narrowing condition lowers one level',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'rds-db:connect',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
        },
      ]),
      expected: [{ line: 6, severity: 'medium' }],
    },
    {
      name: 'does not fire: sts:GetSessionToken and ecr:GetAuthorizationToken (own credentials, registry token)',
      text: policyJson([
        { Effect: 'Allow', Action: ['sts:GetSessionToken', 'ecr:GetAuthorizationToken'], Resource: '*' },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: scoped to named roles',
      text: policyJson([
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/reader' },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: iam:CreateAccessKey (privilege-escalation reports it)',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: Deny',
      text: policyJson([{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: service-wide wildcards (service-wildcard reports them)',
      text: policyJson([{ Effect: 'Allow', Action: 'redshift:*', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'Terraform aws_iam_policy_document',
      path: 'main.tf',
      text: [
        'data "aws_iam_policy_document" "ops" {',
        '  statement {',
        '    actions   = ["ec2-instance-connect:SendSSHPublicKey"]',
        '    resources = ["*"]',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 3, column: 18, severity: 'high' }],
    },
  ]);

  it('names only actions that exist in the catalogue', () => {
    const catalog = loadIamCatalog();
    const missing = [...CREDENTIAL_ACTIONS, ...DATA_ACTIONS]
      .map((action) => action.key)
      .filter((key) => catalog.action(key) === undefined);
    expect(missing).toEqual([]);
  });
});
