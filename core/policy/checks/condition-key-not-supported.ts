import type { ActionInfo } from '../catalog/action-info.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import { nearest } from '../catalog/suggest.ts';
import type { ConditionEntry, PolicyDocument, PolicyStatement } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { expandedEntries } from './support/action-entries.ts';
import { hasIncompleteActionData } from './support/correctness-catalog-gaps.ts';
import {
  conditionKeySupport,
  findConditionKey,
  isProviderKey,
} from './support/correctness-condition-keys.ts';
import { type ConditionOperator, parseConditionOperator } from './support/correctness-operators.ts';
import { effectOf, hasPlaceholderEntry, isStar } from './support/correctness-statement.ts';

/**
 * The actions the statement's Action names, or undefined when they cannot be judged one by one: a NotAction, "*",
 * a service wildcard, a computed entry. Each pattern's expansion is cached by the catalogue.
 */
function statementActions(
  document: PolicyDocument,
  catalog: IamCatalog,
  statement: PolicyStatement,
): readonly ActionInfo[] | undefined {
  if (!statement.action || statement.notAction || hasPlaceholderEntry(statement.action)) return undefined;
  const actions = new Set<ActionInfo>();
  const { entries, expansions } = expandedEntries(document, catalog, statement, 'action');
  for (let index = 0; index < entries.length; index++) {
    const value = entries[index]!.value;
    const colon = value.indexOf(':');
    const service = colon === -1 ? value : value.slice(0, colon);
    if (isStar(value) || /[*?]/.test(service)) return undefined;
    const expanded = expansions[index]!.actions;
    for (let a = 0; a < expanded.length; a++) actions.add(expanded[a]!);
  }
  return actions.size === 0 ? undefined : [...actions];
}

/**
 * The first of `statementActions` (what service keys are resolved against), found without collecting them all:
 * most condition keys are global and never need the rest.
 */
function firstStatementAction(
  document: PolicyDocument,
  catalog: IamCatalog,
  statement: PolicyStatement,
): ActionInfo | undefined {
  if (!statement.action || statement.notAction || hasPlaceholderEntry(statement.action)) return undefined;
  const { entries, expansions } = expandedEntries(document, catalog, statement, 'action');
  let first: ActionInfo | undefined;
  for (let index = 0; index < entries.length; index++) {
    const value = entries[index]!.value;
    const colon = value.indexOf(':');
    const service = colon === -1 ? value : value.slice(0, colon);
    if (isStar(value) || /[*?]/.test(service)) return undefined;
    first ??= expansions[index]!.actions[0];
  }
  return first;
}

function namedActions(actions: readonly ActionInfo[]): string {
  const shown = actions.slice(0, 3).map((action) => action.key);
  const rest = actions.length - shown.length;
  if (actions.length === 1) return shown[0]!;
  return rest > 0
    ? `any action of this statement (${shown.join(', ')} and ${rest} more)`
    : `any of ${shown.join(', ')}`;
}

/**
 * What a condition on a key the request never carries does, and how bad that is: IfExists, negated operators,
 * ForAllValues and `Null: true` pass without the key, so the condition restricts nothing; anything else never
 * matches, so the statement never applies.
 */
function consequence(
  statement: PolicyStatement,
  entry: ConditionEntry,
): { text: string; severity?: 'high' | 'low' } {
  const operator = operatorOf(entry);
  const nullTrue =
    operator?.family === 'Null' &&
    entry.values.some((value) => typeof value.value === 'string' && value.value.toLowerCase() === 'true');
  if (operator && (operator.ifExists || operator.negated || operator.set === 'ForAllValues' || nullTrue))
    return {
      text: 'the key is never in these requests, so this condition does not restrict anything',
      severity: 'low',
    };
  return effectOf(statement) === 'Deny'
    ? { text: 'the condition never matches, so this Deny never applies', severity: 'high' }
    : { text: 'the condition never matches, so the statement grants nothing' };
}

function unknownKeyProblem(
  catalog: IamCatalog,
  statement: PolicyStatement,
  entry: ConditionEntry,
  key: string,
  first: ActionInfo | undefined,
): PolicyProblem {
  const fromAction = first ? catalog.checkConditionKey(key, first) : undefined;
  const suggestion =
    fromAction?.resultType === 'unknown'
      ? fromAction.suggestion
      : nearest(
          key,
          catalog.globalConditionKeys().map((global) => global.name),
        );
  const known =
    suggestion === undefined
      ? `"${key}" is not a known condition key (it may be newer than Axiom's catalogue)`
      : `"${key}" is not a known condition key; did you mean "${suggestion}"?`;
  const { text, severity } = consequence(statement, entry);
  return {
    message: `${known}${known.endsWith('?') ? '' : '.'} As written, ${text}.`,
    range: entry.key.range,
    statement,
    ...(severity ? { severity } : {}),
    evidence: { conditionKey: key, ...(suggestion === undefined ? {} : { suggestion }) },
    ...(suggestion === undefined ? {} : { remediation: `Replace "${key}" with "${suggestion}".` }),
    anchor: key,
  };
}

function operatorOf(entry: ConditionEntry): ConditionOperator | undefined {
  if (typeof entry.operator.value !== 'string') return undefined;
  const parsed = parseConditionOperator(entry.operator.value);
  return parsed.resultType === 'valid' ? parsed.operator : undefined;
}

/**
 * Condition keys that do not apply to the statement's actions: an unknown key (with "did you mean"), or a real key
 * that none of the actions supports (s3:prefix on s3:GetObject). Global keys and identity-provider claims the
 * catalogue cannot list are never reported.
 */
export const conditionKeyNotSupported = {
  id: 'iam.policy.condition-key-not-supported',
  title: 'Condition key not valid for the actions',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: "Finds condition keys that are unknown (with the nearest real key) or that none of the statement's actions supports (s3:prefix on s3:GetObject); the request never carries the key, so the condition never matches, or restricts nothing with IfExists.",
  remediation:
    'Use a condition key the actions support (the Service Authorization Reference lists them per action) or a global key, or move the condition to a statement whose actions support it.',
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const entries = statement.condition?.entries ?? [];
      if (entries.length === 0) continue;
      // Every action of the statement is collected only for a key that is not global (most are).
      const first = firstStatementAction(document, catalog, statement);
      let actions: readonly ActionInfo[] | undefined;
      for (let j = 0; j < entries.length; j++) {
        const entry = entries[j]!;
        const key = entry.key.value;
        if (typeof key !== 'string' || isProviderKey(key)) continue;
        const info = findConditionKey(catalog, key, first);
        if (!info) {
          problems.push(unknownKeyProblem(catalog, statement, entry, key, first));
          continue;
        }
        if (info.global || !first) continue;
        actions ??= statementActions(document, catalog, statement)!;
        const supported = actions.some((action) => {
          if (hasIncompleteActionData(action.service)) return true;
          const result = conditionKeySupport(catalog, key, action);
          return result !== 'not-supported' && result !== 'unknown';
        });
        if (supported) continue;
        const { text, severity } = consequence(statement, entry);
        problems.push({
          message: `"${key}" is not a condition key of ${namedActions(actions)}: ${text}`,
          range: entry.key.range,
          statement,
          ...(severity ? { severity } : {}),
          evidence: { conditionKey: key, actions: actions.slice(0, 10).map((action) => action.key) },
          anchor: key,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
