/**
 * What one Allow statement grants, as sets the diff can compare without multiplying them out: the action keys
 * (wildcards and NotAction expanded through the catalogue), the resources and principals as written, and the
 * conditions as normalised entries. `*` on `*` stays one set of ~20,000 keys and one resource, never 20,000 pairs.
 */
import type { ActionInfo } from '../catalog/action-info.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type {
  ElementList,
  PolicyDocument,
  PolicyScalar,
  PolicyStatement,
  PrincipalElement,
  SourceRange,
} from '../document.ts';
import type { AccessElement } from './access-change.ts';

/** One resource or principal a statement names, as text. */
export interface GrantTarget {
  /** The value as written (`type:value` for principals); '' when the statement has no such element. */
  text: string;
  /** True for a literal string whose wildcards mean something; false for placeholders and opaque values. */
  literal: boolean;
  /** The element it comes from. */
  element: AccessElement['name'];
  /** Where it is written. */
  range: SourceRange;
}

/** An Action entry or a NotAction element: what grants the actions, for attributing new access to a line. */
export interface ActionSource {
  /** `Action` for one entry, `NotAction` for the whole element. */
  element: 'Action' | 'NotAction';
  /** The entry as written, or the NotAction values joined. */
  text: string;
  /** Where it is written. */
  range: SourceRange;
  /** Whether this source grants the action with key `key` (`info` is the catalogue's entry, when it has one). */
  covers(key: string, info: ActionInfo | undefined): boolean;
}

/** What one Allow statement grants. */
export interface StatementGrant {
  /** The statement. */
  statement: PolicyStatement;
  /** Action keys: 'service:Name' for catalogue actions, the lowercase text for unknown ones. */
  actions: ReadonlySet<string>;
  /** What grants them, in source order. */
  sources: ActionSource[];
  /** Resources, without repeats; one '' target when the statement has neither Resource nor NotResource. */
  resources: GrantTarget[];
  /** Principals, without repeats; one '' target for a statement without Principal (identity policies). */
  principals: GrantTarget[];
  /** The conditions, normalised (operator and key in lowercase, values sorted), for comparing. */
  conditions: ReadonlySet<string>;
  /** The conditions as a person reads them, one per entry. */
  conditionLines: string[];
}

// Keyed by the catalogue's cached expansion arrays, so a pattern met in many statements builds its set once.
const keySets = new WeakMap<readonly ActionInfo[], ReadonlySet<string>>();

function keysOf(actions: readonly ActionInfo[]): ReadonlySet<string> {
  let keys = keySets.get(actions);
  if (!keys) {
    keys = new Set(actions.map((action) => action.key));
    keySets.set(actions, keys);
  }
  return keys;
}

function textOf(value: PolicyScalar): string {
  return typeof value === 'string' ? value : value.text;
}

/** The keys one Action value stands for: its expansion, or the value itself when the catalogue knows nothing. */
function patternKeys(value: PolicyScalar, catalog: IamCatalog): ReadonlySet<string> {
  if (typeof value !== 'string') return new Set([value.text]);
  const expansion = catalog.expandActionPattern(value);
  return expansion.actions.length > 0 ? keysOf(expansion.actions) : new Set([value.toLowerCase()]);
}

function unionOf(sets: readonly ReadonlySet<string>[]): ReadonlySet<string> {
  if (sets.length === 1) return sets[0]!;
  const union = new Set<string>();
  for (const set of sets) for (const key of set) union.add(key);
  return union;
}

