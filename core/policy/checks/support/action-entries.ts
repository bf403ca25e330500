/**
 * The literal entries of a statement's Action or NotAction with what each expands to, worked out once per document
 * and shared by the checks: unknown-action, redundant-entry, action-resource-mismatch, condition-key-not-supported
 * and the permission analysis all walk every Action value, and asking the catalogue again for each one (a string-keyed
 * lookup per value per check) was a large share of their time.
 *
 * Only the document checked last is kept. The checks run one after another on one document, so they all find it
 * here, and its lists are collected young once they move on instead of living as long as the document.
 */
import type { ActionExpansion } from '../../catalog/action-expansion.ts';
import type { IamCatalog } from '../../catalog/iam-catalog.ts';
import type { ElementList, Located, PolicyDocument, PolicyStatement } from '../../document.ts';

/** An element's literal entries and their expansions. */
export interface ExpandedEntries {
  /** The entries whose value is a literal string, in source order (placeholders left out). */
  readonly entries: readonly Located<string>[];
  /** What each entry expands to in the catalogue, parallel to `entries`. */
  readonly expansions: readonly ActionExpansion[];
  /** The indexes of the entries that name no action (invalid, unknown service or action): usually none. */
  readonly unknown: readonly number[];
}

const NONE: readonly never[] = Object.freeze([]);

const EMPTY: ExpandedEntries = Object.freeze({ entries: NONE, expansions: NONE, unknown: NONE });

/** The lists of the document checked last, by statement index: its Action lists, its NotAction lists. */
let current:
  | {
      document: PolicyDocument;
      catalog: IamCatalog;
      action: (ExpandedEntries | undefined)[];
      notAction: (ExpandedEntries | undefined)[];
    }
  | undefined;

function expand(catalog: IamCatalog, list: ElementList): ExpandedEntries {
  const entries: Located<string>[] = [];
  const expansions: ActionExpansion[] = [];
  let unknown: number[] | undefined;
  const listed = list.entries;
  for (let i = 0; i < listed.length; i++) {
    const entry = listed[i]!;
    if (typeof entry.value !== 'string') continue;
    const expansion = catalog.expandActionPattern(entry.value);
    if (expansion.resultType !== 'exact' && expansion.resultType !== 'wildcard') {
      unknown ??= [];
      unknown.push(entries.length);
    }
    entries.push(entry as Located<string>);
    expansions.push(expansion);
  }
  return { entries, expansions, unknown: unknown ?? NONE };
}

/**
 * The literal entries of a statement's Action or NotAction (`element`) and their expansions. Kept by statement index
 * (unique in a document), not in a table keyed by the list object: an identity hash made for each new list and a
 * hash lookup per check cost more than the array.
 */
export function expandedEntries(
  document: PolicyDocument,
  catalog: IamCatalog,
  statement: PolicyStatement,
  element: 'action' | 'notAction',
): ExpandedEntries {
  const list = element === 'action' ? statement.action : statement.notAction;
  if (!list) return EMPTY;
  if (current === undefined || current.document !== document || current.catalog !== catalog)
    current = { document, catalog, action: [], notAction: [] };
  const kept = element === 'action' ? current.action : current.notAction;
  let expanded = kept[statement.index];
  if (!expanded) {
    expanded = expand(catalog, list);
    kept[statement.index] = expanded;
  }
  return expanded;
}
