import type { ActionInfo } from '../catalog/action-info.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import {
  type ActionGrant,
  analyzePermissions,
  isAllActions,
  isConstrained,
  type PermissionAnalysis,
  resourcePattern,
  type StatementContext,
} from './support/permission-analysis.ts';
import { hasEscalation } from './support/permission-escalation.ts';
import { lowerSeverity, raiseSeverity } from './support/permission-severity.ts';
import { describeCondition } from './support/statement.ts';

/** Services whose every action is sensitive on its own: identity, credentials, the organisation, encryption keys. */
const SENSITIVE_SERVICES = new Set(['iam', 'sts', 'organizations', 'kms']);

/** Service parts of the statement's Resource ARNs, lowercase; undefined when one may be anything. */
function resourceServices(context: StatementContext): string[] | undefined {
  const services: string[] = [];
  const entries = context.statement.resource?.entries ?? [];
  for (let i = 0; i < entries.length; i++) {
    const pattern = resourcePattern(entries[i]!.value);
    const service = pattern?.startsWith('arn:') ? pattern.split(':')[2] : undefined;
    if (service === undefined || /[*?]/.test(service) || service === '') return undefined;
    services.push(service.toLowerCase());
  }
  return services;
}

/**
 * The actions the wildcard grants that the statement's resources can apply to. For `*` on named resources the
 * services of the resource ARNs are taken first, so the catalogue is not matched action by action.
 */
function reachable(
  analysis: PermissionAnalysis,
  context: StatementContext,
  grant: ActionGrant,
): readonly ActionInfo[] {
  const actions = analysis.actionsOf(grant);
  if (context.everyResource) return actions;
  const services = isAllActions(grant.written) ? resourceServices(context) : undefined;
  const candidates = services
    ? services.flatMap((service) => analysis.catalog.expandActionPattern(`${service}:*`).actions)
    : actions;
  return candidates.filter((action) => analysis.reachOf(context, action) !== undefined);
}

/**
 * A whole service (`s3:*`), every service's actions of a kind (`*:Get*`), or every action on named resources.
 * High for iam, sts, organizations and kms, medium otherwise; one level higher on every resource when the
 * wildcard includes permission-management, data or credential actions; one lower with a narrowing condition.
 * An entry the privilege-escalation check reports (`iam:*`) is left to it.
 */
export const serviceWildcard = {
  id: 'iam.policy.service-wildcard',
  title: 'Service-wide action wildcard',
  category: 'security',
  defaultSeverity: 'medium',
  docs: 'An Action such as "s3:*" grants every action of the service, including destructive and permission-changing ones and every action AWS adds later.',
  remediation:
    'List the actions the workload calls (e.g. "s3:GetObject", "s3:PutObject") instead of "service:*"; IAM Access Analyzer can generate the list from CloudTrail.',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    const analysis = analyzePermissions(document, catalog);
    const problems: PolicyProblem[] = [];
    // The analysis lists the service-wide entries: most statements have none.
    const serviceWideGrants = analysis.serviceWideGrants;
    for (let i = 0; i < serviceWideGrants.length; i++) {
      const { grant, context } = serviceWideGrants[i]!;
      if (context.admin) continue;
      const actions = reachable(analysis, context, grant);
      if (actions.length === 0) continue;
      if (hasEscalation(analysis, grant)) continue;
      const all = isAllActions(grant.written);
      const service = grant.written.slice(0, grant.written.indexOf(':')).toLowerCase();
      const base = !all && SENSITIVE_SERVICES.has(service) ? 'high' : 'medium';
      const highlights = context.everyResource
        ? (grant.facts?.notable ?? [])
        : (grant.facts?.notable ?? []).filter((action) => analysis.reachOf(context, action) !== undefined);
      const raised = context.everyResource && highlights.length > 0 ? raiseSeverity(base) : base;
      const severity = isConstrained(context) ? lowerSeverity(raised) : raised;
      const what = all
        ? `every action of every service on ${context.everyResource ? '"*"' : 'the named resources'}`
        : `all ${actions.length} actions it matches${context.everyResource ? ' on every resource' : ''}`;
      const including =
        highlights.length > 0
          ? `, including ${highlights
              .slice(0, 3)
              .map((action) => action.key)
              .join(', ')}`
          : '';
      problems.push({
        message: `"${grant.written}" grants ${what}${including}, and any action AWS adds to it later`,
        range: grant.range,
        statement: context.statement,
        severity,
        evidence: {
          action: grant.written,
          matchedActions: actions.length,
          notableActions: highlights.slice(0, 10).map((action) => action.key),
          ...(context.everyResource ? { resource: context.everyResource.written } : {}),
          conditions: context.conditions.map(describeCondition),
        },
        anchor: grant.written,
      });
    }
    return problems;
  },
} satisfies PolicyCheck;
