/**
 * Basic questions checks ask of a statement: is it an Allow, which of its values are literal strings, which
 * condition entries name a key, and does a condition really narrow what it grants. Shared by every check family;
 * nothing here knows about a particular check.
 */
import type {
  ConditionEntry,
  ElementList,
  Located,
  PolicyDocument,
  PolicyScalar,
  PolicyStatement,
  PrincipalElement,
} from '../../document.ts';

/** The statement's Effect when it is a literal 'Allow' or 'Deny' (IAM spells both exactly so); else undefined. */
export function effectOf(statement: PolicyStatement): 'Allow' | 'Deny' | undefined {
  const value = statement.effect?.value;
  return value === 'Allow' || value === 'Deny' ? value : undefined;
}

/** True for a statement whose Effect is literally 'Allow'. A computed Effect is unknown, so it is not an Allow. */
export function isAllow(statement: PolicyStatement): boolean {
  return effectOf(statement) === 'Allow';
}

/** True for a statement whose Effect is literally 'Deny'. */
export function isDeny(statement: PolicyStatement): boolean {
  return effectOf(statement) === 'Deny';
}

/** The statements that grant something: Effect 'Allow', in source order. */
export function allowStatements(document: PolicyDocument): PolicyStatement[] {
  return document.statements.filter(isAllow);
}

/** The statements that take something away: Effect 'Deny', in source order. */
export function denyStatements(document: PolicyDocument): PolicyStatement[] {
  return document.statements.filter(isDeny);
}

/** True when a located value is a literal string rather than a deploy-time placeholder. */
export function isLiteral<T extends Located<PolicyScalar>>(entry: T): entry is T & { value: string } {
  return typeof entry.value === 'string';
}

/** The entries of an element (Action, Resource, Principal, condition values) whose value is a literal string. */
export function literalEntries<T extends Located<PolicyScalar>>(
  element: { entries: readonly T[] } | undefined,
): (T & { value: string })[] {
  return (element?.entries ?? []).filter(isLiteral);
}

/** The literal string values of an element, in source order; placeholders are left out. */
export function literalValues(element: { entries: readonly Located<PolicyScalar>[] } | undefined): string[] {
  return literalEntries(element).map((entry) => entry.value);
}

/** True when the element has a placeholder entry: something it names is known only at deploy time. */
export function hasPlaceholder(element: { entries: readonly Located<PolicyScalar>[] } | undefined): boolean {
  return (element?.entries ?? []).some((entry) => !isLiteral(entry));
}

/** The text of a value for messages and evidence: the string, or the placeholder's source text. */
export function scalarText(value: PolicyScalar): string {
  return typeof value === 'string' ? value : value.text;
}

/** True for `*` (and `**`, which IAM reads the same): every action, every resource or every principal. */
export function isStar(value: string): boolean {
  // The first character rules out nearly every value without running the expression.
  return value.charCodeAt(0) === 42 && /^\*+$/.test(value);
}

/** The first literal `*` entry of an Action, Resource or similar element, where the statement writes one. */
export function starEntry(element: ElementList | undefined): Located<string> | undefined {
  return literalEntries(element).find((entry) => isStar(entry.value));
}

/**
 * The condition entries of a statement whose key is `key`, compared as IAM does (case-insensitively). A key
 * ending in '/' names a family (`aws:ResourceTag/` matches `aws:ResourceTag/team`). Placeholder keys never match.
 */
export function conditionEntries(statement: PolicyStatement, key: string): ConditionEntry[] {
  const wanted = key.toLowerCase();
  const family = wanted.endsWith('/');
  return (statement.condition?.entries ?? []).filter((entry) => {
    if (typeof entry.key.value !== 'string') return false;
    const name = entry.key.value.toLowerCase();
    return family ? name.startsWith(wanted) : name === wanted;
  });
}

/** The condition entry's key in lowercase, or undefined for a placeholder key. */
export function conditionKeyName(entry: ConditionEntry): string | undefined {
  return typeof entry.key.value === 'string' ? entry.key.value.toLowerCase() : undefined;
}

/**
 * The operator without its set prefix and IfExists suffix, lowercase, plus what those said. A placeholder
 * operator gives undefined.
 */
