import type { ConditionEntry } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { conditionKeyInfo, isMultivalued, isProviderKey } from './support/correctness-condition-keys.ts';
import { parseConditionOperator } from './support/correctness-operators.ts';
import { effectOf } from './support/correctness-statement.ts';

/** True when the entries also require the key to be present: `"Null": {"<key>": "false"}`. */
function requiresPresence(entries: readonly ConditionEntry[], key: string): boolean {
  const lower = key.toLowerCase();
  return entries.some(
    (entry) =>
      typeof entry.operator.value === 'string' &&
      entry.operator.value.toLowerCase() === 'null' &&
      typeof entry.key.value === 'string' &&
      entry.key.value.toLowerCase() === lower &&
      entry.values.some((value) => typeof value.value === 'string' && value.value.toLowerCase() === 'false'),
  );
}

/**
 * ForAllValues in an Allow on a multivalued key, without a Null check that the key is present. ForAllValues is
 * true when the request carries no value for the key, so `ForAllValues:StringEquals {"aws:TagKeys": [...]}` also
 * allows requests with no tags at all. Single-valued keys are iam.policy.set-operator-single-valued-key's.
 */
export const forAllValuesAllowMissingKey = {
  id: 'iam.policy.forallvalues-allow-missing-key',
  title: 'ForAllValues in an Allow also matches requests without the key',
  category: 'correctness',
  defaultSeverity: 'low',
  docs: 'Finds Allow statements testing a multivalued key with ForAllValues: and no Null check; ForAllValues is true when the key is absent or empty, so the statement also allows requests that carry no value at all.',
  remediation:
    'If the key must be present, add "Null": {"<key>": "false"} to the same Condition; if a missing key is acceptable, nothing to do.',
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (effectOf(statement) !== 'Allow') continue;
      const entries = statement.condition?.entries ?? [];
      for (let j = 0; j < entries.length; j++) {
        const { operator, key } = entries[j]!;
        if (typeof operator.value !== 'string' || typeof key.value !== 'string' || isProviderKey(key.value))
          continue;
        const parsed = parseConditionOperator(operator.value);
        if (parsed.resultType !== 'valid' || parsed.operator.set !== 'ForAllValues') continue;
        if (isMultivalued(conditionKeyInfo(catalog, statement, key.value), key.value) !== true) continue;
        if (requiresPresence(entries, key.value)) continue;
        problems.push({
          message: `${operator.value} on "${key.value}" is also true when the request carries no "${key.value}" at all, so this Allow also admits such requests; add "Null": {"${key.value}": "false"} if the key must be present`,
          range: key.range,
          statement,
          evidence: { operator: operator.value, conditionKey: key.value },
          anchor: `${operator.value}:${key.value}`,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
