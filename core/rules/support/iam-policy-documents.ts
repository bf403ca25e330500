import type { PolicyDocument, PolicyKind, PolicyStatement } from '../../policy/document.ts';
import { extractPolicies } from '../../policy/extract/extract-policies.ts';

/**
 * Parsed documents by collected document object and kind: several rules read the same trust or inline policy in one
 * scan, and parsing is the expensive part. Keyed weakly, so a finished scan's inventory is not kept alive.
 */
const parsed = new WeakMap<object, Map<PolicyKind, PolicyDocument | null>>();

/** A file-name-safe form of an IAM name for the synthetic path the policy machinery wants. */
function pathPart(name: string): string {
  return name.replace(/[^\w+=,.@-]/g, '_');
}

/**
 * A synthetic path naming where a collected policy lives, e.g. `policyPath('role', 'deploy', 'inline', 'ci')` ->
 * `iam/role/deploy/inline/ci.json`: the policy checks speak of files, and this is the file a document stands for.
 */
export function policyPath(...parts: string[]): string {
  return `iam/${parts.map(pathPart).join('/')}.json`;
}

/**
 * A collected IAM policy document (decoded JSON) as the policy model the checks read: it is serialised with two-space
 * indentation (the line numbers some check messages quote refer to that layout, as IAM's console shows it) and
 * extracted like a bare policy file, then given its real kind. Undefined for a document that is missing or is not
 * a JSON object (the collector keeps text it could not decode; IAM itself never stores such a policy).
 */
export function policyDocumentOf(raw: unknown, kind: PolicyKind, path: string): PolicyDocument | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  let byKind = parsed.get(raw);
  if (!byKind) {
    byKind = new Map();
    parsed.set(raw, byKind);
  }
  const cached = byKind.get(kind);
  if (cached !== undefined) return cached ?? undefined;
  const document = extractPolicies({ path, text: JSON.stringify(raw, null, 2) }).documents[0];
  if (document) document.kind = kind;
  byKind.set(kind, document ?? null);
  return document;
}

/** How messages name a statement: its Sid, else its position (`Statement[0]`). */
export function statementLabel(statement: PolicyStatement): string {
  const sid = statement.sid?.value;
  return typeof sid === 'string' && sid !== '' ? `Statement "${sid}"` : `Statement[${statement.index}]`;
}
