import { CALLER_SCOPING_KEYS } from '../../policy/checks/support/permission-exposure.ts';
import { guardingConditions } from '../../policy/checks/support/permission-guards.ts';
import { principalAccount } from '../../policy/checks/support/permission-principals.ts';
import {
  conditionEntries,
  constrainingConditions,
  describeCondition,
  isNarrowingEntry,
} from '../../policy/checks/support/statement.ts';
import type { PolicyDocument, PolicyStatement } from '../../policy/document.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { statementLabel } from '../support/iam-policy-documents.ts';
import { iamScope } from '../support/iam-scope.ts';
import { statementsGranting, trustedRoles } from '../support/iam-trust.ts';

/**
 * Keys that make an external id unnecessary, as in the policy check iam.trust.cross-account-without-external-id: the
 * caller is in your organisation (no third party to confuse), or a person with MFA (external ids are for services).
 */
const NO_EXTERNAL_ID_NEEDED = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:MultiFactorAuthPresent',
  'aws:MultiFactorAuthAge',
];

/** A Deny of sts:AssumeRole unless sts:ExternalId matches guards the Allow as well as the Allow's own condition. */
const EXTERNAL_ID_GUARD: ReadonlySet<string> = new Set(['sts:externalid']);

/** One trust statement letting other accounts in without an external id. */
interface ForeignTrust {
  statement: string;
  /** The principals as written and the account each belongs to. */
  principals: { principal: string; account: string }[];
  /** Conditions on the statement that bound the caller some other way (they lower severity). */
  scopingConditions: string[];
  /** Every condition of the statement, as written. */
  conditions: string[];
}

function foreignTrust(
  document: PolicyDocument,
  statement: PolicyStatement,
  ownAccount: string,
): ForeignTrust | undefined {
  const principals = (statement.principal?.entries ?? []).flatMap((entry) => {
    const account = principalAccount(entry);
    return account && account !== ownAccount ? [{ principal: entry.value as string, account }] : [];
  });
  if (principals.length === 0) return undefined;
  const externalId =
    conditionEntries(statement, 'sts:ExternalId').some(isNarrowingEntry) ||
    guardingConditions(document, statement, EXTERNAL_ID_GUARD).length > 0;
  const exempt = NO_EXTERNAL_ID_NEEDED.some((key) => conditionEntries(statement, key).some(isNarrowingEntry));
  if (externalId || exempt) return undefined;
  return {
    statement: statementLabel(statement),
    principals,
    scopingConditions: constrainingConditions(statement, CALLER_SCOPING_KEYS).map(describeCondition),
    conditions: (statement.condition?.entries ?? []).map(describeCondition),
  };
}

/**
 * Roles that principals of another AWS account may assume (sts:AssumeRole) with no sts:ExternalId condition. The
 * scanned account is known here, so trust in the account itself is not reported (the policy check, which cannot know
 * it, is left out of the policy-analysis rule for trust policies). Not reported either when aws:PrincipalOrgID/
 * OrgPaths keeps callers in your organisation or MFA is required; medium when another condition bounds the caller
 * (aws:PrincipalArn, aws:SourceIp, ...); Principal "*" is the trusts-anyone rule's. Service-linked roles are AWS's.
 */
export const roleCrossAccountTrustWithoutExternalId = {
  id: 'aws.iam.role-cross-account-trust-without-external-id',
  service: 'iam',
  category: 'security',
  severity: 'high',
  title: 'Role trusts another account without an external id',
  rationale:
    'A role that a third party (a SaaS vendor, a monitoring service) assumes from its own account can be turned ' +
    "against you in a confused-deputy attack: another of the vendor's customers gives it your role ARN, and the " +
    'vendor assumes your role on their behalf. An sts:ExternalId condition, with an id the vendor generates per ' +
    'customer, stops that. For accounts of your own organisation, aws:PrincipalOrgID does the same job.',
  remediation:
    'Add the external id the third party gives you to the trust policy: IAM console > Roles > the role > Trust ' +
    'relationships > Edit trust policy, "Condition": {"StringEquals": {"sts:ExternalId": "<id>"}} (or `aws iam ' +
    'update-assume-role-policy`). For accounts of your own organisation use "aws:PrincipalOrgID" instead; remove ' +
    'trust in accounts you do not recognise.',
  scope: 'global',
  requires: [{ service: 'iam', operation: 'GetAccountAuthorizationDetails' }],
  evaluate(scope, { catalog }) {
    const iam = iamScope(scope);
    if (!iam?.iam.roles) return [];
    const hits: RuleHit[] = [];
    for (const { role, document } of trustedRoles(iam.iam)) {
      const trusts = statementsGranting(document, catalog, 'sts:AssumeRole').flatMap(
        (statement) => foreignTrust(document, statement, iam.account.accountId) ?? [],
      );
      if (trusts.length === 0) continue;
      const accounts = [...new Set(trusts.flatMap((trust) => trust.principals.map((p) => p.account)))];
      const scoped = trusts.every((trust) => trust.scopingConditions.length > 0);
      const described = trusts.map((trust) => {
        const who = trust.principals.map((p) => p.principal).join(', ');
        const bound =
          trust.scopingConditions.length > 0 ? `, bounded by ${trust.scopingConditions.join('; ')}` : '';
        return `${who} (${trust.statement}${bound})`;
      });
      hits.push({
        resource: { type: 'AWS::IAM::Role', id: role.roleName, arn: role.arn },
        message:
          `IAM role ${role.roleName} may be assumed from account${accounts.length === 1 ? '' : 's'} ` +
          `${accounts.join(', ')} without an sts:ExternalId condition: ${described.join('; ')}.`,
        evidence: {
          role: role.roleName,
          arn: role.arn,
          scannedAccount: iam.account.accountId,
          trustedAccounts: accounts,
          statements: trusts,
        },
        ...(scoped ? { severity: 'medium' as const } : {}),
      });
    }
    return hits;
  },
} satisfies Rule;
