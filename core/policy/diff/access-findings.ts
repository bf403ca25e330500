/**
 * Access changes as findings: new access at the head element that grants it, graded by its most sensitive
 * access level; removed access as info, reported in the head version (the base is not part of the change).
 */
import type { Finding, Severity } from '../../findings/finding.ts';
import { SEVERITIES } from '../../findings/finding.ts';
import { fingerprintFinding } from '../../findings/fingerprint.ts';
import type { AccessChange, GrantedAccess, RemovedAccess } from './access-change.ts';
import { LEVEL_SEVERITY } from './action-sensitivity.ts';
import type { AnchoredAccessChange } from './diff-documents.ts';

/** Rule id of access a change newly grants. */
export const NEW_ACCESS_RULE_ID = 'iam.diff.new-access';
/** Rule id of access a change takes away. */
export const REMOVED_ACCESS_RULE_ID = 'iam.diff.removed-access';

/** How many actions a message names before it only counts them. */
const LISTED_ACTIONS = 6;
/** How many of the most sensitive actions a message names for a wide grant. */
const MOST_SENSITIVE = 5;
/** How many resources or principals a message names. */
const LISTED_TARGETS = 3;
/** How many values evidence holds per list, so `*` does not put 20,000 actions in a report. */
const EVIDENCE_LIMIT = 20;

const number = new Intl.NumberFormat('en-US');

/** The finding for one access change. */
export function accessChangeToFinding(change: AnchoredAccessChange): Finding {
  const ruleId = change.direction === 'granted' ? NEW_ACCESS_RULE_ID : REMOVED_ACCESS_RULE_ID;
  const statement = change.statement.sid ?? `Statement[${change.statement.index}]`;
  const where = `${change.holder ?? change.file} ${statement}`;
  const top = change.byLevel[0]?.level ?? 'Unknown';
  return {
    ruleId,
    title:
      change.direction === 'granted'
        ? `New ${top} access (${where})`
        : `Access removed (${where}, base version)`,
    severity: change.direction === 'granted' ? grantSeverity(change) : 'info',
    category: 'security',
    message: change.direction === 'granted' ? grantMessage(change) : removalMessage(change),
    remediation:
      change.direction === 'granted'
        ? 'Check that this access is intended and no wider than the task needs: name the actions and resources, or add a condition that narrows it. If it is intended, suppress this finding with the reason.'
        : 'Nothing to do if the removal is intended; make sure nothing still relies on this access.',
    evidence: evidence(change, statement),
    fingerprint: fingerprintFinding({
      ruleId,
      file: change.file,
      anchor: change.anchor,
      element: `${change.reason}:${change.element.name}=${change.element.text}`,
    }),
    location: change.location,
  };
}

/** Severity of the most sensitive level; one step lower when only the conditions changed (they may be tighter). */
function grantSeverity(change: GrantedAccess): Severity {
  const severity = LEVEL_SEVERITY[change.byLevel[0]?.level ?? 'Unknown'];
  if (change.reason !== 'condition-changed') return severity;
  return SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)]!;
}

function evidence(change: AccessChange, statement: string): Record<string, unknown> {
  return {
    direction: change.direction,
    reason: change.reason,
    element: `${change.element.name}=${change.element.text}`,
    actionCount: change.actions.length,
    levels: Object.fromEntries(change.byLevel.map((group) => [group.level, group.actions.length])),
    actions: change.actions.slice(0, EVIDENCE_LIMIT),
    resources: change.resources.slice(0, EVIDENCE_LIMIT),
    principals: change.principals.slice(0, EVIDENCE_LIMIT),
    conditions: change.conditions,
    ...(change.otherConditions.length > 0 ? { otherConditions: change.otherConditions } : {}),
    ...(change.direction === 'removed' ? { baseLine: change.baseLine } : {}),
    policyKind: change.policyKind,
    ...(change.holder === undefined ? {} : { holder: change.holder }),
    statement,
  };
}

/**
 * The actions, in two parts around the resources: what (`s3:GetObject (Read)`, `3 actions`, `22,089 actions`) and,
 * for several, the detail (by level, or counts by level and the most sensitive few).
 */
