import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { analyzePermissions } from './support/permission-analysis.ts';
import { escalationCovers } from './support/permission-escalation.ts';
import { PASS_ROLE } from './support/permission-sensitive-actions.ts';
import { lowerSeverity } from './support/permission-severity.ts';
import { conditionEntries, describeCondition, isNarrowingEntry } from './support/statement.ts';

/**
 * iam:PassRole on every resource: any role of the account can be handed to any service that takes one. High;
 * medium when an iam:PassedToService (or other narrowing) condition limits it. When the document also grants a
 * service action that makes this an escalation path (ec2:RunInstances, lambda:CreateFunction, ...), the
 * privilege-escalation check reports the entry instead.
 */
export const passRoleStar = {
  id: 'iam.policy.passrole-star',
  title: 'iam:PassRole on every role',
  category: 'security',
  defaultSeverity: 'high',
  docs: 'iam:PassRole on "*" lets the holder give any role of the account, administrators included, to a service it controls; with a compute or deployment action that is privilege escalation.',
  remediation:
    'Scope Resource to the ARNs of the roles the workload passes (e.g. "arn:aws:iam::111122223333:role/my-app-*") and add "Condition": {"StringEquals": {"iam:PassedToService": "<service>.amazonaws.com"}}.',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    const analysis = analyzePermissions(document, catalog);
    // The analysis lists the iam entries: most statements have none.
    const iamGrants = analysis.iamGrants;
    if (iamGrants.length === 0) return problems;
    const passRole = catalog.action(PASS_ROLE);
    if (!passRole) return problems;
    for (let i = 0; i < iamGrants.length; i++) {
      const { grant, context } = iamGrants[i]!;
      if (context.admin || !context.everyResource) continue;
      if (!grant.facts || grant.serviceWide || grant.facts.service !== 'iam') continue;
      if (!grant.facts.covers(passRole) || escalationCovers(analysis, grant, PASS_ROLE)) continue;
      const through = grant.written === PASS_ROLE ? '' : ` (through "${grant.written}")`;
      const services = conditionEntries(context.statement, 'iam:PassedToService').filter(isNarrowingEntry);
      const toWhom =
        services.length > 0
          ? `any role in the account can be passed to ${services.map(describeCondition).join('; ')}`
          : 'any role in the account can be passed to a service';
      problems.push({
        message: `iam:PassRole${through} is allowed on ${context.everyResource!.phrase}: ${toWhom}`,
        range: grant.range,
        statement: context.statement,
        severity: context.conditions.length > 0 ? lowerSeverity('high') : 'high',
        evidence: {
          action: grant.written,
          resource: context.everyResource!.written,
          conditions: context.conditions.map(describeCondition),
        },
        anchor: grant.written,
      });
    }
    return problems;
  },
} satisfies PolicyCheck;
