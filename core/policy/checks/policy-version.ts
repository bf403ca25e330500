import { editDistance } from '../catalog/suggest.ts';
import type { PolicyDocument } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { literalEntries, rawPolicy } from './support/correctness-statement.ts';

const CURRENT = '2012-10-17';
const OLD = '2008-10-17';

/** How policy variables look, for the docs line (written so it is not read as a template placeholder). */
const EXAMPLE_VARIABLE = '$' + '{aws:username}';

/** A policy variable: `${aws:username}`, `${aws:PrincipalTag/team}`, `${s3:prefix}`. */
const VARIABLE = /\$\{[^}]+\}/;

/** The first policy variable the document uses in a Resource, NotResource or condition value, if any. */
function firstVariable(document: PolicyDocument): string | undefined {
  const statements = document.statements;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i]!;
    const values = [
      ...literalEntries(statement.resource),
      ...literalEntries(statement.notResource),
      ...(statement.condition?.entries ?? []).flatMap((entry) => entry.values),
    ];
    for (let j = 0; j < values.length; j++) {
      const { value } = values[j]!;
      if (typeof value === 'string' && VARIABLE.test(value)) return value;
    }
  }
  return undefined;
}

/** True when the policy has a misspelt Version key, which the extractor has already reported. */
function hasMisspeltVersionKey(document: PolicyDocument): boolean {
  return Object.keys(rawPolicy(document) ?? {}).some(
    (key) => key !== 'Version' && editDistance(key.toLowerCase(), 'version', 2) <= 2,
  );
}

/**
 * Version missing, "2008-10-17" or not a policy language version. Without Version IAM applies 2008-10-17, in which
 * policy variables such as ${aws:username} are plain text, so a policy that uses them silently names nothing.
 * Terraform's aws_iam_policy_document writes 2012-10-17 itself when `version` is not set.
 */
export const policyVersion = {
  id: 'iam.policy.policy-version',
  title: 'Policy Version missing, outdated or invalid',
  category: 'correctness',
  defaultSeverity: 'low',
  docs: `Finds policies without Version "2012-10-17": a missing Version or "2008-10-17" turns off policy variables such as ${EXAMPLE_VARIABLE}, which then match only their literal text; any other value is rejected.`,
  remediation: 'Set "Version": "2012-10-17" at the top of the policy.',
  evaluate(document) {
    const problems: PolicyProblem[] = [];
    const version = document.version;
    if (version && typeof version.value !== 'string') return problems;
    const value = version?.value;
    if (value === CURRENT) return problems;
    if (value === undefined) {
      if (document.source.holderType === 'aws_iam_policy_document' || hasMisspeltVersionKey(document))
        return problems;
    } else if (value !== OLD) {
      problems.push({
        message: `"${value}" is not a policy language version; IAM accepts "${CURRENT}" (current) and "${OLD}"`,
        range: version!.range,
        severity: 'medium',
        evidence: { version: value },
        anchor: `version:${value}`,
      });
      return problems;
    }
    const variable = firstVariable(document);
    const stated =
      value === undefined
        ? 'The policy has no Version, so IAM applies the 2008-10-17 language'
        : `Version "${OLD}" is the old policy language`;
    const effect = variable
      ? `: policy variables are not substituted, so "${variable}" matches only its literal text`
      : ', without policy variables and other current features';
    problems.push({
      message: `${stated}${effect}; use "${CURRENT}"`,
      range: version?.range ?? document.source.range,
      ...(variable ? { severity: 'high' as const } : {}),
      evidence: { version: value ?? null, ...(variable ? { variableUsedIn: variable } : {}) },
      anchor: `version:${value ?? 'missing'}`,
    });
    return problems;
  },
} satisfies PolicyCheck;
