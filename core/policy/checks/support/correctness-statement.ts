/**
 * Small statement readers the correctness checks share. Checks judge only what is written: deploy-time
 * placeholders are never read as values, so they can never be reported as wrong.
 */
import type { IamCatalog } from '../../catalog/iam-catalog.ts';
import type { ElementList, Located, PolicyDocument, PolicyStatement } from '../../document.ts';

/** The two effects IAM accepts. */
export type StatementEffect = 'Allow' | 'Deny';

/** The statement's effect when it is literally `Allow` or `Deny`; undefined when missing, invalid or computed. */
export function effectOf(statement: PolicyStatement): StatementEffect | undefined {
  const value = statement.effect?.value;
  return value === 'Allow' || value === 'Deny' ? value : undefined;
}

/**
 * The entries of an element list that are literal strings (placeholders left out): the entries themselves, not
 * copies (every check asks for them, so copying each entry each time was a large share of the allocation).
 */
export function literalEntries(list: ElementList | undefined): Located<string>[] {
  const literal: Located<string>[] = [];
  if (!list) return literal;
  const entries = list.entries;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (typeof entry.value === 'string') literal.push(entry as Located<string>);
  }
  return literal;
}

/** True when any entry of the list is computed at deploy time. */
export function hasPlaceholderEntry(list: ElementList | undefined): boolean {
  return (list?.entries ?? []).some((entry) => typeof entry.value !== 'string');
}

/** True when `value` is only wildcards (`*`, `**`): every resource, every action. */
export function isStar(value: string): boolean {
  // The first character rules out nearly every value without running the expression.
  return value.charCodeAt(0) === 42 && /^\*+$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document's top-level object as written, or undefined when it is not an object. */
export function rawPolicy(document: PolicyDocument): Record<string, unknown> | undefined {
  return isRecord(document.raw) ? document.raw : undefined;
}

/** The statement object as written (for keys the model does not keep), or undefined. */
export function rawStatement(
  document: PolicyDocument,
  statement: PolicyStatement,
): Record<string, unknown> | undefined {
  const list = rawPolicy(document)?.Statement;
  const raw = Array.isArray(list) ? (list as unknown[])[statement.index] : list;
  return isRecord(raw) ? raw : undefined;
}

const serviceNames = new WeakMap<IamCatalog, ReadonlyMap<string, string>>();

/** AWS's name for a service prefix ('Amazon S3' for 's3'), or the prefix when the catalogue has none. */
export function serviceName(catalog: IamCatalog, prefix: string): string {
  let names = serviceNames.get(catalog);
  if (!names) {
    names = new Map(catalog.services().map((service) => [service.prefix, service.name]));
    serviceNames.set(catalog, names);
  }
  return names.get(prefix.toLowerCase()) ?? prefix;
}

/** Joins values for a message: `"a"`, `"a" and "b"`, `"a", "b" and 2 more`. */
export function quoteList(values: readonly string[], limit = 3): string {
  const quoted = values.slice(0, limit).map((value) => JSON.stringify(value));
  const rest = values.length - quoted.length;
  if (rest > 0) return `${quoted.join(', ')} and ${rest} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
