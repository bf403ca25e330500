import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { analyzePermissions, isConstrained } from './support/permission-analysis.ts';
import { contextSeverity } from './support/permission-severity.ts';
import { describeCondition, scalarText } from './support/statement.ts';

/**
 * Full administrator access: `"Action": "*"` on every resource, or a NotAction on every resource that leaves
 * IAM's self-granting actions (iam:AttachRolePolicy, iam:PutUserPolicy, ...) allowed, which is the same thing one
 * step later. The other over-permission checks leave such a statement to this one.
 */
export const fullAdmin = {
  id: 'iam.policy.full-admin',
  title: 'Full administrator access',
  category: 'security',
  defaultSeverity: 'critical',
  docs: 'Allow of every action on every resource ("Action": "*", or a NotAction that leaves IAM self-granting allowed): whoever holds it controls the account.',
  remediation:
    'Replace "*" with the actions the workload calls (IAM Access Analyzer can generate them from CloudTrail) and name the resources; if administrator access is really intended, attach the AWS managed AdministratorAccess policy to a role that requires MFA so it is visible and reviewed.',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    const contexts = analyzePermissions(document, catalog).statements;
    for (let i = 0; i < contexts.length; i++) {
      const context = contexts[i]!;
      const grant = context.admin;
      if (!grant || !context.everyResource) continue;
      const resource = context.everyResource.written;
      const on = context.everyResource.phrase;
      const conditions = context.conditions.map(describeCondition);
      const message =
        grant.kind === 'action'
          ? `"Action": "${grant.written}" on ${on} allows every action on every resource: full administrator access`
          : `${grant.written} on ${on} allows every other action, including iam:AttachRolePolicy and iam:PutUserPolicy, so whoever holds it can grant itself anything: effectively full administrator access`;
      problems.push({
        message: conditions.length > 0 ? `${message} (narrowed only by ${conditions.join('; ')})` : message,
        range: grant.range,
        statement: context.statement,
        severity: contextSeverity('critical', { constrained: isConstrained(context) }),
        evidence: {
          action: grant.written,
          resource,
          ...(context.statement.notAction
            ? { notAction: context.statement.notAction.entries.map((entry) => scalarText(entry.value)) }
            : {}),
          conditions,
        },
        anchor: grant.written,
      });
    }
    return problems;
  },
} satisfies PolicyCheck;
