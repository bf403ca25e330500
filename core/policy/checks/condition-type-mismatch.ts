import type { ConditionValueType } from '../catalog/condition-keys.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { conditionKeyInfo } from './support/correctness-condition-keys.ts';
import {
  type OperatorFamily,
  operatorName,
  parseConditionOperator,
} from './support/correctness-operators.ts';

/**
 * Which key types each operator family can compare, after the IAM condition operator reference. String operators
 * compare the text of any key and are never reported (AWS itself writes StringLike on aws:SourceArn for Lambda
 * permissions); ARN operators are accepted on String keys too, as many String-typed keys hold ARNs. What remains
 * is what cannot work: a number, date, boolean or address comparison on a key of another type.
 */
const ACCEPTED: Record<Exclude<OperatorFamily, 'String' | 'Null'>, readonly ConditionValueType[]> = {
  Arn: ['ARN', 'String'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  IpAddress: ['IPAddress'],
  Binary: ['Binary', 'String'],
};

/** Keys documented with more than one type: aws:EpochTime is a Date and also takes Numeric operators. */
const EXTRA_FAMILIES: Record<string, readonly OperatorFamily[]> = {
  'aws:epochtime': ['Numeric'],
};

/** The operators to use for a key of each type. */
const RIGHT_OPERATORS: Record<ConditionValueType, string> = {
  String: 'a String operator (StringEquals, StringLike...)',
  ARN: 'an ARN operator (ArnEquals, ArnLike...) or a String operator',
  Numeric: 'a Numeric operator (NumericEquals, NumericLessThan...)',
  Date: 'a Date operator (DateGreaterThan, DateLessThan...)',
  Bool: 'Bool',
  IPAddress: 'IpAddress or NotIpAddress',
  Binary: 'BinaryEquals',
  Unknown: 'an operator of its type',
};

/** What each family compares, for the message. */
const COMPARES: Record<OperatorFamily, string> = {
  String: 'strings',
  Arn: 'ARNs',
  Numeric: 'numbers',
  Date: 'dates',
  Bool: 'booleans',
  IpAddress: 'IP addresses',
  Binary: 'binary values',
  Null: 'presence',
};

/**
 * Condition operators that cannot compare the key's type: NumericLessThan on aws:SourceIp, Bool on a String key,
 * DateGreaterThan on aws:SourceArn. Key types come from the catalogue; String operators (which compare any key's
 * text), Null, and service keys the data types as String are never reported.
 */
export const conditionTypeMismatch = {
  id: 'iam.policy.condition-type-mismatch',
  title: 'Condition operator does not fit the key type',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: 'Finds condition operators used on keys of another type (NumericLessThan on aws:SourceIp, Bool on a String key, DateGreaterThan on aws:SourceArn); the comparison cannot succeed, so the condition never matches.',
  remediation:
    "Use the operator family of the key's type: IpAddress for IP keys, Date* for dates, Numeric* for numbers, Bool for booleans, Arn* or String* for ARNs, String* for strings.",
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const entries = statement.condition?.entries ?? [];
      for (let j = 0; j < entries.length; j++) {
        const entry = entries[j]!;
        const { operator, key } = entry;
        if (typeof operator.value !== 'string' || typeof key.value !== 'string') continue;
        const parsed = parseConditionOperator(operator.value);
        if (parsed.resultType !== 'valid') continue;
        const { family } = parsed.operator;
        if (family === 'String' || family === 'Null') continue;
        const info = conditionKeyInfo(catalog, statement, key.value);
        if (!info || info.valueType === 'Unknown') continue;
        if (ACCEPTED[family].includes(info.valueType)) continue;
        // Service data types some number and yes/no keys as String (glacier:ArchiveAgeInDays, which AWS's own
        // examples test with NumericGreaterThan); only the global keys' String type is reliable enough to report.
        if (info.valueType === 'String' && !info.global) continue;
        if (EXTRA_FAMILIES[key.value.toLowerCase()]?.includes(family)) continue;
        const name = operatorName(parsed.operator);
        problems.push({
          message: `${name} compares ${COMPARES[family]}, but "${key.value}" holds ${info.valueType === 'IPAddress' ? 'IP addresses' : `${info.valueType} values`}; use ${RIGHT_OPERATORS[info.valueType]}`,
          range: key.range,
          statement,
          evidence: { operator: operator.value, conditionKey: key.value, keyType: info.type },
          anchor: `${name}:${key.value}`,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