export function parseOperator(
  entry: ConditionEntry,
): { base: string; set?: 'foranyvalue' | 'forallvalues'; ifExists: boolean } | undefined {
  if (typeof entry.operator.value !== 'string') return undefined;
  let base = entry.operator.value.toLowerCase();
  let set: 'foranyvalue' | 'forallvalues' | undefined;
  const colon = base.indexOf(':');
  if (colon !== -1) {
    const prefix = base.slice(0, colon);
    if (prefix === 'foranyvalue' || prefix === 'forallvalues') set = prefix;
    base = base.slice(colon + 1);
  }
  const ifExists = base.endsWith('ifexists');
  if (ifExists) base = base.slice(0, -'ifexists'.length);
  return set ? { base, set, ifExists } : { base, ifExists };
}

/** Operators that match when the value differs: in an Allow they widen rather than narrow. */
const NEGATED_OPERATORS = new Set([
  'stringnotequals',
  'stringnotequalsignorecase',
  'stringnotlike',
  'arnnotequals',
  'arnnotlike',
  'numericnotequals',
  'datenotequals',
  'notipaddress',
]);

/** True for an operator that matches when the value is different (StringNotEquals, ArnNotLike, NotIpAddress...). */
export function isNegatedOperator(entry: ConditionEntry): boolean {
  const operator = parseOperator(entry);
  return operator !== undefined && NEGATED_OPERATORS.has(operator.base);
}

/** Operators whose values may hold wildcards that IAM expands. */
const WILDCARD_OPERATORS = new Set(['stringlike', 'arnlike', 'arnequals']);

/** Only wildcards, at least one of them `*`. */
const ONLY_WILDCARDS = /^[*?]*\*[*?]*$/;

/**
 * A value any caller can satisfy under a wildcard operator: `*`, `arn:aws:*`, `arn:aws:s3:::*`, or an ARN whose
 * account part has a wildcard (`arn:aws:iam::*:role/deploy`: anyone can create a role of that name in their
 * own account). S3 ARNs have no account part; a bucket name is global, so only a wildcard name matches anything.
 */
function matchesAnything(value: string): boolean {
  if (ONLY_WILDCARDS.test(value)) return true;
  if (!value.startsWith('arn:')) return false;
  const parts = value.split(':');
  // `arn:aws:*`: the last wildcard also covers the account and resource parts.
  if (parts.length < 5) return ONLY_WILDCARDS.test(parts.at(-1)!);
  const account = parts[4]!;
  if (/[*?]/.test(account)) return true;
  return account === '' && ONLY_WILDCARDS.test(parts.slice(5).join(':'));
}

/** IP ranges that include every address. */
const ANY_ADDRESS = new Set(['0.0.0.0/0', '::/0', '0::/0']);

/**
 * Whether one condition entry really narrows an Allow: a positive operator (not negated, not Null, not IfExists,
 * not ForAllValues, all of which let a request without the key through) with at least one value that is not a
 * match-everything wildcard or the whole address space. Placeholder operators and values are assumed to narrow:
 * a check cannot judge them and must not flag what may well be fine.
 */
export function isNarrowingEntry(entry: ConditionEntry): boolean {
  const operator = parseOperator(entry);
  if (!operator) return true;
  if (operator.ifExists || operator.set === 'forallvalues') return false;
  if (operator.base === 'null' || NEGATED_OPERATORS.has(operator.base)) return false;
  if (entry.values.length === 0) return false;
  return entry.values.some((located) => {
    const value = located.value;
    if (typeof value !== 'string') return true;
    if (WILDCARD_OPERATORS.has(operator.base) && matchesAnything(value)) return false;
    if (operator.base === 'ipaddress' && ANY_ADDRESS.has(value.trim())) return false;
    return true;
  });
}

/**
 * Condition keys that narrow an Allow to known callers, networks or resources, so that what the statement grants
 * is much less than its Action and Resource say. Each family is listed with why it counts. Keys ending in '/'
 * are families (`aws:ResourceTag/team`).
 *
 * Deliberately absent, because they leave the grant as wide as before: aws:RequestedRegion (every resource of the
 * allowed regions), aws:SecureTransport, aws:MultiFactorAuthPresent and aws:CurrentTime (how and when, not what),
 * aws:PrincipalTag/ and aws:RequestTag/ (set by the caller in many setups), aws:Referer and aws:UserAgent (headers
 * any client sets), aws:PrincipalIsAWSService and aws:ViaAWSService (any account's service use).
 */
