/**
 * Effective access of one policy document before and after a change. Each Allow statement is compared as sets
 * (actions x resources x principals, under a condition set), never multiplied out: the actions of a statement are
 * split into groups by which statements of the other version also allow them, and each group is compared once
 * per resource and principal. `*` on `*` against `*` on `*` is one group and one comparison.
 */
import type { SourceLocation } from '../../findings/finding.ts';
import { matchesGlob } from '../../findings/glob.ts';
import { statementAnchor } from '../../findings/policy-anchor.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type { PolicyDocument, PolicyStatement, SourceRange } from '../document.ts';
import type { AccessChange, AccessElement, GrantReason, LevelGroup, RemovalReason } from './access-change.ts';
import { rankActions } from './action-sensitivity.ts';
import { conditionsCover, principalCovers, resourceCovers } from './coverage.ts';
import { documentGrants, type GrantTarget, type StatementGrant } from './statement-grants.ts';

/** The two versions of one document; either may be absent (added or deleted). */
export interface DocumentPair {
  /** The document in the base version; absent when the change adds it. */
  base?: PolicyDocument;
  /** The document in the head version; absent when the change deletes it. */
  head?: PolicyDocument;
}

/** An access change with the statement anchor its finding's fingerprint is built from. */
export type AnchoredAccessChange = AccessChange & {
  /** The location-independent anchor of the statement (see `statementAnchor`). */
  anchor: string;
};

/**
 * Why a grant of one version is not in the other, whichever direction is being compared; `fewer-conditions`:
 * the other version allowed it only under more conditions (all of this one's, and others).
 */
type Gap = 'document' | 'action' | 'resource' | 'principal' | 'fewer-conditions' | 'conditions';

const GRANT_REASON: Record<Gap, GrantReason> = {
  document: 'new-document',
  action: 'new-action',
  resource: 'new-resource',
  principal: 'new-principal',
  'fewer-conditions': 'condition-removed',
  conditions: 'condition-changed',
};

const REMOVAL_REASON: Record<Gap, RemovalReason> = {
  document: 'removed-document',
  action: 'removed-action',
  resource: 'removed-resource',
  principal: 'removed-principal',
  // The base allowed it under fewer conditions than the head does.
  'fewer-conditions': 'condition-added',
  conditions: 'condition-changed',
};

/** Access of one statement missing from the other version, gathered per element and gap. */
interface Pending {
  grant: StatementGrant;
  gap: Gap;
  element: AccessElement;
  actions: Set<string>;
  resources: Set<string>;
  principals: Set<string>;
  otherConditions: Set<string>;
}

/** Compares a document's two versions and returns the access granted and removed. */
export function diffDocumentAccess(
  pair: DocumentPair,
  options: {
    /** The catalogue, for expanding actions and ranking them. */
    catalog: IamCatalog;
    /** The file to report removed access in when the head document is gone (e.g. the head path). */
    file: string;
  },
): AnchoredAccessChange[] {
  const { catalog } = options;
  const baseGrants = pair.base ? documentGrants(pair.base, catalog) : [];
  const headGrants = pair.head ? documentGrants(pair.head, catalog) : [];
  const changes: AnchoredAccessChange[] = [];

  if (pair.head) {
    const head = pair.head;
    for (const pending of missingFrom(headGrants, baseGrants, pair.base !== undefined, catalog)) {
      const element = pending.element;
      changes.push({
        ...common(pending, head, catalog),
        direction: 'granted',
        reason: GRANT_REASON[pending.gap],
        location: { file: head.source.file, ...element.range },
      });
    }
  }
  if (pair.base) {
    const base = pair.base;
    for (const pending of missingFrom(baseGrants, headGrants, pair.head !== undefined, catalog)) {
      changes.push({
        ...common(pending, base, catalog),
        ...(pair.head ? { file: pair.head.source.file } : { file: options.file }),
        direction: 'removed',
        reason: REMOVAL_REASON[pending.gap],
        baseLine: pending.grant.statement.range.line,
        location: removalLocation(pending.grant.statement, pair.head, options.file),
      });
    }
  }
  return changes;
}

