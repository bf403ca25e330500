/**
 * Condition keys as the condition checks need them: the catalogue entry of a key as a statement uses it, and
 * whether the key can carry several values in one request.
 */
import type { ActionInfo } from '../../catalog/action-info.ts';
import type { ConditionKeyCheck } from '../../catalog/condition-key-resolver.ts';
import type { ConditionKeyInfo } from '../../catalog/condition-keys.ts';
import type { IamCatalog } from '../../catalog/iam-catalog.ts';
import type { PolicyStatement } from '../../document.ts';
import { literalEntries } from './correctness-statement.ts';

/**
 * Keys AWS documents as multivalued that the catalogue types as single strings: Amazon Cognito's `amr` claim is a
 * list ("authenticated", the provider...), and AWS's own examples test it with ForAnyValue:StringLike.
 */
const MULTIVALUED_DESPITE_CATALOGUE = new Set(['cognito-identity.amazonaws.com:amr']);

/** True for a claim of an identity provider (`token.actions.githubusercontent.com:sub`), which the catalogue cannot fully list. */
export function isProviderKey(key: string): boolean {
  const colon = key.indexOf(':');
  return colon > 0 && /[./]/.test(key.slice(0, colon));
}

/**
 * The data writes a few tag keys with a literal `tag-key` where others have a `${TagKey}` variable
 * (secretsmanager:ResourceTag/tag-key, ssm:resourceTag/tag-key), so `secretsmanager:ResourceTag/team` matches
 * nothing there. This is the key in that form, to try when the key as written is not found.
 */
function literalTagKeyForm(key: string): string | undefined {
  const match = /^([^:/]+:[^/]+)\/./.exec(key);
  return match && !key.toLowerCase().endsWith('/tag-key') ? `${match[1]}/tag-key` : undefined;
}

/** The catalogue entry of `key`, also searching `action`'s service, or undefined when the key is unknown. */
export function findConditionKey(
  catalog: IamCatalog,
  key: string,
  action?: ActionInfo,
): ConditionKeyInfo | undefined {
  const found = catalog.conditionKey(key, action);
  if (found) return found;
  const tagForm = literalTagKeyForm(key);
  return tagForm === undefined ? undefined : catalog.conditionKey(tagForm, action);
}

/** How `key` applies to `action`, as the catalogue says, with tag keys also tried in their literal form. */
export function conditionKeySupport(
  catalog: IamCatalog,
  key: string,
  action: ActionInfo,
): ConditionKeyCheck['resultType'] {
  const result = catalog.checkConditionKey(key, action).resultType;
  if (result !== 'not-supported' && result !== 'unknown') return result;
  const tagForm = literalTagKeyForm(key);
  return tagForm === undefined ? result : catalog.checkConditionKey(tagForm, action).resultType;
}

/** The key's catalogue entry, looked up with the statement's first named action so that service keys resolve. */
export function conditionKeyInfo(
  catalog: IamCatalog,
  statement: PolicyStatement,
  key: string,
): ConditionKeyInfo | undefined {
  const first = literalEntries(statement.action)[0]?.value;
  const action = first && !/[*?]/.test(first) ? catalog.action(first) : undefined;
  return findConditionKey(catalog, key, action);
}

/** Whether the key is multivalued: true, false, or undefined when unknown. */
export function isMultivalued(info: ConditionKeyInfo | undefined, key: string): boolean | undefined {
  if (MULTIVALUED_DESPITE_CATALOGUE.has(key.toLowerCase())) return true;
  return info?.multiValued;
}
