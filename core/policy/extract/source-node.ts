import type { SourceRange } from '../document.ts';

/**
 * A JSON-like value with its position, the common tree every input format (JSON, YAML, HCL) is turned into
 * before a policy document is built from it.
 */
export type SourceNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | ArrayNode
  | ObjectNode
  | PlaceholderNode;

/** Where a node is written: file offsets and the matching range. */
interface NodeBase {
  /** File offset of the first character. */
  start: number;
  /** File offset just past the last character. */
  end: number;
  range: SourceRange;
}

/** A string literal. */
export interface StringNode extends NodeBase {
  type: 'string';
  value: string;
}

/** A number, with the text as written (so `012345678901` keeps its leading zero). */
export interface NumberNode extends NodeBase {
  type: 'number';
  value: number;
  /** The number as written in the source. */
  text: string;
}

/** `true` or `false`. */
export interface BooleanNode extends NodeBase {
  type: 'boolean';
  value: boolean;
}

/** `null`. */
export interface NullNode extends NodeBase {
  type: 'null';
}

/** A list. */
export interface ArrayNode extends NodeBase {
  type: 'array';
  items: SourceNode[];
}

/** One key and value of an object. */
export interface ObjectEntry {
  /** The key; a placeholder when the key itself is interpolated (`"${local.issuer}:sub"`). */
  key: StringNode | PlaceholderNode;
  value: SourceNode;
}

/** A mapping, entries in source order (duplicates kept). */
export interface ObjectNode extends NodeBase {
  type: 'object';
  entries: ObjectEntry[];
}

/** A value computed at deploy time. */
export interface PlaceholderNode extends NodeBase {
  type: 'placeholder';
  /** The expression as written. */
  text: string;
  /** The value for the document's raw JSON (e.g. `{ "Ref": "Bucket" }`); the text when absent. */
  raw?: unknown;
}

/** The entry whose key is the literal `key`, the last one when the key is repeated (as JSON.parse does). */
export function findEntry(node: ObjectNode, key: string): ObjectEntry | undefined {
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const entry = node.entries[i]!;
    if (entry.key.type === 'string' && entry.key.value === key) return entry;
  }
  return undefined;
}

/** The value under `key` when `node` is an object, else undefined. */
export function member(node: SourceNode | undefined, key: string): SourceNode | undefined {
  return node?.type === 'object' ? findEntry(node, key)?.value : undefined;
}

/** The literal string value of `node`, or undefined when it is not a string. */
export function stringValue(node: SourceNode | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

/** The node as plain JSON: placeholders become their raw value or their text. */
export function toPlainValue(node: SourceNode): unknown {
  switch (node.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'placeholder':
      return node.raw ?? node.text;
    case 'array':
      return node.items.map(toPlainValue);
    case 'object': {
      const out: Record<string, unknown> = {};
      const entries = node.entries;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        const key = entry.key.type === 'string' ? entry.key.value : entry.key.text;
        const value = toPlainValue(entry.value);
        // A "__proto__" key in a policy must stay data: define it, as assignment would set the prototype. Any other
        // key is assigned, which is the same for a fresh object and much faster (defineProperty per key made this a
        // hot spot of extraction).
        if (key === '__proto__') {
          Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        } else {
          out[key] = value;
        }
      }
      return out;
    }
  }
}
