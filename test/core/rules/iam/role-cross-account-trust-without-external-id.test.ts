import { describe, expect, it } from 'vitest';
import { roleCrossAccountTrustWithoutExternalId } from '../../../../core/rules/iam/role-cross-account-trust-without-external-id.ts';
import { TEST_ACCOUNT, testRule } from '../../../helpers/rule-harness.ts';
import {
  authorizationDetails,
  denied,
  findingsOf,
  iamInventory,
  OTHER_ACCOUNT,
  role,
} from './iam-fixtures.ts';

const inventory = (...roles: ReturnType<typeof role>[]) => iamInventory(authorizationDetails({ roles }));
const assume = (principal: unknown, extra: object = {}) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  ...extra,
});

describe('aws.iam.role-cross-account-trust-without-external-id', () => {
  testRule(roleCrossAccountTrustWithoutExternalId, [
    {
      name: "fires for another account's root",
      inventory: inventory(role('vendor', [assume({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` })])),
      expected: [
        {
          resourceId: 'vendor',
          severity: 'high',
          message: `may be assumed from account ${OTHER_ACCOUNT} without an sts:ExternalId condition: arn:aws:iam::${OTHER_ACCOUNT}:root (Statement[0])`,
        },
      ],
    },
    {
      name: 'fires for a bare account id and a role of another account, naming both accounts',
      inventory: inventory(
        role('shared', [assume({ AWS: ['999988887777', `arn:aws:iam::${OTHER_ACCOUNT}:role/deployer`] })]),
      ),
      expected: [{ resourceId: 'shared', message: `from accounts 999988887777, ${OTHER_ACCOUNT}` }],
    },
    {
      name: 'medium when another condition bounds the caller',
      inventory: inventory(
        role('pinned', [
          assume(
            { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            {
              Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER_ACCOUNT}:role/scanner` } },
            },
          ),
        ]),
      ),
      expected: [
        {
          resourceId: 'pinned',
          severity: 'medium',
          message: `bounded by ArnEquals aws:PrincipalArn = arn:aws:iam::${OTHER_ACCOUNT}:role/scanner`,
        },
      ],
    },
    {
      name: 'an external id that any value matches, or one that may be absent, does not count',
      inventory: inventory(
        role('star-id', [
          assume({ AWS: OTHER_ACCOUNT }, { Condition: { StringLike: { 'sts:ExternalId': '*' } } }),
        ]),
        role('if-exists', [
          assume({ AWS: OTHER_ACCOUNT }, { Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'x1' } } }),
        ]),
      ),
      expected: [{ resourceId: 'if-exists' }, { resourceId: 'star-id' }],
    },
    {
      name: 'does not fire for the own account, an external id, org or MFA conditions, services or SAML',
      inventory: inventory(
        role('own', [assume({ AWS: [`arn:aws:iam::${TEST_ACCOUNT}:root`, TEST_ACCOUNT] })]),
        role('with-id', [
          assume(
            { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            { Condition: { StringEquals: { 'sts:ExternalId': 'k3y-f0r-us' } } },
          ),
        ]),
        role('guarded', [
          assume({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }),
          {
            Effect: 'Deny',
            Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            Action: 'sts:AssumeRole',
            Condition: { StringNotEquals: { 'sts:ExternalId': 'k3y-f0r-us' } },
          },
        ]),
        role('org', [
          assume(
            { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdef1234' } } },
          ),
        ]),
        role('people', [
          assume(
            { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
          ),
        ]),
        role('service', [assume({ Service: 'ec2.amazonaws.com' })]),
        role('everyone', [assume('*')]),
        role('tag-only', [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            Action: 'sts:TagSession',
          },
        ]),
        role('AWSServiceRoleForOrganizations', [assume({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` })], {
          path: '/aws-service-role/organizations.amazonaws.com/',
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

  it('keeps the trusted principals, accounts and conditions in evidence', () => {
    const [finding] = findingsOf(
      roleCrossAccountTrustWithoutExternalId,
      inventory(
        role('vendor', [
          assume(
            { AWS: [`arn:aws:iam::${OTHER_ACCOUNT}:role/reader`, `arn:aws:iam::${TEST_ACCOUNT}:root`] },
            { Sid: 'Vendor', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
          ),
        ]),
      ),
    );
    expect(finding?.evidence).toEqual({
      role: 'vendor',
      arn: 'arn:aws:iam::123456789012:role/vendor',
      scannedAccount: TEST_ACCOUNT,
      trustedAccounts: [OTHER_ACCOUNT],
      statements: [
        {
          statement: 'Statement "Vendor"',
          principals: [{ principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/reader`, account: OTHER_ACCOUNT }],
          scopingConditions: [],
          conditions: ['Bool aws:SecureTransport = true'],
        },
      ],
    });
  });
});
