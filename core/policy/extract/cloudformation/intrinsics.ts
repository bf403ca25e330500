import { type SourceNode, toPlainValue } from '../source-node.ts';

/** The short-form tags of CloudFormation YAML, each naming an intrinsic function. */
export const INTRINSIC_TAGS = [
  'Ref',
  'Sub',
  'GetAtt',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Cidr',
  'GetAZs',
  'Condition',
  'Transform',
] as const;

/** The long-form key of a short-form tag: `!Ref` is `Ref`, `!Condition` is `Condition`, others `Fn::<name>`. */
export function intrinsicKey(tagName: string): string {
  return tagName === 'Ref' || tagName === 'Condition' ? tagName : `Fn::${tagName}`;
}

/** True when `key` is the single key of a long-form intrinsic (`{ "Ref": ... }`, `{ "Fn::Join": ... }`). */
export function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key.startsWith('Fn::');
}

/**
 * The node an intrinsic call stands for: a placeholder, or the plain string when it is an `Fn::Sub` with
 * nothing to substitute (`${!Literal}` is the escape for a literal `${Literal}`).
 */
export function intrinsicNode(
  key: string,
  argument: SourceNode,
  span: { start: number; end: number; range: SourceNode['range'] },
  text: string,
): SourceNode {
  if (key === 'Fn::Sub' && argument.type === 'string') {
    const literal = substitutionFree(argument.value);
    if (literal !== undefined)
      return { type: 'string', value: literal, start: span.start, end: span.end, range: span.range };
  }
  const raw = { [key]: toPlainValue(argument) };
  return { type: 'placeholder', text, raw, start: span.start, end: span.end, range: span.range };
}

/** The template with `${!x}` unescaped, or undefined when it substitutes something. */
function substitutionFree(template: string): string | undefined {
  let out = '';
  let from = 0;
  for (let at = template.indexOf('${'); at !== -1; at = template.indexOf('${', at + 2)) {
    if (template[at + 2] !== '!') return undefined;
    out += `${template.slice(from, at)}\${`;
    from = at + 3;
  }
  return out + template.slice(from);
}

/**
 * Replaces long-form intrinsics (`{ "Fn::GetAtt": [...] }`) by placeholders throughout `node`, as written
 * in CloudFormation JSON or in YAML without short-form tags.
 */
export function resolveIntrinsics(node: SourceNode, fileText: string): SourceNode {
  if (node.type === 'array') {
    return { ...node, items: node.items.map((item) => resolveIntrinsics(item, fileText)) };
  }
  if (node.type !== 'object') return node;
  const only = node.entries.length === 1 ? node.entries[0] : undefined;
  if (only && only.key.type === 'string' && isIntrinsicKey(only.key.value)) {
    return intrinsicNode(only.key.value, only.value, node, fileText.slice(node.start, node.end));
  }
  return {
    ...node,
    entries: node.entries.map((entry) => ({
      key: entry.key,
      value: resolveIntrinsics(entry.value, fileText),
    })),
  };
}
