import type { ActionInfo } from '../catalog/action-info.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type { Located, PolicyStatement } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import {
  prepareResource,
  type ResourcePattern,
  resourceCovers,
} from './support/correctness-resource-cover.ts';
import { literalEntries } from './support/correctness-statement.ts';

type ActionElement = 'Action' | 'NotAction';
type ResourceElement = 'Resource' | 'NotResource';

function problem(
  statement: PolicyStatement,
  element: ActionElement | ResourceElement,
  entry: Located<string>,
  coveredBy: Located<string>,
  duplicate: boolean,
): PolicyProblem {
  const why = duplicate
    ? `repeats "${coveredBy.value}" (line ${coveredBy.range.line})`
    : `is already covered by "${coveredBy.value}" (line ${coveredBy.range.line})`;
  return {
    message: `${element} "${entry.value}" ${why} in the same statement; it adds nothing`,
    range: entry.range,
    statement,
    evidence: { element, value: entry.value, coveredBy: coveredBy.value },
    remediation: `Remove "${entry.value}" from ${element}.`,
    anchor: `${element}:${entry.value}`,
  };
}

/** Each expansion (a frozen array the catalogue caches per pattern) as a set, built once per process. */
const expansionSets = new WeakMap<readonly ActionInfo[], ReadonlySet<ActionInfo>>();

function asSet(actions: readonly ActionInfo[]): ReadonlySet<ActionInfo> {
  let set = expansionSets.get(actions);
  if (!set) {
    set = new Set(actions);
    expansionSets.set(actions, set);
  }
  return set;
}

/** The service part of an action pattern, lowercased ('s3' for 's3:Get*'); the whole value without a colon. */
function servicePart(lower: string): string {
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

const NONE: readonly number[] = [];

/**
 * An entry is redundant when another entry of the same list covers it (compared by what each expands to); of two
 * entries covering each other (the same value twice, or patterns with the same expansion), the later one is
 * reported. Wildcards are grouped by service, so a policy listing hundreds of `service:Get*` patterns compares
 * each entry only with its own service's wildcards.
 */
function redundantActions(
  catalog: IamCatalog,
  statement: PolicyStatement,
  element: ActionElement,
  entries: readonly Located<string>[],
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (entries.length < 2) return problems;
  const lowers = entries.map((entry) => entry.value.toLowerCase());
  const wildcardsByService = new Map<string, number[]>();
  const anyService: number[] = [];
  const allWildcards: number[] = [];
  lowers.forEach((lower, index) => {
    if (!/[*?]/.test(lower)) return;
    allWildcards.push(index);
    const service = servicePart(lower);
    if (/[*?]/.test(service)) anyService.push(index);
    else {
      const list = wildcardsByService.get(service);
      if (list) list.push(index);
      else wildcardsByService.set(service, [index]);
    }
  });
  if (allWildcards.length === 0 && new Set(lowers).size === lowers.length) return problems;
  const expansion = (index: number) => catalog.expandActionPattern(entries[index]!.value).actions;

  const firstByValue = new Map<string, number>();
  const covers = (j: number, index: number, actions: readonly ActionInfo[]) => {
    if (j === index || lowers[j] === lowers[index]) return false;
    const wide = asSet(expansion(j));
    if (wide.size < actions.length || !actions.every((action) => wide.has(action))) return false;
    // Mutual cover (same expansion): only the later entry is redundant.
    return j < index || wide.size !== actions.length;
  };
  entries.forEach((entry, index) => {
    const lower = lowers[index]!;
    const twin = firstByValue.get(lower);
    if (twin !== undefined) {
      problems.push(problem(statement, element, entry, entries[twin]!, true));
      return;
    }
    firstByValue.set(lower, index);
    if (allWildcards.length === 0) return;
    const service = servicePart(lower);
    const own = /[*?]/.test(service) ? allWildcards : (wildcardsByService.get(service) ?? NONE);
    if (own.length === 0 && anyService.length === 0) return;
    const actions = expansion(index);
    if (actions.length === 0) return;
    const cover =
      own.find((j) => covers(j, index, actions)) ?? anyService.find((j) => covers(j, index, actions));
    if (cover !== undefined) problems.push(problem(statement, element, entry, entries[cover]!, false));
  });
  return problems;
}

function redundantResources(
  statement: PolicyStatement,
  element: ResourceElement,
  entries: readonly Located<string>[],
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (entries.length < 2) return problems;
  // Most lists hold no wildcard next to another entry: then only duplicates can be redundant.
  const wildcards = entries.flatMap((entry, index) => (/[*?]/.test(entry.value) ? [index] : []));
  const patterns: (ResourcePattern | undefined)[] = [];
  const pattern = (index: number) => {
    patterns[index] ??= prepareResource(entries[index]!.value);
    return patterns[index];
  };
  const firstByValue = new Map<string, number>();
  entries.forEach((entry, index) => {
    const twin = firstByValue.get(entry.value);
    if (twin !== undefined) {
      problems.push(problem(statement, element, entry, entries[twin]!, true));
      return;
    }
    firstByValue.set(entry.value, index);
    if (wildcards.length === 0) return;
    const narrow = pattern(index);
    const cover = wildcards.find((j) => {
      if (j === index) return false;
      const wide = pattern(j);
      return resourceCovers(wide, narrow) && (j < index || !resourceCovers(narrow, wide));
    });
    if (cover !== undefined) problems.push(problem(statement, element, entry, entries[cover]!, false));
  });
  return problems;
}

/**
 * Redundant entries of one statement: an action repeated or covered by a wildcard next to it (s3:GetObject beside
 * s3:Get*), a resource repeated or covered by a wildcard ARN next to it (bucket/logs/* beside bucket/*).
 */
export const redundantEntry = {
  id: 'iam.policy.redundant-entry',
  title: 'Redundant action or resource',
  category: 'correctness',
  defaultSeverity: 'low',
  docs: 'Finds actions and resources that another entry of the same statement already covers (a duplicate, s3:GetObject next to s3:Get*, arn:aws:s3:::b/logs/* next to arn:aws:s3:::b/*); they add nothing and hide what the statement really grants.',
  remediation: 'Remove the redundant entry, or narrow the wildcard that covers it if that was the intent.',
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    for (const statement of document.statements) {
      problems.push(
        ...redundantActions(catalog, statement, 'Action', literalEntries(statement.action)),
        ...redundantActions(catalog, statement, 'NotAction', literalEntries(statement.notAction)),
        ...redundantResources(statement, 'Resource', literalEntries(statement.resource)),
        ...redundantResources(statement, 'NotResource', literalEntries(statement.notResource)),
      );
    }
    return problems;
  },
} satisfies PolicyCheck;
