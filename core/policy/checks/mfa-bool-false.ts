import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { parseConditionOperator } from './support/correctness-operators.ts';
import { effectOf } from './support/correctness-statement.ts';

/**
 * `"Bool": {"aws:MultiFactorAuthPresent": "false"}`. Requests signed with long-term access keys carry no
 * aws:MultiFactorAuthPresent key at all, and a plain Bool does not match a missing key: a Deny written this way
 * never applies to access-key requests (so they need no MFA), and an Allow matches only temporary credentials
 * obtained without MFA. BoolIfExists treats the missing key as a match.
 */
export const mfaBoolFalse = {
  id: 'iam.policy.mfa-bool-false',
  title: 'aws:MultiFactorAuthPresent tested with Bool "false"',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: 'Finds Bool conditions testing aws:MultiFactorAuthPresent for "false"; requests made with long-term access keys have no such key and do not match, so a Deny meant to require MFA does not apply to them, and an Allow misses them.',
  remediation:
    'To require MFA, use a Deny with "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}, or an Allow with "Bool": {"aws:MultiFactorAuthPresent": "true"}.',
  evaluate(document) {
    const problems: PolicyProblem[] = [];
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const effect = effectOf(statement);
      if (!effect) continue;
      const entries = statement.condition?.entries ?? [];
      for (let j = 0; j < entries.length; j++) {
        const { operator, key, values } = entries[j]!;
        if (typeof operator.value !== 'string' || typeof key.value !== 'string') continue;
        if (key.value.toLowerCase() !== 'aws:multifactorauthpresent') continue;
        const parsed = parseConditionOperator(operator.value);
        if (parsed.resultType !== 'valid' || parsed.operator.base !== 'Bool' || parsed.operator.ifExists)
          continue;
        if (parsed.operator.set) continue;
        if (!values.some((value) => typeof value.value === 'string' && value.value.toLowerCase() === 'false'))
          continue;
        const message =
          effect === 'Deny'
            ? `This Deny on "aws:MultiFactorAuthPresent": "false" does not apply to requests signed with long-term access keys, which carry no aws:MultiFactorAuthPresent key, so they are not required to use MFA; use BoolIfExists`
            : `Bool "aws:MultiFactorAuthPresent": "false" in an Allow matches only temporary credentials obtained without MFA, not requests signed with long-term access keys (they carry no MFA key); use BoolIfExists, or a Deny with BoolIfExists "false" to require MFA`;
        problems.push({
          message,
          range: key.range,
          statement,
          ...(effect === 'Deny' ? { severity: 'high' as const } : {}),
          evidence: { operator: operator.value, conditionKey: key.value, value: 'false', effect },
          anchor: `${effect}:${operator.value}:${key.value}`,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
