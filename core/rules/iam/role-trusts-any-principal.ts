import { describeConditions, publicGrants } from '../../policy/checks/support/permission-exposure.ts';
import { describeCondition } from '../../policy/checks/support/statement.ts';
import type { PolicyStatement } from '../../policy/document.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { statementLabel } from '../support/iam-policy-documents.ts';
import { iamScope } from '../support/iam-scope.ts';
import { ASSUME_ROLE_ACTIONS, statementsGranting, trustedRoles } from '../support/iam-trust.ts';

/**
 * Roles whose trust policy lets anyone assume them: "Principal": "*", {"AWS": "*"} or an Allow with NotPrincipal,
 * with no condition bounding the callers to a known set (the policy checks' CALLER_SCOPING_KEYS: aws:PrincipalOrgID,
 * aws:PrincipalAccount, aws:PrincipalArn, aws:SourceIp, ..., on the statement or in a guarding Deny). Critical; high
 * when only a weak condition applies (sts:ExternalId: AWS documents it is not a secret). Service-linked roles are
 * AWS's. The same semantics as the policy check iam.trust.public-principal, which the policy-analysis rule skips.
 */
export const roleTrustsAnyPrincipal = {
  id: 'aws.iam.role-trusts-any-principal',
  service: 'iam',
  category: 'security',
  severity: 'critical',
  title: 'Role assumable by anyone',
  rationale:
    'A trust policy naming "*" as principal with no condition on who calls lets any principal of any AWS account ' +
    'assume the role and act with its permissions; role ARNs are easy to guess or find in code and logs.',
  remediation:
    'Edit the trust policy (IAM console > Roles > the role > Trust relationships > Edit trust policy, or `aws iam ' +
    'update-assume-role-policy`): name the accounts or roles that may assume it in Principal, or keep "*" only with ' +
    '"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-xxxxxxxxxx"}}.',
  scope: 'global',
  requires: [{ service: 'iam', operation: 'GetAccountAuthorizationDetails' }],
  evaluate(scope, { catalog }) {
    const iam = iamScope(scope);
    if (!iam?.iam.roles) return [];
    const hits: RuleHit[] = [];
    for (const { role, document } of trustedRoles(iam.iam)) {
      const assuming = new Set<PolicyStatement>(
        ASSUME_ROLE_ACTIONS.flatMap((action) => statementsGranting(document, catalog, action)),
      );
      const open = publicGrants(document).filter(
        (grant) => grant.scoping.length === 0 && assuming.has(grant.statement),
      );
      if (open.length === 0) continue;
      const grants = open.map((grant) => ({
        statement: statementLabel(grant.statement),
        principal: grant.written,
        weakConditions: describeConditions(grant.weak),
        conditions: (grant.statement.condition?.entries ?? []).map(describeCondition),
      }));
      const weakOnly = grants.every((grant) => grant.weakConditions.length > 0);
      const described = grants.map((grant) => {
        const who =
          grant.principal === 'NotPrincipal'
            ? 'everyone but its NotPrincipal list'
            : `Principal "${grant.principal}"`;
        const weak =
          grant.weakConditions.length > 0
            ? `, narrowed only by ${grant.weakConditions.join('; ')}, which is not a secret`
            : ', with no condition on the caller';
        return `${who} (${grant.statement}${weak})`;
      });
      hits.push({
        resource: { type: 'AWS::IAM::Role', id: role.roleName, arn: role.arn },
        message: `IAM role ${role.roleName} may be assumed by any principal of any AWS account: ${described.join('; ')}.`,
        evidence: { role: role.roleName, arn: role.arn, statements: grants },
        ...(weakOnly ? { severity: 'high' as const } : {}),
      });
    }
    return hits;
  },
} satisfies Rule;
