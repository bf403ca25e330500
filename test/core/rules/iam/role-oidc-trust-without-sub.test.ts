import { describe, expect, it } from 'vitest';
import { roleOidcTrustWithoutSub } from '../../../../core/rules/iam/role-oidc-trust-without-sub.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { authorizationDetails, denied, findingsOf, iamInventory, role } from './iam-fixtures.ts';

const inventory = (...roles: ReturnType<typeof role>[]) => iamInventory(authorizationDetails({ roles }));
const GITHUB = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
const EKS_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/5C5B4E1D3A0F2B7C9D8E6F1A2B3C4D5E';
const EKS = `arn:aws:iam::123456789012:oidc-provider/${EKS_ISSUER}`;
const webIdentity = (provider: string, condition?: object) => ({
  Effect: 'Allow',
  Principal: { Federated: provider },
  Action: 'sts:AssumeRoleWithWebIdentity',
  ...(condition ? { Condition: condition } : {}),
});
const AUD = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };

describe('aws.iam.role-oidc-trust-without-sub', () => {
  testRule(roleOidcTrustWithoutSub, [
    {
      name: 'critical for GitHub with only an aud condition',
      inventory: inventory(role('gha', [webIdentity(GITHUB, { StringEquals: AUD })])),
      expected: [
        {
          resourceId: 'gha',
          severity: 'critical',
          message:
            'Statement[0] trusts arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com with no token.actions.githubusercontent.com:sub condition, so a GitHub Actions workflow in any repository of any GitHub account can assume it',
        },
      ],
    },
    {
      name: 'critical for a GitHub sub whose owner is a wildcard',
      inventory: inventory(
        role('gha-any', [
          webIdentity(GITHUB, {
            StringEquals: AUD,
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*/infra:ref:refs/heads/main' },
          }),
        ]),
      ),
      expected: [
        {
          resourceId: 'gha-any',
          severity: 'critical',
          message: '"repo:*/infra:ref:refs/heads/main" matches repositories of any GitHub owner',
        },
      ],
    },
    {
      name: 'critical when a sub only applies IfExists (a token without it passes)',
      inventory: inventory(
        role('gha-ifexists', [
          webIdentity(GITHUB, {
            StringLikeIfExists: { 'token.actions.githubusercontent.com:sub': 'repo:my-org/app:*' },
          }),
        ]),
      ),
      expected: [{ resourceId: 'gha-ifexists', severity: 'critical' }],
    },
    {
      name: 'high for another OIDC provider without a sub',
      inventory: inventory(
        role('eks-pod', [webIdentity(EKS, { StringEquals: { [`${EKS_ISSUER}:aud`]: 'sts.amazonaws.com' } })]),
      ),
      expected: [
        {
          resourceId: 'eks-pod',
          severity: 'high',
          message: `no ${EKS_ISSUER.toLowerCase()}:sub condition, so any identity`,
        },
      ],
    },
    {
      name: 'does not fire for pinned subs (one repo, one owner, a service account), Cognito, SAML or service-linked roles',
      inventory: inventory(
        role('gha-repo', [
          webIdentity(GITHUB, {
            StringEquals: {
              ...AUD,
              'token.actions.githubusercontent.com:sub': 'repo:my-org/app:ref:refs/heads/main',
            },
          }),
        ]),
        role('gha-org', [
          webIdentity(GITHUB, { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:my-org/*' } }),
        ]),
        role('eks-sa', [
          webIdentity(EKS, { StringEquals: { [`${EKS_ISSUER}:sub`]: 'system:serviceaccount:default:app' } }),
        ]),
        role('cognito', [
          webIdentity('cognito-identity.amazonaws.com', {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': 'eu-west-1:0000-1111' },
          }),
        ]),
        role('saml', [
          {
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/okta' },
            Action: 'sts:AssumeRoleWithSAML',
          },
        ]),
        role('AWSServiceRoleForX', [webIdentity(GITHUB)], { path: '/aws-service-role/x.amazonaws.com/' }),
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

  it('keeps the provider, issuer and the conditions present in evidence', () => {
    const [finding] = findingsOf(
      roleOidcTrustWithoutSub,
      inventory(
        role('gha', [
          webIdentity(GITHUB, {
            StringEquals: AUD,
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' },
          }),
        ]),
      ),
    );
    expect(finding?.evidence).toEqual({
      role: 'gha',
      arn: 'arn:aws:iam::123456789012:role/gha',
      statements: [
        {
          statement: 'Statement[0]',
          provider: GITHUB,
          issuer: 'token.actions.githubusercontent.com',
          github: true,
          subConditions: ['StringLike token.actions.githubusercontent.com:sub = repo:*'],
          anyOwnerValues: ['repo:*'],
          conditions: [
            'StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com',
            'StringLike token.actions.githubusercontent.com:sub = repo:*',
          ],
        },
      ],
    });
  });
});