export const CONSTRAINING_CONDITION_KEYS: readonly string[] = [
  // Who calls: one organisation, account or principal.
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:userid',
  'kms:CallerAccount',
  // On whose behalf a service calls: the confused-deputy defences.
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceOwner',
  'sts:ExternalId',
  // From where: a VPC endpoint, a VPC or an address range.
  'aws:SourceVpce',
  'aws:SourceVpc',
  'aws:SourceIp',
  'aws:VpcSourceIp',
  // Which resources: by tag, owning account or organisation (ABAC).
  'aws:ResourceTag/',
  'aws:ResourceAccount',
  'aws:ResourceOrgID',
  'aws:ResourceOrgPaths',
  // Through which service, or which role, policy or boundary an IAM action may touch.
  'kms:ViaService',
  'aws:CalledVia',
  'aws:CalledViaFirst',
  'aws:CalledViaLast',
  'iam:PassedToService',
  'iam:PolicyARN',
  'iam:PermissionsBoundary',
  'iam:AWSServiceName',
];

/** Service-specific resource-tag keys (`ec2:ResourceTag/team`, `secretsmanager:ResourceTag/env`) narrow too. */
const SERVICE_RESOURCE_TAG = /^[\w-]+:resourcetag\//;

/** Lowercase exact names and families of a key list, for matching. */
function compileKeys(keys: readonly string[]): { exact: Set<string>; families: string[] } {
  const exact = new Set<string>();
  const families: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const lower = keys[i]!.toLowerCase();
    if (lower.endsWith('/')) families.push(lower);
    else exact.add(lower);
  }
  return { exact, families };
}

const DEFAULT_KEYS = compileKeys(CONSTRAINING_CONDITION_KEYS);
const compiled = new WeakMap<readonly string[], { exact: Set<string>; families: string[] }>();

/**
 * The condition entries that narrow this statement: a key of `keys` (default CONSTRAINING_CONDITION_KEYS, plus
 * service resource-tag keys) under a narrowing operator and value. A placeholder key is assumed to narrow.
 */
export function constrainingConditions(
  statement: PolicyStatement,
  keys: readonly string[] = CONSTRAINING_CONDITION_KEYS,
): ConditionEntry[] {
  let table = DEFAULT_KEYS;
  if (keys !== CONSTRAINING_CONDITION_KEYS) {
    table = compiled.get(keys) ?? compileKeys(keys);
    compiled.set(keys, table);
  }
  const found: ConditionEntry[] = [];
  // Most statements have no condition: nothing to filter, no closure made.
  const entries = statement.condition?.entries;
  if (!entries) return found;
  const includeServiceTags = keys === CONSTRAINING_CONDITION_KEYS;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const name = conditionKeyName(entry);
    const known =
      name === undefined ||
      table.exact.has(name) ||
      table.families.some((family) => name.startsWith(family)) ||
      (includeServiceTags && SERVICE_RESOURCE_TAG.test(name));
    if (known && isNarrowingEntry(entry)) found.push(entry);
  }
  return found;
}

/** True when a condition of the statement narrows what it grants (see constrainingConditions). */
export function hasConstrainingCondition(
  statement: PolicyStatement,
  keys: readonly string[] = CONSTRAINING_CONDITION_KEYS,
): boolean {
  return constrainingConditions(statement, keys).length > 0;
}

/** A condition entry as evidence: `StringEquals aws:SourceVpce = vpce-1a2b3c4d`. */
export function describeCondition(entry: ConditionEntry): string {
  const values = entry.values.map((value) => scalarText(value.value));
  const shown = values.length === 1 ? values[0] : `[${values.join(', ')}]`;
  return `${scalarText(entry.operator.value)} ${scalarText(entry.key.value)} = ${shown}`;
}

/** Every principal entry of a Principal element with its type, literal or not. */
export function principalEntries(element: PrincipalElement | undefined): PrincipalElement['entries'] {
  return element?.entries ?? [];
}
