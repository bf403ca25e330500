import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { conditionKeyInfo, isMultivalued, isProviderKey } from './support/correctness-condition-keys.ts';
import { operatorName, parseConditionOperator } from './support/correctness-operators.ts';
import { effectOf } from './support/correctness-statement.ts';

/**
 * ForAllValues or ForAnyValue on a key that has at most one value per request (aws:SourceVpc, aws:ResourceTag/x).
 * AWS says not to: ForAllValues is also true when the key is missing, so in an Allow the condition lets through
 * every request that lacks the key; ForAnyValue behaves like the plain operator and only misleads the reader.
 */
export const setOperatorSingleValuedKey = {
  id: 'iam.policy.set-operator-single-valued-key',
  title: 'Set operator on a single-valued condition key',
  category: 'correctness',
  defaultSeverity: 'high',
  docs: 'Finds ForAllValues:/ForAnyValue: on single-valued condition keys (e.g. ForAllValues:StringEquals on aws:SourceVpc); ForAllValues is also true when the key is absent, so in an Allow it admits every request without the key.',
  remediation:
    'Drop the ForAllValues:/ForAnyValue: prefix and use the plain operator (e.g. StringEquals); set operators are for multivalued keys such as aws:TagKeys.',
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const allow = effectOf(statement) === 'Allow';
      const entries = statement.condition?.entries ?? [];
      for (let j = 0; j < entries.length; j++) {
        const { operator, key } = entries[j]!;
        if (typeof operator.value !== 'string' || typeof key.value !== 'string' || isProviderKey(key.value))
          continue;
        const parsed = parseConditionOperator(operator.value);
        if (parsed.resultType !== 'valid' || !parsed.operator.set) continue;
        const info = conditionKeyInfo(catalog, statement, key.value);
        if (isMultivalued(info, key.value) !== false) continue;
        const plain = operatorName(parsed.operator, false);
        const forAll = parsed.operator.set === 'ForAllValues';
        const why = forAll
          ? allow
            ? 'ForAllValues is also true when the key is absent, so this Allow admits every request without it'
            : 'ForAllValues is also true when the key is absent'
          : 'ForAnyValue adds nothing to a single-valued key and misleads the reader';
        problems.push({
          message: `"${key.value}" has one value per request, but is tested with ${operator.value}: ${why}; use ${plain}`,
          range: key.range,
          statement,
          ...(forAll && allow ? {} : { severity: 'low' as const }),
          evidence: { operator: operator.value, conditionKey: key.value, keyType: info?.type },
          remediation: `Replace ${operator.value} with ${plain}.`,
          anchor: `${operator.value}:${key.value}`,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