function actionGrant(
  statement: PolicyStatement,
  catalog: IamCatalog,
): { actions: ReadonlySet<string>; sources: ActionSource[] } {
  if (statement.action) {
    const entries = statement.action.entries;
    const sources = entries.map((entry): ActionSource => {
      const text = textOf(entry.value);
      const literal = typeof entry.value === 'string';
      const lower = text.toLowerCase();
      return {
        element: 'Action',
        text,
        range: entry.range,
        covers: (key, info) =>
          info !== undefined && literal
            ? catalog.actionPatternMatches(text, info)
            : key.toLowerCase() === lower,
      };
    });
    return { actions: unionOf(entries.map((entry) => patternKeys(entry.value, catalog))), sources };
  }
  if (statement.notAction) {
    const patterns = statement.notAction.entries.map((entry) => textOf(entry.value));
    // Placeholder entries exclude something unknown; inverting the literal ones over-approximates the grant.
    const literal = statement.notAction.entries.flatMap((entry) =>
      typeof entry.value === 'string' ? [entry.value] : [],
    );
    return {
      actions: keysOf(catalog.invertNotAction(literal)),
      sources: [
        {
          element: 'NotAction',
          text: patterns.join(', '),
          range: statement.notAction.range,
          covers: () => true,
        },
      ],
    };
  }
  return { actions: new Set(), sources: [] };
}

function listTargets(
  element: ElementList | undefined,
  notElement: ElementList | undefined,
  names: { element: 'Resource'; not: 'NotResource' },
  statement: PolicyStatement,
): GrantTarget[] {
  if (element) {
    return unique(
      element.entries.map((entry) => ({
        text: textOf(entry.value),
        literal: typeof entry.value === 'string',
        element: names.element,
        range: entry.range,
      })),
    );
  }
  if (notElement) {
    const values = notElement.entries.map((entry) => textOf(entry.value));
    return [
      {
        text: `${names.not} ${values.join(', ')}`,
        literal: false,
        element: names.not,
        range: notElement.range,
      },
    ];
  }
  return [{ text: '', literal: false, element: names.element, range: statement.range }];
}

function principalTargets(statement: PolicyStatement): GrantTarget[] {
  const principal: PrincipalElement | undefined = statement.principal;
  if (principal) {
    return unique(
      principal.entries.map((entry) => ({
        text: entry.type === '*' ? '*' : `${entry.type}:${textOf(entry.value)}`,
        literal: typeof entry.value === 'string',
        element: 'Principal' as const,
        range: entry.range,
      })),
    );
  }
  if (statement.notPrincipal) {
    const values = statement.notPrincipal.entries.map((entry) => `${entry.type}:${textOf(entry.value)}`);
    return [
      {
        text: `NotPrincipal ${values.join(', ')}`,
        literal: false,
        element: 'NotPrincipal',
        range: statement.notPrincipal.range,
      },
    ];
  }
  return [{ text: '', literal: false, element: 'Principal', range: statement.range }];
}

function unique(targets: GrantTarget[]): GrantTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => !seen.has(target.text) && seen.add(target.text));
}

function conditionsOf(statement: PolicyStatement): { normalised: Set<string>; lines: string[] } {
  const normalised = new Set<string>();
  const lines: string[] = [];
  for (const entry of statement.condition?.entries ?? []) {
    const operator = textOf(entry.operator.value);
    const key = textOf(entry.key.value);
    const values = entry.values.map((value) => textOf(value.value)).sort();
    // IAM reads operator and key names without regard to case, and a value list as a set.
    normalised.add(JSON.stringify([operator.toLowerCase(), key.toLowerCase(), [...new Set(values)]]));
    lines.push(`${operator} ${key} ${values.length === 1 ? values[0] : `[${values.join(', ')}]`}`);
  }
  return { normalised, lines };
}

/** What `statement` grants; undefined when it is not a literal Allow. */
export function statementGrant(statement: PolicyStatement, catalog: IamCatalog): StatementGrant | undefined {
  if (statement.effect?.value !== 'Allow') return undefined;
  const { actions, sources } = actionGrant(statement, catalog);
  const conditions = conditionsOf(statement);
  return {
    statement,
    actions,
    sources,
    resources: listTargets(
      statement.resource,
      statement.notResource,
      { element: 'Resource', not: 'NotResource' },
      statement,
    ),
    principals: principalTargets(statement),
    conditions: conditions.normalised,
    conditionLines: conditions.lines,
  };
}

/** What every Allow statement of `document` grants, in source order. */
export function documentGrants(document: PolicyDocument, catalog: IamCatalog): StatementGrant[] {
  return document.statements.flatMap((statement) => statementGrant(statement, catalog) ?? []);
}
