import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Tags, YAMLMap, YAMLSeq } from 'yaml';
import type { LocatedProblem } from '../extract-result.ts';
import type { LineIndex } from '../line-index.ts';
import type { ObjectEntry, SourceNode, StringNode } from '../source-node.ts';
import { INTRINSIC_TAGS, intrinsicKey, intrinsicNode } from './intrinsics.ts';

/** Short-form intrinsic tags for the yaml parser, in the scalar, sequence and mapping forms each may take. */
export const CLOUDFORMATION_TAGS: Tags = INTRINSIC_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, nodeClass: YAMLSeq },
  { tag: `!${name}`, collection: 'map' as const, nodeClass: YAMLMap },
]);

/**
 * Alias expansion beyond this many values is refused: a few nested aliases ("billion laughs") would
 * otherwise expand to more values than memory holds.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Nesting deeper than this is not converted; no template needs it and the stack must not overflow. */
const MAX_DEPTH = 200;

const INTRINSIC_TAG_SET = new Set<string>(INTRINSIC_TAGS.map((name) => `!${name}`));

/** A converted YAML document and the problems met converting it. */
export interface ConvertedYaml {
  node: SourceNode | undefined;
  problems: LocatedProblem[];
}

/**
 * Converts a parsed YAML document into a positioned tree: short-form intrinsics become placeholders,
 * aliases share the converted anchor (bounded by MAX_ALIAS_EXPANSION), numbers keep their source text.
 */
export function yamlToSourceNode(document: Document.Parsed, text: string, lines: LineIndex): ConvertedYaml {
  const problems: LocatedProblem[] = [];
  const anchors = new Map<string, { node: SourceNode; size: number }>();
  let converted = 0;
  let expanded = 0;
  let aliasLimitReported = false;

  function span(start: number, end: number) {
    return { start, end, range: lines.range(start, end) };
  }

  function opaque(start: number, end: number, message: string): SourceNode {
    problems.push({ kind: 'invalid-policy', message, range: lines.range(start, end) });
    return { type: 'placeholder', text: text.slice(start, end), ...span(start, end) };
  }

  function convert(node: Node | null | undefined, fallbackAt: number, depth: number): SourceNode {
    if (!node?.range) return { type: 'null', ...span(fallbackAt, fallbackAt) };
    const start = node.range[0];
    const end = trimEnd(start, node.range[1]);
    if (isAlias(node)) return expandAlias(node.source, start, end);
    if (depth > MAX_DEPTH) return opaque(start, end, `YAML nested deeper than ${MAX_DEPTH} levels`);
    const before = converted;
    const result = convertTagged(node, start, end, depth);
    converted++;
    const anchor = 'anchor' in node ? node.anchor : undefined;
    if (typeof anchor === 'string') anchors.set(anchor, { node: result, size: converted - before });
    return result;
  }

  function expandAlias(name: string, start: number, end: number): SourceNode {
    const anchor = anchors.get(name);
    if (!anchor) return { type: 'placeholder', text: `*${name}`, ...span(start, end) };
    if (expanded + anchor.size > MAX_ALIAS_EXPANSION) {
      // Reported once: a bomb has thousands of aliases, and one problem says it all.
      if (aliasLimitReported) return { type: 'placeholder', text: `*${name}`, ...span(start, end) };
      aliasLimitReported = true;
      const message = `YAML aliases expand to over ${MAX_ALIAS_EXPANSION} values; *${name} and later aliases are not expanded`;
      return opaque(start, end, message);
    }
    expanded += anchor.size;
    converted += anchor.size;
    return anchor.node;
  }

  function convertTagged(node: Node, start: number, end: number, depth: number): SourceNode {
    const tag = node.tag;
    const plain = convertPlain(node, start, end, depth);
    if (!tag || !INTRINSIC_TAG_SET.has(tag)) return plain;
    const tagAt = text.lastIndexOf(tag, start);
    const from = tagAt !== -1 && text.slice(tagAt + tag.length, start).trim() === '' ? tagAt : start;
    return intrinsicNode(intrinsicKey(tag.slice(1)), plain, span(from, end), text.slice(from, end));
  }

  function convertPlain(node: Node, start: number, end: number, depth: number): SourceNode {
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'string') return { type: 'string', value, ...span(start, end) };
      if (typeof value === 'number')
        return { type: 'number', value, text: node.source ?? String(value), ...span(start, end) };
      if (typeof value === 'boolean') return { type: 'boolean', value, ...span(start, end) };
      if (value === null || value === undefined) return { type: 'null', ...span(start, end) };
      return { type: 'string', value: node.source ?? String(value), ...span(start, end) };
    }
    if (isSeq(node)) {
      return {
        type: 'array',
        items: node.items.map((item) => convert(item as Node, end, depth + 1)),
        ...span(start, end),
      };
    }
    if (isMap(node)) {
      const entries: ObjectEntry[] = [];
      const pairs = node.items;
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i]!;
        const key = pair.key as Node | null;
        if (!isScalar(key) || !key.range) continue;
        const keyStart = key.range[0];
        const keyEnd = key.range[1];
        const name = typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
        const keyNode: StringNode = { type: 'string', value: name, ...span(keyStart, keyEnd) };
        entries.push({ key: keyNode, value: convert(pair.value as Node | null, keyEnd, depth + 1) });
      }
      return { type: 'object', entries, ...span(start, end) };
    }
    return { type: 'null', ...span(start, end) };
  }

  /** Block values end where their last non-blank character does, not at the next line. */
  function trimEnd(start: number, end: number): number {
    let at = end;
    while (at > start && /\s/.test(text[at - 1]!)) at--;
    return at;
  }

  const root = document.contents;
  return { node: root ? convert(root, 0, 0) : undefined, problems };
}
