/**
 * Finds the privilege-escalation paths a document opens, across all its Allow statements: the key action and each
 * companion action may come from different statements, and from wildcards (`iam:*` grants every IAM path).
 * Computed once per document and shared by the checks that must not report the same grant twice.
 */
import type { Severity } from '../../../findings/finding.ts';
import type { ActionInfo } from '../../catalog/action-info.ts';
import { globMatches } from '../../catalog/glob.ts';
import type { PolicyStatement } from '../../document.ts';
import {
  type ActionGrant,
  type GrantOf,
  isConstrained,
  type MemoKey,
  type PermissionAnalysis,
  type StatementContext,
} from './permission-analysis.ts';
import { escalationPathsOf } from './permission-escalation-actions.ts';
import type { EscalationPath } from './permission-escalation-paths.ts';
import { contextSeverity } from './permission-severity.ts';
import { conditionEntries, isNarrowingEntry, parseOperator, scalarText } from './statement.ts';

/** One action of a path and where the document grants it. */
export interface EscalationStep {
  /** The action, e.g. 'ec2:RunInstances'. */
  action: string;
  /** The Action value that grants it, e.g. 'ec2:*'. */
  grantedBy: string;
  /** The line of that value. */
  line: number;
}

/** A path the document opens through one grant of its key action. */
export interface FoundPath {
  path: EscalationPath;
  /** The path's severity after context (scoped key grant, narrowing condition). */
  severity: Severity;
  /** The key action first, then one grant for each companion group. */
  steps: EscalationStep[];
}

/** The paths opened through one Action entry: one finding. */
export interface EscalationGrant {
  grant: ActionGrant;
  context: StatementContext;
  /** Most severe first. */
  paths: FoundPath[];
}

const SELF_USER = /[$&]\{!?aws:username\}/i;

/** True when every resource of the statement is the caller's own user (`user/${aws:username}`). */
function isSelfScoped(found: GrantOf): boolean {
  const resources = found.context.statement.resource?.entries ?? [];
  return (
    found.reach === 'scoped' &&
    resources.length > 0 &&
    resources.every((entry) => SELF_USER.test(scalarText(entry.value)))
  );
}

/**
 * False when the statement's iam:PassedToService conditions name none of `services`: the role cannot be passed to
 * the service the path needs. Placeholder values might name it, so they keep the path open.
 */
function passesTo(statement: PolicyStatement, services: readonly string[]): boolean {
  return conditionEntries(statement, 'iam:PassedToService')
    .filter(isNarrowingEntry)
    .every((entry) => {
      const like = parseOperator(entry)?.base === 'stringlike';
      return entry.values.some((located) => {
        if (typeof located.value !== 'string') return true;
        const value = located.value.toLowerCase();
        return services.some((service) => (like ? globMatches(value, service) : value === service));
      });
    });
}

function step(found: GrantOf, action: string): EscalationStep {
  return { action, grantedBy: found.grant.written, line: found.grant.range.line };
}

const NONE: readonly GrantOf[] = [];

/**
 * Where the document grants each action some path names, outside full-administrator statements (those are
 * reported as full admin), in source order: one pass over the grants, each asking its pattern's cached facts
 * which path actions it covers.
 */
function pathGrants(
  analysis: PermissionAnalysis,
  actions: readonly ActionInfo[],
): Map<ActionInfo, GrantOf[]> {
  const found = new Map<ActionInfo, GrantOf[]>();
  // Only the grants the analysis picked out as able to reach a path action, in source order.
  const candidates = analysis.escalationGrants;
  for (let c = 0; c < candidates.length; c++) {
    const { grant, context } = candidates[c]!;
    const covered = grant.facts
      ? grant.facts.coveredAmong(actions)
      : actions.filter((action) => analysis.covers(grant, action));
    for (let a = 0; a < covered.length; a++) {
      const action = covered[a]!;
      const reach = analysis.reachOf(context, action);
      if (!reach) continue;
      const list = found.get(action);
      if (list) list.push({ grant, context, reach });
      else found.set(action, [{ grant, context, reach }]);
    }
  }
  return found;
}

function evaluate(analysis: PermissionAnalysis): EscalationGrant[] {
  const byGrant = new Map<ActionGrant, EscalationGrant>();
  const { paths, actions } = escalationPathsOf(analysis.catalog);
  const granted = pathGrants(analysis, actions);
  if (granted.size === 0) return [];
  for (let i = 0; i < paths.length; i++) {
    const { path, key, with: groups } = paths[i]!;
    const keyGrants = granted.get(key) ?? NONE;
    if (keyGrants.length === 0) continue;
    const companions: EscalationStep[] = [];
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      let satisfied: EscalationStep | undefined;
      for (let c = 0; c < group.length; c++) {
        const candidate = group[c]!;
        const found = granted.get(candidate.action)?.[0];
        if (found) {
          satisfied = step(found, candidate.key);
          break;
        }
      }
      if (!satisfied) break;
      companions.push(satisfied);
    }
    if (companions.length < groups.length) continue;
    for (let k = 0; k < keyGrants.length; k++) {
      const found = keyGrants[k]!;
      if (path.passedTo && !passesTo(found.context.statement, path.passedTo)) continue;
      if (path.selfServiceSafe && isSelfScoped(found)) continue;
      const severity = contextSeverity(path.severity, {
        constrained: isConstrained(found.context),
        scoped: found.reach === 'scoped',
      });
      const entry = byGrant.get(found.grant) ?? { grant: found.grant, context: found.context, paths: [] };
      entry.paths.push({ path, severity, steps: [step(found, path.key)].concat(companions) });
      byGrant.set(found.grant, entry);
    }
  }
  const rank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
  for (const entry of byGrant.values()) entry.paths.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return [...byGrant.values()];
}

const ESCALATIONS: MemoKey<EscalationGrant[]> = { name: 'escalations' };
const KEYS_BY_GRANT: MemoKey<Map<ActionGrant, Set<string>>> = { name: 'escalation keys by grant' };
const NO_KEYS: ReadonlySet<string> = new Set();

/** The escalation paths of the analysed document, grouped by the Action entry that grants their key action. */
export function findEscalations(analysis: PermissionAnalysis): readonly EscalationGrant[] {
  return analysis.memo(ESCALATIONS, () => evaluate(analysis));
}

/** The key actions (lowercase 'service:name') of the escalation paths reported on `grant`; empty when none. */
export function escalationKeys(analysis: PermissionAnalysis, grant: ActionGrant): ReadonlySet<string> {
  const byGrant = analysis.memo(KEYS_BY_GRANT, () => {
    const map = new Map<ActionGrant, Set<string>>();
    const escalations = findEscalations(analysis);
    for (let i = 0; i < escalations.length; i++) {
      const entry = escalations[i]!;
      map.set(entry.grant, new Set(entry.paths.map((found) => found.path.key.toLowerCase())));
    }
    return map;
  });
  return byGrant.get(grant) ?? NO_KEYS;
}

/** True when an escalation finding is reported on this grant for `actionKey` (e.g. 'iam:PassRole'). */
export function escalationCovers(
  analysis: PermissionAnalysis,
  grant: ActionGrant,
  actionKey: string,
): boolean {
  return escalationKeys(analysis, grant).has(actionKey.toLowerCase());
}

/** True when the privilege-escalation check reports on this grant. */
export function hasEscalation(analysis: PermissionAnalysis, grant: ActionGrant): boolean {
  return escalationKeys(analysis, grant).size > 0;
}
