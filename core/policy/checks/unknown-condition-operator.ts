import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { parseConditionOperator } from './support/correctness-operators.ts';

/**
 * Condition operators IAM does not know: a misspelt base operator (`StringEqual`), an unknown set-operator prefix,
 * or `NullIfExists`. The operator list is IAM's: String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress,
 * NotIpAddress, Arn*, Null, each but Null with an optional IfExists suffix and ForAnyValue:/ForAllValues: prefix.
 */
export const unknownConditionOperator = {
  id: 'iam.policy.unknown-condition-operator',
  title: 'Unknown condition operator',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: 'Finds condition operators that are not IAM operators (a typo such as "StringEqual", a prefix other than ForAnyValue:/ForAllValues:, "NullIfExists"); AWS rejects the policy.',
  remediation:
    'Use an IAM condition operator (StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress, Null...), optionally with IfExists or a ForAnyValue:/ForAllValues: prefix.',
  evaluate(document) {
    const problems: PolicyProblem[] = [];
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const entries = statement.condition?.entries;
      if (!entries) continue;
      // A statement repeats its operator for each key; report each operator once.
      let seen: Set<string> | undefined;
      for (let j = 0; j < entries.length; j++) {
        const operator = entries[j]!.operator;
        if (typeof operator.value !== 'string') continue;
        const at = `${operator.range.line}:${operator.range.column}`;
        seen ??= new Set();
        if (seen.has(at)) continue;
        seen.add(at);
        const parsed = parseConditionOperator(operator.value);
        if (parsed.resultType === 'valid') continue;
        const hint = parsed.suggestion === undefined ? '' : `; did you mean "${parsed.suggestion}"?`;
        problems.push({
          message: `"${operator.value}" is not a valid condition operator: ${parsed.reason}${hint}`,
          range: operator.range,
          statement,
          evidence: {
            operator: operator.value,
            ...(parsed.suggestion === undefined ? {} : { suggestion: parsed.suggestion }),
          },
          ...(parsed.suggestion === undefined
            ? {}
            : { remediation: `Replace "${operator.value}" with "${parsed.suggestion}".` }),
          anchor: operator.value,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
