/**
 * Deny statements that guard an Allow: the well-known pattern of a broad Allow followed by "Deny everything
 * unless the request comes from my VPC endpoint / organisation" (`StringNotEquals aws:SourceVpce`). AWS applies the
 * Deny first, so the Allow only works for requests that pass the guard: for severity it is as if the Allow carried
 * the positive condition itself.
 */
import { globMatches } from '../../catalog/glob.ts';
import type { ConditionEntry, ElementList, PolicyDocument, PolicyStatement } from '../../document.ts';
import { isPublicPrincipal } from './permission-principals.ts';
import {
  conditionKeyName,
  denyStatements,
  isNegatedOperator,
  isStar,
  parseOperator,
  scalarText,
} from './statement.ts';

/**
 * Condition entries a Deny may carry beside its guard without weakening it: the usual exemption of AWS services
 * acting for the account (`"Bool": {"aws:PrincipalIsAWSService": "false"}`).
 */
function isExemption(entry: ConditionEntry): boolean {
  const name = conditionKeyName(entry);
  const operator = parseOperator(entry);
  return operator?.base === 'bool' && (name === 'aws:principalisawsservice' || name === 'aws:viaawsservice');
}

/** The element's values as text, placeholders as their source text (so `${aws_s3_bucket.b.arn}/*` compares). */
function texts(element: ElementList | undefined): string[] {
  return (element?.entries ?? []).map((entry) => scalarText(entry.value));
}

/** Whether some pattern of `patterns` covers `value` (wildcards of the patterns match characters of the value). */
function covered(patterns: readonly string[], value: string, caseInsensitive: boolean): boolean {
  const text = caseInsensitive ? value.toLowerCase() : value;
  return patterns.some((pattern) => {
    const glob = caseInsensitive ? pattern.toLowerCase() : pattern;
    return isStar(glob) || globMatches(glob, text);
  });
}

/** True when the Deny applies to every action the Allow grants. */
function coversActions(deny: PolicyStatement, allow: PolicyStatement): boolean {
  const allowed = texts(allow.action);
  if (deny.action) {
    const denied = texts(deny.action);
    if (denied.some(isStar)) return true;
    return allowed.length > 0 && allowed.every((value) => covered(denied, value, true));
  }
  if (deny.notAction) {
    // "Deny everything except X": covers the Allow when no allowed action is among the exceptions.
    const excepted = texts(deny.notAction);
    return allowed.length > 0 && allowed.every((value) => !covered(excepted, value, true));
  }
  return false;
}

/** True when the Deny applies to every resource the Allow names. */
function coversResources(deny: PolicyStatement, allow: PolicyStatement): boolean {
  if (!deny.resource && !deny.notResource) return !allow.resource && !allow.notResource;
  if (!deny.resource) return false;
  const denied = texts(deny.resource);
  if (denied.some(isStar)) return true;
  const allowed = texts(allow.resource);
  return allowed.length > 0 && allowed.every((value) => covered(denied, value, false));
}

/** True when the Deny applies to every principal the Allow names (identity policies name none). */
function coversPrincipals(deny: PolicyStatement, allow: PolicyStatement): boolean {
  if (!allow.principal && !allow.notPrincipal) return !deny.principal;
  if (!deny.principal) return false;
  if (deny.principal.entries.some(isPublicPrincipal)) return true;
  const denied = new Set(deny.principal.entries.map((entry) => `${entry.type}|${scalarText(entry.value)}`));
  return (allow.principal?.entries ?? []).every((entry) =>
    denied.has(`${entry.type}|${scalarText(entry.value)}`),
  );
}

/**
 * The negated conditions of the document's Deny statements that guard `allow`: Deny statements covering all of its
 * principals, actions and resources whose conditions are all negated (`StringNotEquals aws:SourceVpce ...`) or
 * service exemptions, returning their entries on a key of `keys` (lowercase). An empty list: nothing guards it.
 * `denies` are the document's Deny statements, for a caller asking about many Allow statements.
 */
export function guardingConditions(
  document: PolicyDocument,
  allow: PolicyStatement,
  keys: ReadonlySet<string>,
  denies: readonly PolicyStatement[] = denyStatements(document),
): ConditionEntry[] {
  const guards: ConditionEntry[] = [];
  for (let i = 0; i < denies.length; i++) {
    const deny = denies[i]!;
    const entries = deny.condition?.entries ?? [];
    if (entries.length === 0) continue;
    if (!entries.every((entry) => isNegatedOperator(entry) || isExemption(entry))) continue;
    const guarding = entries.filter((entry) => {
      const name = conditionKeyName(entry);
      return name !== undefined && keys.has(name) && isNegatedOperator(entry);
    });
    if (guarding.length === 0) continue;
    if (coversPrincipals(deny, allow) && coversActions(deny, allow) && coversResources(deny, allow))
      guards.push(...guarding);
  }
  return guards;
}
