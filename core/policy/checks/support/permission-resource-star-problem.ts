/** Turns a Resource "*" ladder finding into the problem its check reports. */
import type { PolicyProblem } from '../policy-check.ts';
import type { ResourceStarFinding } from './permission-resource-star.ts';
import { describeCondition } from './statement.ts';

/** The problem for one ladder finding, at the statement's Resource "*" entry (or NotResource key). */
export function resourceStarProblem(finding: ResourceStarFinding, message: string): PolicyProblem {
  const every = finding.context.everyResource!;
  return {
    message,
    range: every.range,
    statement: finding.context.statement,
    severity: finding.severity,
    evidence: {
      resource: every.written,
      accessLevel: finding.level,
      actions: finding.actions.slice(0, 20).map((action) => action.key),
      actionCount: finding.actions.length,
      conditions: finding.context.conditions.map(describeCondition),
    },
    anchor: every.written,
  };
}
