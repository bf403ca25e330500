import { describe, expect, it } from 'vitest';
import { fullAdminPolicyAttached } from '../../../../core/rules/iam/full-admin-policy-attached.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import {
  authorizationDetails,
  denied,
  findingsOf,
  group,
  iamInventory,
  managedPolicy,
  policy,
  role,
  user,
} from './iam-fixtures.ts';

const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const ADMIN = managedPolicy(ADMIN_ARN, policy({ Effect: 'Allow', Action: '*', Resource: '*' }), {
  attachmentCount: 3,
});
const READ_ONLY_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const READ_ONLY = managedPolicy(
  READ_ONLY_ARN,
  policy({ Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: '*' }),
);
const GOD_ARN = 'arn:aws:iam::123456789012:policy/god-mode';
const GOD = managedPolicy(GOD_ARN, policy({ Sid: 'All', Effect: 'Allow', Action: ['*'], Resource: ['*'] }));
const LAMBDA_TRUST = [
  { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
];

describe('aws.iam.full-admin-policy-attached', () => {
  testRule(fullAdminPolicyAttached, [
    {
      name: 'fires for AdministratorAccess on a user, a group and a role, once each',
      inventory: iamInventory(
        authorizationDetails({
          users: [user('alice', { attachedPolicyArns: [ADMIN_ARN], groups: ['admins'] })],
          groups: [group('admins', { attachedPolicyArns: [ADMIN_ARN] })],
          roles: [role('ops', LAMBDA_TRUST, { attachedPolicyArns: [ADMIN_ARN, READ_ONLY_ARN] })],
          policies: [ADMIN, READ_ONLY],
        }),
      ),
      expected: [
        { resourceId: 'admins', severity: 'high', message: 'IAM group admins (members: alice) has full' },
        { resourceId: 'alice', message: 'through AWS managed policy AdministratorAccess (Statement[0])' },
        { resourceId: 'ops', message: 'IAM role ops has full administrator access' },
      ],
    },
    {
      name: 'recognises AdministratorAccess by ARN when its document was not collected',
      inventory: iamInventory(
        authorizationDetails({ users: [user('bob', { attachedPolicyArns: [ADMIN_ARN] })] }),
      ),
      expected: [{ resourceId: 'bob', message: 'through AWS managed policy AdministratorAccess.' }],
    },
    {
      name: 'fires for customer managed and inline *:* policies, naming each in one finding',
      inventory: iamInventory(
        authorizationDetails({
          roles: [
            role('deploy', LAMBDA_TRUST, {
              attachedPolicyArns: [GOD_ARN],
              inlinePolicies: [
                {
                  policyName: 'break-glass',
                  document: policy({
                    Effect: 'Allow',
                    Action: '*:*',
                    Resource: '*',
                    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
                  }),
                },
              ],
            }),
          ],
          policies: [GOD],
        }),
      ),
      expected: [
        {
          resourceId: 'deploy',
          message:
            'through inline policy "break-glass" (Statement[0], conditions: Bool aws:MultiFactorAuthPresent = true), customer managed policy god-mode (Statement "All")',
        },
      ],
    },
    {
      name: 'reports an IAM Identity Center permission set role at low severity',
      inventory: iamInventory(
        authorizationDetails({
          roles: [
            role('AWSReservedSSO_AdministratorAccess_0123456789abcdef', [], {
              path: '/aws-reserved/sso.amazonaws.com/',
              attachedPolicyArns: [ADMIN_ARN],
            }),
          ],
          policies: [ADMIN],
        }),
      ),
      expected: [
        {
          resourceId: 'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
          severity: 'low',
          message: 'managed by IAM Identity Center',
        },
      ],
    },
    {
      name: 'does not fire for narrower policies, Deny *:*, service-linked roles or wildcards of one service',
      inventory: iamInventory(
        authorizationDetails({
          users: [
            user('reader', { attachedPolicyArns: [READ_ONLY_ARN] }),
            user('s3admin', {
              inlinePolicies: [
                { policyName: 's3', document: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
              ],
            }),
            user('denied', {
              inlinePolicies: [
                { policyName: 'deny', document: policy({ Effect: 'Deny', Action: '*', Resource: '*' }) },
              ],
            }),
            user('one-bucket', {
              inlinePolicies: [
                {
                  policyName: 'b',
                  document: policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' }),
                },
              ],
            }),
          ],
          roles: [
            role('AWSServiceRoleForSupport', [], {
              path: '/aws-service-role/support.amazonaws.com/',
              attachedPolicyArns: [ADMIN_ARN],
            }),
          ],
          policies: [ADMIN, READ_ONLY],
        }),
      ),
      expected: [],
    },
    {
      name: 'not evaluated when GetAccountAuthorizationDetails is denied',
      inventory: iamInventory({}, [denied('GetAccountAuthorizationDetails')]),
      expected: [],
      notEvaluatedIn: 'global',
    },
  ]);

  it('keeps each policy, its type, ARN and statements in evidence', () => {
    const [finding] = findingsOf(
      fullAdminPolicyAttached,
      iamInventory(
        authorizationDetails({
          groups: [group('admins', { attachedPolicyArns: [GOD_ARN] })],
          policies: [GOD],
        }),
      ),
    );
    expect(finding?.resource).toEqual({
      accountId: '123456789012',
      region: 'global',
      type: 'AWS::IAM::Group',
      id: 'admins',
      arn: 'arn:aws:iam::123456789012:group/admins',
    });
    expect(finding?.evidence).toEqual({
      principalType: 'group',
      principal: 'admins',
      arn: 'arn:aws:iam::123456789012:group/admins',
      groupMembers: [],
      policies: [
        {
          policyName: 'god-mode',
          type: 'customer-managed',
          arn: GOD_ARN,
          statements: [{ statement: 'Statement "All"', action: '*', conditions: [] }],
        },
      ],
    });
  });
});
