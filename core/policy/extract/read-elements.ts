import type { ElementList, Located, PolicyScalar } from '../document.ts';
import { abbreviate } from './abbreviate.ts';
import type { LocatedProblem } from './extract-result.ts';
import { isInterpolated } from './interpolation.ts';
import type { ObjectEntry, ObjectNode, SourceNode } from './source-node.ts';

/** Collects problems while one document is read, and says how lenient to be. */
export interface ReadContext {
  problems: LocatedProblem[];
  /** Accept numbers and booleans where strings belong, as CloudFormation does (`AWS: 123456789012`). */
  coerceScalars: boolean;
}

const TYPE_NAMES: Record<SourceNode['type'], string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  array: 'an array',
  object: 'an object',
  placeholder: 'a computed value',
};

/** Records that `node` is of the wrong type for `what`. */
export function wrongType(context: ReadContext, node: SourceNode, what: string, expected: string): void {
  context.problems.push({
    kind: 'invalid-policy',
    message: `${what} must be ${expected}, not ${TYPE_NAMES[node.type]}`,
    range: node.range,
  });
}

/** Records that `node` is computed at deploy time, so what it holds is not analysed. */
export function unresolved(context: ReadContext, node: SourceNode, what: string): void {
  const shown = node.type === 'placeholder' ? abbreviate(node.text) : 'a computed value';
  context.problems.push({
    kind: 'unresolved',
    message: `${what} is computed at deploy time (${shown}), so it is not analysed`,
    range: node.range,
  });
}

/**
 * Reads a string element. Strings holding a template interpolation become placeholders; numbers and
 * booleans are accepted as their text when `lenient` (condition values) or when the context coerces.
 */
export function readScalar(
  context: ReadContext,
  node: SourceNode,
  what: string,
  lenient = false,
): Located<PolicyScalar> | undefined {
  switch (node.type) {
    case 'string':
      return {
        value: isInterpolated(node.value) ? { kind: 'placeholder', text: node.value } : node.value,
        range: node.range,
      };
    case 'placeholder':
      return { value: { kind: 'placeholder', text: node.text }, range: node.range };
    case 'number':
      if (lenient || context.coerceScalars) return { value: node.text, range: node.range };
      break;
    case 'boolean':
      if (lenient || context.coerceScalars) return { value: String(node.value), range: node.range };
      break;
  }
  wrongType(context, node, what, 'a string');
  return undefined;
}

/** Reads a string or a list of strings (Action, Resource, principal identifiers, condition values). */
export function readScalarList(
  context: ReadContext,
  node: SourceNode,
  what: string,
  lenient = false,
): Located<PolicyScalar>[] {
  if (node.type !== 'array') {
    if (node.type === 'object' || node.type === 'null') {
      wrongType(context, node, what, 'a string or an array of strings');
      return [];
    }
    const single = readScalar(context, node, what, lenient);
    return single ? [single] : [];
  }
  const entries: Located<PolicyScalar>[] = [];
  const items = node.items;
  for (let i = 0; i < items.length; i++) {
    const entry = readScalar(context, items[i]!, `each entry of ${what}`, lenient);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Reads an Action, NotAction, Resource or NotResource element. */
export function readElementList(context: ReadContext, entry: ObjectEntry, what: string): ElementList {
  return {
    range: entry.value.range,
    keyRange: entry.key.range,
    entries: readScalarList(context, entry.value, what),
  };
}

/**
 * The entries of `node` keyed by name, reporting keys outside `allowed` and repeated keys (the last one
 * wins, as in JSON.parse, but IAM rejects the document).
 */
export function knownEntries(
  context: ReadContext,
  node: ObjectNode,
  allowed: readonly string[],
  where: string,
): Map<string, ObjectEntry> {
  const byKey = new Map<string, ObjectEntry>();
  const nodeEntries = node.entries;
  for (let i = 0; i < nodeEntries.length; i++) {
    const entry = nodeEntries[i]!;
    if (entry.key.type !== 'string' || !allowed.includes(entry.key.value)) {
      reportUnknownKey(context, entry, allowed, where);
      continue;
    }
    if (byKey.has(entry.key.value)) reportRepeatedKey(context, entry, where);
    byKey.set(entry.key.value, entry);
  }
  return byKey;
}

/** Reports a key outside `allowed` in `where`. */
export function reportUnknownKey(
  context: ReadContext,
  entry: ObjectEntry,
  allowed: readonly string[],
  where: string,
): void {
  const name = entry.key.type === 'string' ? entry.key.value : entry.key.text;
  context.problems.push({
    kind: 'invalid-policy',
    message: `unknown key ${JSON.stringify(name)} in ${where}; expected one of ${allowed.join(', ')}`,
    range: entry.key.range,
  });
}

/** Reports a key written again in `where` (a string key: only those are known). */
export function reportRepeatedKey(context: ReadContext, entry: ObjectEntry, where: string): void {
  const name = entry.key.type === 'string' ? entry.key.value : entry.key.text;
  context.problems.push({
    kind: 'invalid-policy',
    message: `${name} appears more than once in ${where}; only the last one counts`,
    range: entry.key.range,
  });
}