/** Fields shared by both directions, from the version the pending access belongs to. */
function common(pending: Pending, document: PolicyDocument, catalog: IamCatalog) {
  const statement = pending.grant.statement;
  const sid = typeof statement.sid?.value === 'string' ? statement.sid.value : undefined;
  const ranked: { actions: string[]; byLevel: LevelGroup[] } = rankActions(pending.actions, catalog);
  return {
    file: document.source.file,
    ...(document.source.holder === undefined ? {} : { holder: document.source.holder }),
    policyKind: document.kind,
    statement: { index: statement.index, ...(sid === undefined ? {} : { sid }), range: statement.range },
    element: pending.element,
    actions: ranked.actions,
    byLevel: ranked.byLevel,
    resources: [...pending.resources],
    principals: [...pending.principals].filter((principal) => principal !== ''),
    conditions: pending.grant.conditionLines,
    otherConditions: [...pending.otherConditions],
    anchor: statementAnchor(document, statement),
  };
}

/**
 * Where removed access is reported: the base is not part of the change, so on the head statement with the same
 * Sid, else the head document, else the start of the file.
 */
function removalLocation(
  statement: PolicyStatement,
  head: PolicyDocument | undefined,
  file: string,
): SourceLocation {
  if (!head) return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const sid = statement.sid?.value;
  const same =
    typeof sid === 'string' ? head.statements.find((candidate) => candidate.sid?.value === sid) : undefined;
  const range: SourceRange = same?.range ?? head.source.range;
  return { file: head.source.file, ...range };
}

/**
 * Everything `grants` allow that `others` do not, gathered per statement, element and gap. `otherExists` tells
 * a missing document from a document that misses the action.
 */
function missingFrom(
  grants: readonly StatementGrant[],
  others: readonly StatementGrant[],
  otherExists: boolean,
  catalog: IamCatalog,
): Pending[] {
  const pending = new Map<string, Pending>();
  grants.forEach((grant, grantIndex) => {
    for (const group of groupByOthers(grant, others)) {
      for (const resource of grant.resources) {
        let applicable: readonly string[] | undefined;
        for (const principal of grant.principals) {
          const found = classify(group.others, resource, principal, grant, otherExists);
          if (!found) continue;
          applicable ??= applicableActions(group.actions, resource, catalog);
          if (applicable.length === 0) continue;
          for (const [element, actions] of attribute(
            found.gap,
            grant,
            applicable,
            resource,
            principal,
            catalog,
          )) {
            const key = `${grantIndex}\u0000${found.gap}\u0000${element.name}\u0000${element.range.line}:${element.range.column}`;
            let entry = pending.get(key);
            if (!entry) {
              entry = {
                grant,
                gap: found.gap,
                element,
                actions: new Set(),
                resources: new Set(),
                principals: new Set(),
                otherConditions: new Set(),
              };
              pending.set(key, entry);
            }
            for (const action of actions) entry.actions.add(action);
            entry.resources.add(resource.text);
            entry.principals.add(principal.text);
            for (const line of found.otherConditions) entry.otherConditions.add(line);
          }
        }
      }
    }
  });
  return [...pending.values()];
}

/**
 * The actions `resource` can apply to: `s3:*` on an object ARN grants no bucket action, so a change adding it must
 * not be reported as granting s3:PutBucketPolicy. Only checked for what is missing from the other version, and
 * never for `*`, placeholders or a missing Resource, which may apply to anything.
 */
function applicableActions(
  actions: readonly string[],
  resource: GrantTarget,
  catalog: IamCatalog,
): readonly string[] {
  if (!resource.literal || resource.element !== 'Resource' || /^\*+$/.test(resource.text)) return actions;
  return actions.filter((key) => {
    const info = catalog.action(key);
    if (info === undefined) return true;
    const match = catalog.matchResource(resource.text, info);
    // An action without resource-level permissions is requested on "*": only a value matching "*" grants it.
    if (match.resultType === 'wildcard-only') return matchesGlob(resource.text, '*');
    return match.resultType !== 'no-match';
  });
}

