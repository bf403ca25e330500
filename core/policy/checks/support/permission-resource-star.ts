/**
 * The Resource "*" ladder: three checks judge an identity-policy statement that applies to every resource, and
 * exactly one of them reports it, on its Resource "*" entry, by the worst of what it grants there:
 *
 * 1. permission-management actions             -> iam.policy.permissions-management-star (high);
 * 2. else write actions, with no narrowing condition -> iam.policy.write-star-unconstrained (medium);
 * 3. else read, tagging or narrowed write actions   -> iam.policy.resource-star-scopable (low).
 *
 * Only actions that can be scoped count: an action that accepts nothing but "*" (s3:ListAllMyBuckets,
 * ec2:Describe*, cloudwatch:PutMetricData) is correct on "*", and flagging it is the most common false positive of
 * policy linters. List actions alone never fire: listing names is what tools and consoles need everywhere.
 * Left out too, so one grant gives one finding: actions granted by service-wide wildcards (the service-wildcard
 * check), actions with a dedicated check (credentials, data access, iam:PassRole), and key actions of an
 * escalation path the privilege-escalation check reports. The bottom rung stays silent on a statement another
 * check already reports (a dedicated action or a service-wide wildcard in it): the fix there rewrites it anyway.
 *
 * Identity policies only. In a resource policy Resource "*" is not "everything": a KMS key policy's "*" is the key
 * it is attached to, an SQS or SNS policy's statements apply to its own queue or topic, and S3 rejects a bucket
 * policy whose Resource does not name the bucket; who may act is what matters there (the exposure checks).
 */
import type { Severity } from '../../../findings/finding.ts';
import type { AccessLevel, ActionInfo } from '../../catalog/action-info.ts';
import {
  type ActionGrant,
  isConstrained,
  type MemoKey,
  type PermissionAnalysis,
  type StatementContext,
} from './permission-analysis.ts';
import { escalationKeys } from './permission-escalation.ts';
import type { LadderLevel } from './permission-pattern-facts.ts';
import { contextSeverity } from './permission-severity.ts';

/** Which check of the ladder reports a statement. */
export type ResourceStarRung = 'permissions-management' | 'write' | 'scopable';

/** A statement on every resource and the rung that reports it. */
export interface ResourceStarFinding {
  context: StatementContext;
  rung: ResourceStarRung;
  severity: Severity;
  /** The actions that put it on this rung, in grant order, each once. */
  actions: ActionInfo[];
  /** The worst access level among them. */
  level: AccessLevel;
}

/**
 * `scopable[level]` by named reads: `level` varies, and a computed key makes every read a slow megamorphic lookup.
 */
function scopableAt(
  scopable: Readonly<Record<LadderLevel, readonly ActionInfo[]>>,
  level: LadderLevel,
): readonly ActionInfo[] {
  switch (level) {
    case 'Permissions management':
      return scopable['Permissions management'];
    case 'Write':
      return scopable.Write;
    case 'Tagging':
      return scopable.Tagging;
    case 'Read':
      return scopable.Read;
  }
}

/**
 * The statement's scopable actions at `level`, each once, from its non-service-wide entries, leaving out the key
 * actions of escalation paths reported on the same entry.
 */
function gather(
  analysis: PermissionAnalysis,
  grants: readonly ActionGrant[],
  level: LadderLevel,
): ActionInfo[] {
  const actions: ActionInfo[] = [];
  // One pattern's list holds each action once, so a statement with one entry (most) needs no set; index loops,
  // as this runs over long lists (ec2:Describe*) mostly before the code is optimised.
  const seen = grants.length > 1 ? new Set<ActionInfo>() : undefined;
  for (let g = 0; g < grants.length; g++) {
    const grant = grants[g]!;
    const scopable = grant.facts && scopableAt(grant.facts.scopable, level);
    if (!scopable || scopable.length === 0) continue;
    const escalating = escalationKeys(analysis, grant);
    for (let index = 0; index < scopable.length; index++) {
      const action = scopable[index]!;
      if (seen) {
        if (seen.has(action)) continue;
        seen.add(action);
      }
      if (escalating.size === 0 || !escalating.has(action.key.toLowerCase())) actions.push(action);
    }
  }
  return actions;
}

const LADDER: MemoKey<Map<StatementContext, ResourceStarFinding | undefined>> = {
  name: 'resource-star ladder',
};

/** The rung that reports `context`, or undefined when none does; computed once per statement for the three checks. */
export function resourceStarFinding(
  analysis: PermissionAnalysis,
  context: StatementContext,
): ResourceStarFinding | undefined {
  const found = analysis.memo(LADDER, () => new Map());
  if (!found.has(context)) found.set(context, evaluate(analysis, context));
  return found.get(context);
}

function evaluate(analysis: PermissionAnalysis, context: StatementContext): ResourceStarFinding | undefined {
  if (analysis.document.kind !== 'identity' || context.admin || !context.everyResource) return undefined;
  const grants = context.grants.filter((grant) => grant.facts !== undefined && !grant.serviceWide);
  const constrained = isConstrained(context);

  const management = gather(analysis, grants, 'Permissions management');
  if (management.length > 0) {
    return {
      context,
      rung: 'permissions-management',
      severity: contextSeverity('high', { constrained }),
      actions: management,
      level: 'Permissions management',
    };
  }
  const writes = gather(analysis, grants, 'Write');
  if (writes.length > 0 && !constrained) {
    return { context, rung: 'write', severity: 'medium', actions: writes, level: 'Write' };
  }
  // The bottom rung adds nothing to a statement another check already asks to rewrite.
  const reportedElsewhere =
    grants.length < context.grants.length ||
    grants.some((grant) => grant.facts!.dedicated || escalationKeys(analysis, grant).size > 0);
  if (reportedElsewhere) return undefined;
  const tagging = gather(analysis, grants, 'Tagging');
  const reads = gather(analysis, grants, 'Read');
  const scopable = writes.concat(tagging, reads);
  if (scopable.length === 0) return undefined;
  const level: AccessLevel = writes.length > 0 ? 'Write' : tagging.length > 0 ? 'Tagging' : 'Read';
  return { context, rung: 'scopable', severity: 'low', actions: scopable, level };
}

/** Names a few actions for a message: `s3:PutObject, s3:DeleteObject and 3 more`. */
export function nameActions(actions: readonly ActionInfo[], shown = 3): string {
  const names = actions.slice(0, shown).map((action) => action.key);
  const more = actions.length - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
