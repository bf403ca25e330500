/**
 * IAM condition operators as AWS documents them: a base operator (`StringEquals`, `NumericLessThan`, `Null`...),
 * optionally suffixed `IfExists` (any base but `Null`) and optionally prefixed with a set operator
 * (`ForAnyValue:`, `ForAllValues:`). Names are compared case-insensitively, as policy evaluators do, so a check
 * built on this never rejects a spelling AWS accepts.
 */
import { nearest } from '../../catalog/suggest.ts';

/** The value type a base operator compares; `Null` only tests whether the key is present. */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** Every base operator, in AWS's spelling, with the type it compares. */
const BASE_OPERATORS: readonly (readonly [string, OperatorFamily])[] = [
  ['StringEquals', 'String'],
  ['StringNotEquals', 'String'],
  ['StringEqualsIgnoreCase', 'String'],
  ['StringNotEqualsIgnoreCase', 'String'],
  ['StringLike', 'String'],
  ['StringNotLike', 'String'],
  ['NumericEquals', 'Numeric'],
  ['NumericNotEquals', 'Numeric'],
  ['NumericLessThan', 'Numeric'],
  ['NumericLessThanEquals', 'Numeric'],
  ['NumericGreaterThan', 'Numeric'],
  ['NumericGreaterThanEquals', 'Numeric'],
  ['DateEquals', 'Date'],
  ['DateNotEquals', 'Date'],
  ['DateLessThan', 'Date'],
  ['DateLessThanEquals', 'Date'],
  ['DateGreaterThan', 'Date'],
  ['DateGreaterThanEquals', 'Date'],
  ['Bool', 'Bool'],
  ['BinaryEquals', 'Binary'],
  ['IpAddress', 'IpAddress'],
  ['NotIpAddress', 'IpAddress'],
  ['ArnEquals', 'Arn'],
  ['ArnLike', 'Arn'],
  ['ArnNotEquals', 'Arn'],
  ['ArnNotLike', 'Arn'],
  ['Null', 'Null'],
];

const BY_LOWERCASE = new Map(BASE_OPERATORS.map(([name, family]) => [name.toLowerCase(), { name, family }]));

/** Every spelling of a base operator with and without IfExists, for "did you mean". */
const ALL_SPELLINGS: readonly string[] = BASE_OPERATORS.flatMap(([name]) =>
  name === 'Null' ? [name] : [name, `${name}IfExists`],
);

/** The set operators, by lowercase spelling. */
/** The two condition set operators. */
export type SetOperator = 'ForAnyValue' | 'ForAllValues';

const SET_OPERATORS = new Map<string, SetOperator>([
  ['foranyvalue', 'ForAnyValue'],
  ['forallvalues', 'ForAllValues'],
]);

/** A valid condition operator, split into its parts. */
export interface ConditionOperator {
  /** `ForAnyValue` or `ForAllValues` when the operator is prefixed with one. */
  readonly set?: SetOperator;
  /** The base operator in AWS's spelling, e.g. 'StringEquals'. */
  readonly base: string;
  /** What the base operator compares. */
  readonly family: OperatorFamily;
  /** True for the `...IfExists` form: a missing key makes the condition true. */
  readonly ifExists: boolean;
  /** True for the negated operators (StringNotEquals, NotIpAddress, ArnNotLike...): a missing key passes them. */
  readonly negated: boolean;
}

/** What an operator as written is. */
export type OperatorParse =
  | {
      /** A valid operator. */
      readonly resultType: 'valid';
      /** Its parts. */
      readonly operator: ConditionOperator;
    }
  | {
      /** Not an IAM condition operator. */
      readonly resultType: 'invalid';
      /** Why, one sentence. */
      readonly reason: string;
      /** The nearest valid spelling, when one is close. */
      readonly suggestion?: string;
    };

function invalid(reason: string, suggestion: string | undefined): OperatorParse {
  return suggestion === undefined
    ? { resultType: 'invalid', reason }
    : { resultType: 'invalid', reason, suggestion };
}

/**
 * Parses, by spelling: six checks parse every condition operator of every statement, and policies use a few dozen
 * spellings. Bounded so arbitrary input cannot grow it without end.
 */
const parses = new Map<string, OperatorParse>();

/** Parses a condition operator as written in a policy (`ForAllValues:StringLikeIfExists`). */
export function parseConditionOperator(written: string): OperatorParse {
  let parsed = parses.get(written);
  if (parsed === undefined) {
    parsed = parse(written);
    if (parses.size >= 1_000) parses.clear();
    parses.set(written, parsed);
  }
  return parsed;
}

function parse(written: string): OperatorParse {
  const parts = written.split(':');
  if (parts.length > 2) return invalid('an operator has at most one set-operator prefix', undefined);
  const first = parts[0]!;
  const second = parts[1];
  let set: SetOperator | undefined;
  let baseText = first;
  if (second !== undefined) {
    set = SET_OPERATORS.get(first.toLowerCase());
    if (!set) {
      const near = nearest(first, [...SET_OPERATORS.values()]);
      return invalid(
        `"${first}" is not a set operator (ForAnyValue or ForAllValues)`,
        near === undefined ? undefined : `${near}:${second}`,
      );
    }
    baseText = second;
  }
  const prefix = set ? `${set}:` : '';
  const lower = baseText.toLowerCase();
  const exact = BY_LOWERCASE.get(lower);
  const withoutIfExists = lower.endsWith('ifexists')
    ? BY_LOWERCASE.get(lower.slice(0, -'ifexists'.length))
    : undefined;
  const known = exact ?? withoutIfExists;
  if (!known) {
    const near = nearest(baseText, ALL_SPELLINGS);
    return invalid(
      `"${baseText}" is not an IAM condition operator`,
      near === undefined ? undefined : prefix + near,
    );
  }
  if (known.family === 'Null' && !exact) {
    return invalid('Null cannot take IfExists: it already tests whether the key exists', `${prefix}Null`);
  }
  const operator: ConditionOperator = {
    ...(set ? { set } : {}),
    base: known.name,
    family: known.family,
    ifExists: !exact,
    negated: /Not(Equals|Like|IpAddress)/.test(known.name),
  };
  return { resultType: 'valid', operator };
}

/** The operator as AWS spells it, e.g. 'ForAllValues:StringEqualsIfExists'; without the prefix when `withSet` is false. */
export function operatorName(operator: ConditionOperator, withSet = true): string {
  const prefix = withSet && operator.set ? `${operator.set}:` : '';
  return `${prefix}${operator.base}${operator.ifExists ? 'IfExists' : ''}`;
}