/** The grant's actions split by which of `others` allow them: each group is compared once. */
function groupByOthers(
  grant: StatementGrant,
  others: readonly StatementGrant[],
): { others: StatementGrant[]; actions: string[] }[] {
  const groups = new Map<string, { others: StatementGrant[]; actions: string[] }>();
  for (const action of grant.actions) {
    let key = '';
    for (let index = 0; index < others.length; index++)
      if (others[index]!.actions.has(action)) key += `${index},`;
    let group = groups.get(key);
    if (!group) {
      group = { others: others.filter((other) => other.actions.has(action)), actions: [] };
      groups.set(key, group);
    }
    group.actions.push(action);
  }
  return [...groups.values()];
}

/** Why `others` (the statements that allow these actions) do not cover the resource and principal; undefined when they do. */
function classify(
  others: readonly StatementGrant[],
  resource: GrantTarget,
  principal: GrantTarget,
  grant: StatementGrant,
  otherExists: boolean,
): { gap: Gap; otherConditions: string[] } | undefined {
  if (others.length === 0) return { gap: otherExists ? 'action' : 'document', otherConditions: [] };
  const onResource = others.filter((other) =>
    other.resources.some((candidate) => resourceCovers(candidate, resource)),
  );
  if (onResource.length === 0) return { gap: 'resource', otherConditions: [] };
  const forPrincipal = onResource.filter((other) =>
    other.principals.some((candidate) => principalCovers(candidate, principal)),
  );
  if (forPrincipal.length === 0) return { gap: 'principal', otherConditions: [] };
  if (forPrincipal.some((other) => conditionsCover(other.conditions, grant.conditions))) return undefined;
  const stricter = forPrincipal.filter((other) => conditionsCover(grant.conditions, other.conditions));
  if (stricter.length > 0)
    return { gap: 'fewer-conditions', otherConditions: stricter.flatMap((other) => other.conditionLines) };
  return { gap: 'conditions', otherConditions: forPrincipal.flatMap((other) => other.conditionLines) };
}

/** The element each action's missing access is attributed to: the action entry, resource, principal or condition. */
function attribute(
  gap: Gap,
  grant: StatementGrant,
  actions: readonly string[],
  resource: GrantTarget,
  principal: GrantTarget,
  catalog: IamCatalog,
): [AccessElement, readonly string[]][] {
  if (gap === 'resource') return [[targetElement(resource), actions]];
  if (gap === 'principal') return [[targetElement(principal), actions]];
  const condition = grant.statement.condition;
  if (gap === 'conditions' && condition) {
    return [[{ name: 'Condition', text: grant.conditionLines.join('; '), range: condition.range }, actions]];
  }
  if (grant.sources.length <= 1) {
    const source = grant.sources[0];
    const element: AccessElement = source
      ? { name: source.element, text: source.text, range: source.range }
      : { name: 'Action', text: '', range: grant.statement.range };
    return [[element, actions]];
  }
  // The first entry that grants an action is the line that grants it (a later, wider one repeats it).
  const bySource = new Map<number, string[]>();
  for (const action of actions) {
    const info = catalog.action(action);
    let index = grant.sources.findIndex((source) => source.covers(action, info));
    if (index === -1) index = 0;
    const list = bySource.get(index);
    if (list) list.push(action);
    else bySource.set(index, [action]);
  }
  return [...bySource].map(([index, list]) => {
    const source = grant.sources[index];
    const element: AccessElement = source
      ? { name: source.element, text: source.text, range: source.range }
      : { name: 'Action', text: '', range: grant.statement.range };
    return [element, list];
  });
}

function targetElement(target: GrantTarget): AccessElement {
  return { name: target.element, text: target.text, range: target.range };
}
