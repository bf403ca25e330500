import type { ActionInfo } from '../catalog/action-info.ts';
import { actionSetOf } from '../catalog/action-table.ts';
import { hasWildcard } from '../catalog/glob.ts';
import type { Located, PolicyStatement } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { type ExpandedEntries, expandedEntries } from './support/action-entries.ts';
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
  statement: PolicyStatement,
  element: ActionElement,
  { entries, expansions }: ExpandedEntries,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (entries.length < 2) return problems;
  // Plain loops and no per-entry closures: this runs for every Action list of every statement.
  const lowers: string[] = new Array(entries.length);
  const allWildcards: number[] = [];
  for (let index = 0; index < entries.length; index++) {
    // The value lowercased, as the catalogue keeps it with the expansion.
    const lower = expansions[index]!.pattern;
    lowers[index] = lower;
    // A wildcard that matches nothing covers nothing, so only wildcard expansions are compared (and asking the
    // expansion spares two scans of each value).
    if (expansions[index]!.resultType === 'wildcard') allWildcards.push(index);
  }
  if (allWildcards.length === 0) {
    // Without wildcards only a repeated value can be redundant; each repeat is reported against the first. A
    // short list (most) is searched without building a map.
    const firstOf = entries.length <= 32 ? undefined : new Map<string, number>();
    for (let index = 0; index < entries.length; index++) {
      const lower = lowers[index]!;
      let twin: number | undefined;
      if (!firstOf) {
        const first = lowers.indexOf(lower);
        if (first < index) twin = first;
      } else {
        twin = firstOf.get(lower);
        if (twin === undefined) firstOf.set(lower, index);
      }
      if (twin !== undefined)
        problems.push(problem(statement, element, entries[index]!, entries[twin]!, true));
    }
    return problems;
  }
  const firstByValue = new Map<string, number>();
  const wildcardsByService = new Map<string, number[]>();
  const anyService: number[] = [];
  for (let w = 0; w < allWildcards.length; w++) {
    const index = allWildcards[w]!;
    const service = servicePart(lowers[index]!);
    if (hasWildcard(service)) anyService.push(index);
    else {
      const list = wildcardsByService.get(service);
      if (list) list.push(index);
      else wildcardsByService.set(service, [index]);
    }
  }
  const covers = (j: number, index: number, actions: readonly ActionInfo[]): boolean => {
    if (j === index || lowers[j] === lowers[index]) return false;
    const wide = actionSetOf(expansions[j]!.actions);
    if (wide.size < actions.length) return false;
    for (let a = 0; a < actions.length; a++) if (!wide.has(actions[a]!)) return false;
    // Mutual cover (same expansion): only the later entry is redundant.
    return j < index || wide.size !== actions.length;
  };
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const lower = lowers[index]!;
    const twin = firstByValue.get(lower);
    if (twin !== undefined) {
      problems.push(problem(statement, element, entry, entries[twin]!, true));
      continue;
    }
    firstByValue.set(lower, index);
    const service = servicePart(lower);
    const own = hasWildcard(service) ? allWildcards : (wildcardsByService.get(service) ?? NONE);
    if (own.length === 0 && anyService.length === 0) continue;
    const actions = expansions[index]!.actions;
    if (actions.length === 0) continue;
    let cover: number | undefined;
    for (let w = 0; w < own.length; w++) {
      const j = own[w]!;
      if (covers(j, index, actions)) {
        cover = j;
        break;
      }
    }
    if (cover === undefined) {
      for (let w = 0; w < anyService.length; w++) {
        const j = anyService[w]!;
        if (covers(j, index, actions)) {
          cover = j;
          break;
        }
      }
    }
    if (cover !== undefined) problems.push(problem(statement, element, entry, entries[cover]!, false));
  }
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
  const wildcards: number[] = [];
  for (let index = 0; index < entries.length; index++)
    if (/[*?]/.test(entries[index]!.value)) wildcards.push(index);
  // Plain loops: a statement may list hundreds of ARNs, each compared with every wildcard of the list.
  const patterns: (ResourcePattern | undefined)[] = new Array(entries.length);
  const pattern = (index: number): ResourcePattern => {
    let prepared = patterns[index];
    if (!prepared) {
      prepared = prepareResource(entries[index]!.value);
      patterns[index] = prepared;
    }
    return prepared;
  };
  // Repeats are found by comparing values; a long list (rare) gets a map, a short one is searched, which spares
  // hashing each value (a fresh string from the file) when nothing repeats.
  const firstByValue = entries.length <= 32 ? undefined : new Map<string, number>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    let twin: number | undefined;
    if (firstByValue) {
      twin = firstByValue.get(entry.value);
      if (twin === undefined) firstByValue.set(entry.value, index);
    } else {
      for (let j = 0; j < index; j++) {
        if (entries[j]!.value === entry.value) {
          twin = j;
          break;
        }
      }
    }
    if (twin !== undefined) {
      problems.push(problem(statement, element, entry, entries[twin]!, true));
      continue;
    }
    if (wildcards.length === 0) continue;
    const narrow = pattern(index);
    let cover: number | undefined;
    for (let w = 0; w < wildcards.length; w++) {
      const j = wildcards[w]!;
      if (j === index) continue;
      const wide = pattern(j);
      if (resourceCovers(wide, narrow) && (j < index || !resourceCovers(narrow, wide))) {
        cover = j;
        break;
      }
    }
    if (cover !== undefined) problems.push(problem(statement, element, entry, entries[cover]!, false));
  }
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
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      problems.push(
        ...redundantActions(statement, 'Action', expandedEntries(document, catalog, statement, 'action')),
        ...redundantActions(
          statement,
          'NotAction',
          expandedEntries(document, catalog, statement, 'notAction'),
        ),
        ...redundantResources(statement, 'Resource', literalEntries(statement.resource)),
        ...redundantResources(statement, 'NotResource', literalEntries(statement.notResource)),
      );
    }
    return problems;
  },
} satisfies PolicyCheck;
