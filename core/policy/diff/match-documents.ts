/**
 * Pairs the documents of a file's base and head versions by identity, never by position: the holder (Terraform
 * address, CloudFormation path) and the kind, so inserting a resource above another does not pair the wrong two.
 * A named policy (a CloudFormation PolicyName) is paired by its name first, so re-ordering a role's Policies
 * list keeps each policy paired with itself.
 */
import type { PolicyDocument } from '../document.ts';
import type { DocumentPair } from './diff-documents.ts';

/** The identity of a document within its file; repeats are told apart by their order. */
function identities(
  documents: readonly PolicyDocument[],
  key: (document: PolicyDocument) => string,
): string[] {
  const seen = new Map<string, number>();
  return documents.map((document) => {
    const base = key(document);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return `${base}\u0000${occurrence}`;
  });
}

const byHolder = (document: PolicyDocument): string =>
  JSON.stringify([document.kind, document.source.holder ?? '']);

// The holder without list positions: `Resources.Role.Properties.Policies[]` for every policy of that role.
const byName = (document: PolicyDocument): string =>
  JSON.stringify([
    document.kind,
    (document.source.holder ?? '').replace(/\[\d+\]/g, '[]'),
    document.source.name ?? '',
  ]);

/** Base and head documents paired by identity; unpaired ones come back alone (added or deleted). */
export function matchDocuments(
  base: readonly PolicyDocument[],
  head: readonly PolicyDocument[],
): DocumentPair[] {
  const pairs: DocumentPair[] = [];
  const baseLeft = new Set(base);
  const headLeft = new Set(head);

  const pairBy = (
    key: (document: PolicyDocument) => string,
    usable: (document: PolicyDocument) => boolean,
  ) => {
    const candidates = [...baseLeft].filter(usable);
    const baseIds = new Map(identities(candidates, key).map((id, index) => [id, candidates[index]!]));
    const heads = [...headLeft].filter(usable);
    identities(heads, key).forEach((id, index) => {
      const match = baseIds.get(id);
      if (!match || !baseLeft.has(match)) return;
      const document = heads[index]!;
      pairs.push({ base: match, head: document });
      baseLeft.delete(match);
      headLeft.delete(document);
    });
  };
  // Names first: a list position moves when a policy is inserted above, a name does not.
  pairBy(byName, (document) => document.source.name !== undefined);
  pairBy(byHolder, () => true);

  for (const document of headLeft) pairs.push({ head: document });
  for (const document of baseLeft) pairs.push({ base: document });
  return pairs;
}
