/**
 * Finds the Action entries that grant listed sensitive actions on every resource, for the checks that report them
 * (credential access, data access): one finding per entry, naming the actions it grants from the list.
 */
import type { Severity } from '../../../findings/finding.ts';
import type { PolicyProblem } from '../policy-check.ts';
import {
  type ActionGrant,
  isConstrained,
  type PermissionAnalysis,
  type StatementContext,
} from './permission-analysis.ts';
import type { SensitiveAction } from './permission-sensitive-actions.ts';
import { lowerSeverity, worstSeverity } from './permission-severity.ts';
import { describeCondition } from './statement.ts';

/** An Action entry on every resource and the listed actions it grants. */
export interface SensitiveGrant {
  grant: ActionGrant;
  context: StatementContext;
  /** The listed actions it grants, in list order. */
  matches: readonly SensitiveAction[];
  /** The worst severity among them, after context. */
  severity: Severity;
}

/**
 * Entries of non-administrator statements on every resource that grant any action of `list` (CREDENTIAL_ACTIONS or
 * DATA_ACTIONS). Service-wide wildcards (`s3:*`) are left to the service-wildcard check; partial ones (`s3:Get*`)
 * count.
 */
export function sensitiveGrants(
  analysis: PermissionAnalysis,
  list: 'credentials' | 'data',
): SensitiveGrant[] {
  const found: SensitiveGrant[] = [];
  const contexts = analysis.statements;
  for (let i = 0; i < contexts.length; i++) {
    const context = contexts[i]!;
    if (context.admin || !context.everyResource) continue;
    const grants = context.grants;
    for (let j = 0; j < grants.length; j++) {
      const grant = grants[j]!;
      if (!grant.facts || grant.serviceWide) continue;
      // Named reads, not facts[list]: a computed key on the facts' getters is a slow megamorphic lookup each time.
      const matches = list === 'credentials' ? grant.facts.credentials : grant.facts.data;
      if (matches.length === 0) continue;
      const worst = worstSeverity(matches.map((match) => match.severity));
      found.push({
        grant,
        context,
        matches,
        severity: isConstrained(context) ? lowerSeverity(worst) : worst,
      });
    }
  }
  return found;
}

/** The problem for one sensitive grant, on its Action entry, naming what the first matched action allows. */
export function sensitiveGrantProblem(found: SensitiveGrant): PolicyProblem {
  const { grant, context, matches } = found;
  const names = matches.map((match) => match.key);
  const through =
    names.length === 1 && names[0]!.toLowerCase() === grant.written.toLowerCase()
      ? ''
      : ` (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', ...' : ''})`;
  const conditions = context.conditions.map(describeCondition);
  const narrowed = conditions.length > 0 ? `, narrowed only by ${conditions.join('; ')}` : '';
  return {
    message: `"${grant.written}"${through} on ${context.everyResource!.phrase} allows ${matches[0]!.what}${narrowed}`,
    range: grant.range,
    statement: context.statement,
    severity: found.severity,
    evidence: {
      action: grant.written,
      sensitiveActions: names,
      resource: context.everyResource!.written,
      conditions,
    },
    anchor: grant.written,
  };
}
