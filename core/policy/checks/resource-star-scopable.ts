import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { analyzePermissions } from './support/permission-analysis.ts';
import { nameActions, resourceStarFinding } from './support/permission-resource-star.ts';
import { resourceStarProblem } from './support/permission-resource-star-problem.ts';

/**
 * Resource "*" where the actions could name resources: the bottom rung of the Resource "*" ladder
 * (support/permission-resource-star.ts), for read and tagging actions and for write actions already narrowed by a
 * condition. Never fires for actions that accept only "*" (ec2:Describe*, s3:ListAllMyBuckets) nor for List
 * actions alone.
 */
export const resourceStarScopable = {
  id: 'iam.policy.resource-star-scopable',
  title: 'Resource "*" on actions that can be scoped',
  category: 'security',
  defaultSeverity: 'low',
  docs: 'Resource "*" on read, tagging or condition-narrowed write actions that support resource-level permissions; actions that accept only "*" (ec2:Describe*, s3:ListAllMyBuckets) are never reported.',
  remediation:
    'Replace "*" with the ARNs of the resources the workload uses; keep actions that accept only "*" in a statement of their own.',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    const analysis = analyzePermissions(document, catalog);
    const problems: PolicyProblem[] = [];
    const contexts = analysis.statements;
    for (let i = 0; i < contexts.length; i++) {
      const context = contexts[i]!;
      const finding = resourceStarFinding(analysis, context);
      if (finding?.rung !== 'scopable') continue;
      const one = finding.actions.length === 1;
      const noun = one ? 'action' : 'actions';
      const kind =
        finding.level === 'Write'
          ? `write ${noun}, narrowed only by a condition`
          : `${finding.level.toLowerCase()} ${noun}`;
      const verb = one ? 'supports' : 'support';
      problems.push(
        resourceStarProblem(
          finding,
          `Resource ${context.everyResource!.phrase} can be narrowed: ${nameActions(finding.actions)} (${kind}) ${verb} resource-level permissions`,
        ),
      );
    }
    return problems;
  },
} satisfies PolicyCheck;
