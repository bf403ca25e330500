import type { PolicyStatement, PrincipalElement } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { principalArnProblem, resourceArnProblem } from './support/correctness-arn.ts';

function resourceProblems(
  statement: PolicyStatement,
  element: 'Resource' | 'NotResource',
  problems: PolicyProblem[],
): void {
  const list = element === 'Resource' ? statement.resource : statement.notResource;
  if (!list) return;
  const entries = list.entries;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (typeof entry.value !== 'string') continue;
    const why = resourceArnProblem(entry.value);
    if (!why) continue;
    problems.push({
      message: `${element} "${entry.value}" is not a valid ARN: ${why}`,
      range: entry.range,
      statement,
      evidence: { element, value: entry.value, reason: why },
      anchor: `${element}:${entry.value}`,
    });
  }
}

function principalProblems(
  statement: PolicyStatement,
  element: PrincipalElement | undefined,
  name: 'Principal' | 'NotPrincipal',
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const entries = element?.entries ?? [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.type !== 'AWS' || typeof entry.value !== 'string') continue;
    const why = principalArnProblem(entry.value);
    if (!why) continue;
    problems.push({
      message: `${name} AWS "${entry.value}" is not a valid principal: ${why}`,
      range: entry.range,
      statement,
      evidence: { element: name, principal: entry.value, reason: why },
      anchor: `${name}:${entry.value}`,
    });
  }
  return problems;
}

/**
 * Resource and NotResource values that are not ARNs (no `arn:` prefix, too few parts, an unknown partition, a
 * malformed region or account), and AWS principals that are not an account ID or an IAM/STS ARN. Wildcards and
 * policy variables are never judged; a Lambda permission's Resource (its FunctionName) may be a plain name.
 */
export const malformedArn = {
  id: 'iam.policy.malformed-arn',
  title: 'Malformed ARN',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: 'Finds Resource, NotResource and AWS principal values that are not valid ARNs (missing "arn:", wrong number of parts, unknown partition, bad region, an account that is not 12 digits, a wildcard inside a principal ARN); AWS rejects the policy or the value matches nothing.',
  remediation:
    'Write the full ARN, arn:partition:service:region:account:resource (e.g. arn:aws:s3:::my-bucket/*), or "*"; name principals by account ID or IAM ARN.',
  evaluate(document) {
    // Pushed into one list: this runs over every Resource of every statement.
    const problems: PolicyProblem[] = [];
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (document.resourceType !== 'lambda-permission') resourceProblems(statement, 'Resource', problems);
      resourceProblems(statement, 'NotResource', problems);
      if (statement.principal)
        problems.push(...principalProblems(statement, statement.principal, 'Principal'));
      if (statement.notPrincipal)
        problems.push(...principalProblems(statement, statement.notPrincipal, 'NotPrincipal'));
    }
    return problems;
  },
} satisfies PolicyCheck;
