import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { analyzePermissions } from './support/permission-analysis.ts';
import { nameActions, resourceStarFinding } from './support/permission-resource-star.ts';
import { resourceStarProblem } from './support/permission-resource-star-problem.ts';

/**
 * Permission-management actions (resource policies, ACLs, grants, sharing) on every resource: the top rung of the
 * Resource "*" ladder (support/permission-resource-star.ts). High; medium with a narrowing condition.
 */
export const permissionsManagementStar = {
  id: 'iam.policy.permissions-management-star',
  title: 'Permission-management actions on every resource',
  category: 'security',
  defaultSeverity: 'high',
  docs: 'Permission-management actions (s3:PutBucketPolicy, kms:CreateGrant, ec2:ModifySnapshotAttribute, ...) on "*" let the holder open any resource of the service to anyone, itself included.',
  remediation:
    'Name the resources whose access the workload really manages in Resource (their ARNs), or add a condition such as aws:ResourceTag/<key> that limits which ones.',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    const analysis = analyzePermissions(document, catalog);
    const problems: PolicyProblem[] = [];
    const contexts = analysis.statements;
    for (let i = 0; i < contexts.length; i++) {
      const context = contexts[i]!;
      const finding = resourceStarFinding(analysis, context);
      if (finding?.rung !== 'permissions-management') continue;
      const narrowed = finding.context.conditions.length > 0 ? ' (narrowed by a condition)' : '';
      problems.push(
        resourceStarProblem(
          finding,
          `permission-management actions ${nameActions(finding.actions)} apply to every resource (${context.everyResource!.phrase})${narrowed}: whoever holds them can change who may access any such resource`,
        ),
      );
    }
    return problems;
  },
} satisfies PolicyCheck;
