import { describe, expect, it } from 'vitest';
import { roleTrustsAnyPrincipal } from '../../../../core/rules/iam/role-trusts-any-principal.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { authorizationDetails, denied, findingsOf, iamInventory, role } from './iam-fixtures.ts';

const inventory = (...roles: ReturnType<typeof role>[]) => iamInventory(authorizationDetails({ roles }));

describe('aws.iam.role-trusts-any-principal', () => {
  testRule(roleTrustsAnyPrincipal, [
    {
      name: 'fires for Principal "*" with no condition',
      inventory: inventory(role('open', [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }])),
      expected: [
        {
          resourceId: 'open',
          severity: 'critical',
          message:
            'may be assumed by any principal of any AWS account: Principal "*" (Statement[0], with no condition on the caller)',
        },
      ],
    },
    {
      name: 'fires for {"AWS": "*"} granted through sts:*',
      inventory: inventory(
        role('open-aws', [{ Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:*' }]),
      ),
      expected: [
        { resourceId: 'open-aws', severity: 'critical', message: 'Principal "AWS: *" (Statement "Anyone"' },
      ],
    },
    {
      name: 'high when only an external id narrows it',
      inventory: inventory(
        role('ext-only', [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': 'abc123' } },
          },
        ]),
      ),
      expected: [
        {
          resourceId: 'ext-only',
          severity: 'high',
          message: 'narrowed only by StringEquals sts:ExternalId = abc123, which is not a secret',
        },
      ],
    },
    {
      name: 'does not fire when a condition bounds the caller, for named principals or service-linked roles',
      inventory: inventory(
        role('org-only', [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdef1234' } },
          },
        ]),
        role('wildcard-condition', [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'sts:AssumeRole',
            Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/ci-*' } },
          },
        ]),
        role('named', [
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
        ]),
        role('deny-star', [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }]),
        role('AWSServiceRoleForX', [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }], {
          path: '/aws-service-role/x.amazonaws.com/',
        }),
      ),
      expected: [],
    },
    {
      name: 'an "IfExists" bound is no bound: a caller without the key passes',
      inventory: inventory(
        role('if-exists', [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'sts:AssumeRole',
            Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdef1234' } },
          },
        ]),
      ),
      expected: [{ resourceId: 'if-exists', severity: 'critical' }],
    },
    {
      name: 'not evaluated when GetAccountAuthorizationDetails is denied',
      inventory: iamInventory({}, [denied('GetAccountAuthorizationDetails')]),
      expected: [],
      notEvaluatedIn: 'global',
    },
  ]);

  it('keeps the principal and conditions in evidence', () => {
    const [finding] = findingsOf(
      roleTrustsAnyPrincipal,
      inventory(
        role('open', [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:SecureTransport': 'true' } },
          },
        ]),
      ),
    );
    expect(finding?.evidence).toEqual({
      role: 'open',
      arn: 'arn:aws:iam::123456789012:role/open',
      statements: [
        {
          statement: 'Statement[0]',
          principal: '*',
          weakConditions: [],
          conditions: ['Bool aws:SecureTransport = true'],
        },
      ],
    });
  });
});
