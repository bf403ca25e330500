import type { LineIndex } from '../line-index.ts';
import type { ObjectEntry, PlaceholderNode, SourceNode, StringNode } from '../source-node.ts';
import type { Expression, Span } from './ast.ts';

/**
 * Converts an HCL expression into the positioned tree, as `jsonencode` would see it: literals, lists and
 * objects keep their structure; templates with interpolations, references, calls and operators become
 * placeholders holding their source text.
 */
export function hclToSourceNode(expression: Expression, text: string, lines: LineIndex): SourceNode {
  const at = (span: Span) => ({ start: span.start, end: span.end, range: lines.range(span.start, span.end) });
  const placeholder = (span: Span, shown = text.slice(span.start, span.end)): PlaceholderNode => ({
    type: 'placeholder',
    text: shown,
    ...at(span),
  });

  function key(expression: Expression): StringNode | PlaceholderNode {
    // A bare identifier key (`Version = ...`) is the string itself, not a variable.
    if (expression.type === 'reference' && expression.end - expression.start === expression.root.length) {
      return { type: 'string', value: expression.root, ...at(expression) };
    }
    const node = convert(expression);
    if (node.type === 'string' || node.type === 'placeholder') return node;
    if (node.type === 'number') return { type: 'string', value: node.text, ...at(expression) };
    return placeholder(expression);
  }

  function convert(expression: Expression): SourceNode {
    switch (expression.type) {
      case 'template': {
        const { decoded, interpolated } = expression.template;
        if (interpolated) return placeholder(expression, decoded.text);
        return { type: 'string', value: decoded.text, ...at(expression) };
      }
      case 'number':
        return { type: 'number', value: expression.value, text: expression.text, ...at(expression) };
      case 'bool':
        return { type: 'boolean', value: expression.value, ...at(expression) };
      case 'null':
        return { type: 'null', ...at(expression) };
      case 'tuple':
        return { type: 'array', items: expression.items.map(convert), ...at(expression) };
      case 'object': {
        const entries: ObjectEntry[] = expression.items.map((item) => ({
          key: key(item.key),
          value: convert(item.value),
        }));
        return { type: 'object', entries, ...at(expression) };
      }
      default:
        return placeholder(expression);
    }
  }

  return convert(expression);
}
