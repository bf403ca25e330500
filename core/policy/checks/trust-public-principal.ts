import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { describeConditions, publicGrants } from './support/permission-exposure.ts';
import { lowerSeverity } from './support/permission-severity.ts';

/**
 * A role trust policy that lets everyone (`"Principal": "*"`, `{"AWS": "*"}`, or an Allow with NotPrincipal) assume
 * the role, with no condition bounding the callers (support/permission-exposure.ts CALLER_SCOPING_KEYS:
 * aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceIp, ...). Critical; high when only a
 * weak condition applies (sts:ExternalId is not a secret). With a bounding condition it is not reported. Resource
 * policies are the resource-policy check's, so one problem gives one finding.
 */
export const trustPublicPrincipal = {
  id: 'iam.trust.public-principal',
  title: 'Role assumable by anyone',
  category: 'security',
  defaultSeverity: 'critical',
  docs: 'A trust policy with Principal "*" (or an Allow with NotPrincipal) and no condition bounding the callers lets any principal of any AWS account assume the role.',
  remediation:
    'Name the accounts or roles that may assume it in Principal (e.g. {"AWS": "arn:aws:iam::111122223333:role/deployer"}), or keep "*" and add "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-xxxxxxxxxx"}}.',
  appliesTo: ['trust'],
  evaluate(document) {
    const problems: PolicyProblem[] = [];
    const grants = publicGrants(document);
    for (let i = 0; i < grants.length; i++) {
      const grant = grants[i]!;
      if (grant.scoping.length > 0) continue;
      const weak = describeConditions(grant.weak);
      const caveat =
        weak.length > 0 ? ` (${weak.join('; ')} narrows it, but an external id is not a secret)` : '';
      problems.push({
        message: `Principal ${grant.written === 'NotPrincipal' ? 'is everyone but the NotPrincipal list' : `"${grant.written}"`} may assume this role with no condition limiting who: any principal in any AWS account can get its credentials${caveat}`,
        range: grant.range,
        statement: grant.statement,
        severity: weak.length > 0 ? lowerSeverity('critical') : 'critical',
        evidence: {
          principal: grant.written,
          conditions: weak,
        },
        anchor: grant.written,
      });
    }
    return problems;
  },
} satisfies PolicyCheck;
