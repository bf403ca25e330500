import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { analyzePermissions } from './support/permission-analysis.ts';
import { type EscalationStep, type FoundPath, findEscalations } from './support/permission-escalation.ts';
import { describeCondition } from './support/statement.ts';

/** One granted action of a path: `ec2:RunInstances (line 9)`, or `(through "ec2:*", line 9)`. */
function describeStep(step: EscalationStep): string {
  const through = step.grantedBy === step.action ? '' : `through "${step.grantedBy}", `;
  return `${step.action} (${through}line ${step.line})`;
}

/** One path as a clause: `iam:PassRole on "*" with ec2:RunInstances (line 9) lets this principal launch ...`. */
function describePath(found: FoundPath, where: string): string {
  const key = found.steps[0];
  const companions = found.steps.slice(1);
  const through = key && key.grantedBy !== found.path.key ? ` (through "${key.grantedBy}")` : '';
  const withText = companions.length > 0 ? ` with ${companions.map(describeStep).join(' and ')}` : '';
  return `${found.path.key}${where}${through}${withText} lets this principal ${found.path.how}`;
}

/**
 * Known privilege-escalation paths (support/permission-escalation-paths.ts), evaluated across every Allow statement
 * of the document with wildcards expanded, reported once per Action entry that grants a path's key action, with
 * every path through it in the evidence. Severity is the path's own (critical for direct self-granting), one level
 * lower when the key action is scoped to named resources, one lower with a narrowing condition. An
 * iam:PassedToService condition that names none of a path's services closes that path; self-service grants of
 * access keys and passwords (`user/${aws:username}`) are not escalation. Paths opened by a NotAction are named
 * in the allow-not-action finding instead, so the statement gets one finding.
 */
export const privilegeEscalation = {
  id: 'iam.policy.privilege-escalation',
  title: 'Privilege escalation path',
  category: 'security',
  defaultSeverity: 'critical',
  docs: 'Permissions with which a principal can give itself more (iam:AttachRolePolicy, iam:CreatePolicyVersion, iam:PassRole with ec2:RunInstances or lambda:CreateFunction, ...), evaluated across all statements with wildcards expanded.',
  remediation:
    'Remove the key action, or scope it to resources that cannot raise privileges (named roles, policies or users) and add a permissions boundary requirement (iam:PermissionsBoundary) or iam:PassedToService condition.',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    const analysis = analyzePermissions(document, catalog);
    const problems: PolicyProblem[] = [];
    const escalations = findEscalations(analysis);
    for (let i = 0; i < escalations.length; i++) {
      const entry = escalations[i]!;
      const worst = entry.paths[0];
      // A NotAction is reported by allow-not-action, whose message names the paths it opens.
      if (!worst || entry.grant.kind === 'not-action') continue;
      const others = entry.paths.slice(1);
      const more =
        others.length === 0
          ? ''
          : `; ${others.length} more path${others.length === 1 ? '' : 's'}: ${others
              .slice(0, 3)
              .map((found) => found.path.id)
              .join(', ')}${others.length > 3 ? ', ...' : ''}`;
      const where = entry.context.everyResource ? ` on ${entry.context.everyResource.phrase}` : '';
      problems.push({
        message: `privilege escalation: ${describePath(worst, where)}${more}`,
        range: entry.grant.range,
        statement: entry.context.statement,
        severity: worst.severity,
        evidence: {
          action: entry.grant.written,
          paths: entry.paths.map((found) => ({
            path: found.path.id,
            severity: found.severity,
            actions: found.steps,
          })),
          conditions: entry.context.conditions.map(describeCondition),
        },
        anchor: entry.grant.written,
      });
    }
    return problems;
  },
} satisfies PolicyCheck;
