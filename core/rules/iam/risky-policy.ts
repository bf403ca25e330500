import { ALL_POLICY_CHECKS } from '../../policy/checks/index.ts';
import type { PolicyCheck } from '../../policy/checks/policy-check.ts';
import type { Rule } from '../rule.ts';
import { analyseIamPolicies, type PolicyAnalysisCaches } from '../support/iam-policy-analysis.ts';
import { iamScope } from '../support/iam-scope.ts';

/**
 * Builds the policy-analysis rule over `checks` (ALL_POLICY_CHECKS in the catalogue; tests pass their own): every
 * collected IAM policy runs through the checks, and each security finding of medium severity or worse becomes a
 * finding on the principal (or customer managed policy) that holds it, one per check and policy, keeping the check
 * id in the evidence. Left to the dedicated rules: literal `*:*` statements (aws.iam.full-admin-policy-attached),
 * Principal "*" and cross-account trust (the trust rules, which know the scanned account), and the web-identity
 * check on roles the OIDC rule reports.
 */
export function createRiskyPolicyRule(checks: readonly PolicyCheck[] = ALL_POLICY_CHECKS): Rule {
  const caches: PolicyAnalysisCaches = { awsManaged: new WeakMap() };
  return {
    id: 'aws.iam.risky-policy',
    service: 'iam',
    category: 'security',
    severity: 'high',
    title: 'IAM policy grants risky access',
    rationale:
      'Policy analysis finds what a policy really lets its holder do: privilege escalation paths (iam:PassRole ' +
      'with a compute service, iam:AttachRolePolicy, iam:CreatePolicyVersion, ...), permission management or ' +
      'credential access on every resource, and service-wide wildcards. Whoever controls the principal gets that ' +
      'access, and an escalation path turns any foothold into administrator access.',
    remediation:
      'Narrow the policy named in the finding to the actions and resources the principal needs (IAM Access ' +
      'Analyzer policy generation helps), or detach it; the finding names the statement and what to change.',
    scope: 'global',
    requires: [{ service: 'iam', operation: 'GetAccountAuthorizationDetails' }],
    evaluate(scope, { catalog }) {
      const iam = iamScope(scope);
      if (!iam?.iam.users || !iam.iam.roles || !iam.iam.groups) return [];
      return analyseIamPolicies(iam.iam, catalog, checks, caches);
    },
  };
}

/** The policy-analysis rule over every policy check. */
export const riskyPolicy: Rule = createRiskyPolicyRule();
