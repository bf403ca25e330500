import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { CALLER_SCOPING_KEYS } from './support/permission-exposure.ts';
import { isAccountRootPrincipal, principalAccount } from './support/permission-principals.ts';
import {
  allowStatements,
  conditionEntries,
  constrainingConditions,
  describeCondition,
  isNarrowingEntry,
  literalValues,
} from './support/statement.ts';

/** Keys that make an external id unnecessary: the caller is in your organisation, or is a human with MFA. */
const NO_EXTERNAL_ID_NEEDED = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:MultiFactorAuthPresent',
  'aws:MultiFactorAuthAge',
];

/**
 * A role trust policy letting a principal of another AWS account assume the role (sts:AssumeRole) with no
 * sts:ExternalId condition, the confused-deputy defence for roles that a third-party service assumes for many
 * customers. Not reported when aws:PrincipalOrgID/OrgPaths bounds the caller to your organisation, nor when MFA is
 * required (aws:MultiFactorAuthPresent/Age: the role is for people, and external ids are for services).
 *
 * Own account: the policy's account is unknown where it is written, so every literal account counts as another.
 * Write your own account as a deploy-time value (`${AWS::AccountId}`, `!Ref AWS::AccountId`,
 * `data.aws_caller_identity.current.account_id`), which is never reported, or suppress the finding.
 */
export const trustCrossAccountExternalId = {
  id: 'iam.trust.cross-account-without-external-id',
  title: 'Cross-account trust without an external id',
  category: 'security',
  defaultSeverity: 'medium',
  docs: 'A role another AWS account may assume with no sts:ExternalId condition: if that account is a third-party service, anyone who learns the role ARN can have the service act on this account (confused deputy).',
  remediation:
    'Add "Condition": {"StringEquals": {"sts:ExternalId": "<the id the third party gives you>"}}; for accounts of your own organisation use aws:PrincipalOrgID instead; if the account is your own, write it as the AWS::AccountId pseudo parameter or data.aws_caller_identity.',
  appliesTo: ['trust'],
  evaluate(document, { catalog }) {
    const assumeRole = catalog.action('sts:AssumeRole');
    if (!assumeRole) return [];
    const problems: PolicyProblem[] = [];
    const statements = allowStatements(document);
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const actions = literalValues(statement.action);
      if (!actions.some((pattern) => catalog.actionPatternMatches(pattern, assumeRole))) continue;
      const hasExternalId = conditionEntries(statement, 'sts:ExternalId').some(isNarrowingEntry);
      const unneeded = NO_EXTERNAL_ID_NEEDED.some((key) =>
        conditionEntries(statement, key).some(isNarrowingEntry),
      );
      if (hasExternalId || unneeded) continue;
      const scoping = constrainingConditions(statement, CALLER_SCOPING_KEYS).map(describeCondition);
      const entries = statement.principal?.entries ?? [];
      for (let j = 0; j < entries.length; j++) {
        const entry = entries[j]!;
        const account = principalAccount(entry);
        if (!account) continue;
        const value = entry.value as string;
        const who =
          value === account
            ? `account ${account} (any principal it allows)`
            : isAccountRootPrincipal(entry)
              ? `${value} (any principal account ${account} allows)`
              : `${value} (account ${account})`;
        problems.push({
          message: `${who} may assume this role without an sts:ExternalId condition: if that account is a third-party service, it can be tricked into using this role for another of its customers`,
          range: entry.range,
          statement,
          severity: scoping.length > 0 ? 'low' : 'medium',
          evidence: { principal: value, account, conditions: scoping },
          anchor: value,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