export function describeActions(change: AccessChange): { what: string; detail: string } {
  const count = change.actions.length;
  if (count === 1)
    return { what: `${change.actions[0]} (${change.byLevel[0]?.level ?? 'Unknown'})`, detail: '' };
  if (count <= LISTED_ACTIONS) {
    return {
      what: `${count} actions`,
      detail: change.byLevel.map((group) => `${group.level} ${group.actions.join(', ')}`).join('; '),
    };
  }
  const levels = change.byLevel
    .map((group) => `${group.level} ${number.format(group.actions.length)}`)
    .join(', ');
  return {
    what: `${number.format(count)} actions`,
    detail: `${levels}; the most sensitive: ${change.actions.slice(0, MOST_SENSITIVE).join(', ')}`,
  };
}

/** `what` then `scope`, then the detail after a colon: `40 actions on "arn:..." (for ...): Write 28, ...`. */
function actionsWith(change: AccessChange, scope: string): string {
  const { what, detail } = describeActions(change);
  return detail === '' ? `${what}${scope}` : `${what}${scope} (${detail})`;
}

function listed(values: readonly string[]): string {
  const shown = values.slice(0, LISTED_TARGETS).map((value) => `"${value}"`);
  const rest = values.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

/** ` on "arn:..."`, or nothing for a statement without Resource (trust policies). */
function onResources(change: AccessChange): string {
  const resources = change.resources.filter((resource) => resource !== '');
  return resources.length === 0 ? '' : ` on ${listed(resources)}`;
}

function forPrincipals(change: AccessChange): string {
  return change.principals.length === 0 ? '' : ` for ${listed(change.principals)}`;
}

function elementText(change: AccessChange): string {
  return `${change.element.name} "${change.element.text}"`;
}

function conditionText(lines: readonly string[]): string {
  return lines.length === 0 ? 'no conditions' : [...new Set(lines)].join('; ');
}

function grantMessage(change: GrantedAccess): string {
  const scope = `${onResources(change)}${forPrincipals(change)}`;
  switch (change.reason) {
    case 'new-document':
      return `${elementText(change)} in this new policy allows ${actionsWith(change, scope)}.`;
    case 'new-action':
      return `${elementText(change)} newly allows ${actionsWith(change, scope)}.`;
    case 'new-resource':
      return `${elementText(change)} is new for ${actionsWith(change, forPrincipals(change))}; before, the policy allowed this only on other resources.`;
    case 'new-principal':
      return `${elementText(change)} is newly allowed ${actionsWith(change, onResources(change))}; before, the policy allowed this only for other principals.`;
    case 'condition-removed':
      return change.conditions.length === 0
        ? `${elementText(change)} now allows ${actionsWith(change, scope)} without conditions; before, only when ${conditionText(change.otherConditions)}.`
        : `${elementText(change)} now allows ${actionsWith(change, scope)} under fewer conditions: ${conditionText(change.conditions)} (before: ${conditionText(change.otherConditions)}).`;
    case 'condition-changed':
      return `The conditions for ${actionsWith(change, scope)} changed to ${conditionText(change.conditions)} (before: ${conditionText(change.otherConditions)}); check that they still narrow the grant as much.`;
  }
}

function removalMessage(change: RemovedAccess): string {
  const scope = `${onResources(change)}${forPrincipals(change)}`;
  const base = `in the base version, statement at line ${change.baseLine}; reported here as the base is not part of this change`;
  switch (change.reason) {
    case 'removed-document':
      return `The policy is gone; it allowed ${actionsWith(change, scope)} (${base}).`;
    case 'removed-action':
      return `${elementText(change)} no longer allows ${actionsWith(change, scope)} (${base}).`;
    case 'removed-resource':
      return `${elementText(change)} is no longer allowed ${actionsWith(change, forPrincipals(change))} (${base}).`;
    case 'removed-principal':
      return `${elementText(change)} is no longer allowed ${actionsWith(change, onResources(change))} (${base}).`;
    case 'condition-added':
      return `${actionsWith(change, scope)} is now allowed only under more conditions: ${conditionText(change.otherConditions)} (before: ${conditionText(change.conditions)}; ${base}).`;
    case 'condition-changed':
      return `The conditions for ${actionsWith(change, scope)} were ${conditionText(change.conditions)} (${base}).`;
  }
}
