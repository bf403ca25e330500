import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { analyzePermissions } from './support/permission-analysis.ts';
import { nameActions, resourceStarFinding } from './support/permission-resource-star.ts';
import { resourceStarProblem } from './support/permission-resource-star-problem.ts';

/**
 * Write actions that can be scoped, on every resource, with no narrowing condition: the middle rung of the
 * Resource "*" ladder (support/permission-resource-star.ts). With a narrowing condition (aws:ResourceTag/...,
 * aws:SourceVpce, ...) the statement drops to the resource-star-scopable check.
 */
export const writeStarUnconstrained = {
  id: 'iam.policy.write-star-unconstrained',
  title: 'Write actions on every resource without a condition',
  category: 'security',
  defaultSeverity: 'medium',
  docs: 'Write actions that can be limited to named resources are allowed on "*" with no narrowing condition: a mistake or a stolen credential can change or delete any resource of the service.',
  remediation:
    'Name the resources the workload writes in Resource (their ARNs, e.g. "arn:aws:s3:::my-bucket/*"), or add a condition that limits them, such as aws:ResourceTag/<key>.',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    const analysis = analyzePermissions(document, catalog);
    const problems: PolicyProblem[] = [];
    const contexts = analysis.statements;
    for (let i = 0; i < contexts.length; i++) {
      const context = contexts[i]!;
      const finding = resourceStarFinding(analysis, context);
      if (finding?.rung !== 'write') continue;
      problems.push(
        resourceStarProblem(
          finding,
          `write actions ${nameActions(finding.actions)} apply to every resource (${context.everyResource!.phrase}) with no condition narrowing them, though they can be scoped to named resources`,
        ),
      );
    }
    return problems;
  },
} satisfies PolicyCheck;
