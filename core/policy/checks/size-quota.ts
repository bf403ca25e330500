import type { PolicyDocument } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { measurePolicy, sizeQuotaOf } from './support/correctness-size-quota.ts';

function hasPlaceholders(document: PolicyDocument): boolean {
  return document.statements.some((statement) =>
    [statement.action, statement.notAction, statement.resource, statement.notResource].some((list) =>
      (list?.entries ?? []).some((entry) => typeof entry.value !== 'string'),
    ),
  );
}

/**
 * A policy over the size quota of what holds it: managed policies 6,144 characters, inline policies 2,048 per
 * user, 5,120 per group, 10,240 per role, role trust policies 2,048 by default (IAM counts no white space), S3
 * bucket policies 20 KB, KMS key policies 32 KB, SQS queue policies 8,192 bytes. AWS rejects the policy.
 */
export const sizeQuota = {
  id: 'iam.policy.size-quota',
  title: 'Policy over its size quota',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: 'Finds policies larger than AWS accepts for their holder (managed 6,144 characters; inline per user 2,048, group 5,120, role 10,240; trust policy 2,048 by default; S3 bucket policy 20 KB; KMS key policy 32 KB; SQS policy 8,192 bytes); the deployment fails.',
  remediation:
    'Shrink the policy (merge statements, use wildcards such as s3:Get* where they grant nothing unintended, drop redundant entries) or split it into several managed policies.',
  evaluate(document) {
    const problems: PolicyProblem[] = [];
    const quota = sizeQuotaOf(document);
    if (!quota) return problems;
    const size = measurePolicy(document.jsonSize, quota.unit, quota.limit);
    if (size <= quota.limit) return problems;
    const unit = quota.unit === 'bytes' ? 'bytes' : 'characters (not counting white space)';
    const estimate = hasPlaceholders(document) ? ', counting deploy-time values as written' : '';
    const note = quota.note ? ` (${quota.note})` : '';
    problems.push({
      message: `The policy is ${size.toLocaleString('en-US')} ${unit}${estimate}, over ${quota.label}${note}`,
      range: document.source.range,
      evidence: {
        size,
        limit: quota.limit,
        unit: quota.unit,
        holderType: document.source.holderType ?? null,
      },
      anchor: `size>${quota.limit}`,
    });
    return problems;
  },
} satisfies PolicyCheck;
