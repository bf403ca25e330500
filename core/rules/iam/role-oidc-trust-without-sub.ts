import type { Rule, RuleHit } from '../rule.ts';
import { type UnpinnedOidcTrust, unpinnedOidcTrusts } from '../support/iam-oidc.ts';
import { iamScope } from '../support/iam-scope.ts';
import { trustedRoles } from '../support/iam-trust.ts';

function describeTrust(trust: UnpinnedOidcTrust): string {
  const reason =
    trust.anyOwnerValues.length > 0
      ? `its ${trust.issuer}:sub ${trust.anyOwnerValues.map((value) => `"${value}"`).join(', ')} matches repositories of any GitHub owner`
      : `no ${trust.issuer}:sub condition`;
  const who = trust.github
    ? 'a GitHub Actions workflow in any repository of any GitHub account'
    : `any identity ${trust.issuer} issues tokens for`;
  return `${trust.statement} trusts ${trust.provider} with ${reason}, so ${who} can assume it`;
}

/**
 * Roles trusting an OIDC provider (sts:AssumeRoleWithWebIdentity from an `oidc-provider/` principal) in a statement
 * with no `<issuer>:sub` condition that pins the subject. Critical for GitHub Actions, whose issuer signs tokens for
 * every repository on github.com (a sub whose owner part is a wildcard, such as "repo:*", pins nothing either); high
 * for other providers (EKS, GitLab, Terraform Cloud, ...), whose tokens name every identity of the issuer. The
 * policy check iam.trust.web-identity-unscoped finds more (aud, Cognito, org-wide subs); the policy-analysis rule
 * keeps its findings on roles this rule does not report.
 */
export const roleOidcTrustWithoutSub = {
  id: 'aws.iam.role-oidc-trust-without-sub',
  service: 'iam',
  category: 'security',
  severity: 'high',
  title: 'OIDC trust without a sub condition',
  rationale:
    "An OIDC provider's tokens are signed for every subject it serves: for GitHub Actions, every workflow of every " +
    'repository on github.com. The aud claim names AWS, not you, so only a condition on the sub claim (repository ' +
    'and branch or environment, Kubernetes service account, ...) restricts who can exchange a token for this ' +
    "role's credentials.",
  remediation:
    'Edit the trust policy (IAM console > Roles > the role > Trust relationships > Edit trust policy): add a ' +
    '"<issuer>:sub" condition naming who may assume it, e.g. for GitHub "StringEquals": ' +
    '{"token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main", ' +
    '"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}; for EKS ' +
    '"<issuer>:sub": "system:serviceaccount:<namespace>:<service-account>".',
  scope: 'global',
  requires: [{ service: 'iam', operation: 'GetAccountAuthorizationDetails' }],
  evaluate(scope, { catalog }) {
    const iam = iamScope(scope);
    if (!iam?.iam.roles) return [];
    const hits: RuleHit[] = [];
    for (const { role, document } of trustedRoles(iam.iam)) {
      const unpinned = unpinnedOidcTrusts(document, catalog);
      if (unpinned.length === 0) continue;
      const github = unpinned.some((trust) => trust.github);
      hits.push({
        resource: { type: 'AWS::IAM::Role', id: role.roleName, arn: role.arn },
        message: `IAM role ${role.roleName}: ${unpinned.map(describeTrust).join('; ')}.`,
        evidence: { role: role.roleName, arn: role.arn, statements: unpinned },
        severity: github ? 'critical' : 'high',
      });
    }
    return hits;
  },
} satisfies Rule;
