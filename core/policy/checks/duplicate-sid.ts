import type { PolicyStatement } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';

/**
 * Two statements with the same Sid. IAM requires Sids to be unique within a policy, S3, SQS and SNS reject
 * duplicates too, and Terraform cannot merge policy documents that repeat one.
 */
export const duplicateSid = {
  id: 'iam.policy.duplicate-sid',
  title: 'Duplicate statement Sid',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: "Finds statements whose Sid repeats an earlier statement's in the same policy; AWS rejects such policies, and a Sid no longer identifies one statement.",
  remediation: 'Give each statement a unique Sid, or remove the Sid.',
  evaluate(document) {
    const problems: PolicyProblem[] = [];
    const first = new Map<string, PolicyStatement>();
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const sid = statement.sid;
      if (!sid || typeof sid.value !== 'string' || sid.value === '') continue;
      const earlier = first.get(sid.value);
      if (!earlier) {
        first.set(sid.value, statement);
        continue;
      }
      const earlierLine = earlier.sid?.range.line ?? earlier.range.line;
      problems.push({
        message: `Sid "${sid.value}" is already used by statement ${earlier.index} (line ${earlierLine}); Sids must be unique within a policy`,
        range: sid.range,
        statement,
        evidence: { sid: sid.value, firstStatement: earlier.index },
        anchor: `${sid.value}#${statement.index}`,
      });
    }
    return problems;
  },
} satisfies PolicyCheck;
