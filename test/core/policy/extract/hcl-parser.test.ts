// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform, CloudFormation and IAM syntax under test.
import { parse as hcl2json } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { Body, Expression } from '../../../../core/policy/extract/hcl/ast.ts';
import { parseHcl } from '../../../../core/policy/extract/hcl/parser.ts';
import { fixture } from './position-harness.ts';

/** The parsed body in the shape hcl2json gives, so the two parsers can be compared on real files. */
function hcl2jsonShape(body: Body, text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const attribute of body.attributes) out[attribute.name] = expressionShape(attribute.value, text);
  for (const block of body.blocks) {
    let holder = out as Record<string, unknown>;
    let key = block.type;
    for (const label of block.labels) {
      holder[key] ??= {};
      holder = holder[key] as Record<string, unknown>;
      key = label.value;
    }
    holder[key] = [...((holder[key] as unknown[] | undefined) ?? []), hcl2jsonShape(block.body, text)];
  }
  return out;
}

function expressionShape(expression: Expression, text: string): unknown {
  switch (expression.type) {
    case 'template':
      return expression.template.decoded.text;
    case 'number':
    case 'bool':
      return expression.value;
    case 'null':
      return null;
    case 'tuple':
      return expression.items.map((item) => expressionShape(item, text));
    default:
      return `\${${text.slice(expression.start, expression.end)}}`;
  }
}

function parsed(text: string): Body {
  const result = parseHcl(text);
  if (!result.ok) throw new Error(result.message);
  return result.body;
}

describe('HCL parser', () => {
  it.each(['terraform/main.tf', 'terraform/resource-policies.tf'])(
    'reads %s as hcl2json does',
    async (name) => {
      const { text } = fixture(name);
      // hcl2json writes interpolated templates back as templates, keeping the $${ escape this parser decodes.
      const reference = JSON.parse(JSON.stringify(await hcl2json(name, text)).replaceAll('$${', '${'));
      expect(hcl2jsonShape(parsed(text), text)).toEqual(reference);
    },
  );

  it.each([
    ['a = "x\\"y\\\\z\\n\\u00e9"', 'x"y\\z\né'],
    ['a = "$${aws:username} %%{x}"', '${aws:username} %{x}'],
    ['a = "${"}"} and ${ {a = 1}.a }"', '${"}"} and ${ {a = 1}.a }'],
    ['a = <<EOT\n  one\n    two\nEOT\n', '  one\n    two\n'],
    ['a = <<-EOT\n    one\n      two\n    EOT\n', 'one\n  two\n'],
  ])('decodes the template in %j', (source, decoded) => {
    const value = parsed(source).attributes[0]?.value;
    expect(value?.type === 'template' && value.template.decoded.text).toBe(decoded);
  });

  it('keeps each decoded character pointing at its source offset', () => {
    const source = 'a = <<-EOT\n    {"k": "v"}\n    EOT\n';
    const value = parsed(source).attributes[0]?.value;
    if (value?.type !== 'template') throw new Error('expected a template');
    const { text, offsets } = value.template.decoded;
    expect(source[offsets[text.indexOf('"v"')]!]).toBe('"');
    expect(offsets[text.indexOf('"v"')]).toBe(source.indexOf('"v"'));
  });

  it('reads blocks, labels, comments and one-line blocks', () => {
    const source = [
      '# a comment',
      'resource "aws_iam_role" deploy { // trailing',
      '  /* block',
      '     comment */',
      '  tags = { Team = "x", "b:c" : 2 }',
      '  inline_policy { name = "n" }',
      '}',
    ].join('\n');
    const result = parseHcl(source);
    if (!result.ok) throw new Error(result.message);
    const [block] = result.body.blocks;
    expect(block?.labels.map((l) => l.value)).toEqual(['aws_iam_role', 'deploy']);
    expect(block?.body.attributes.map((a) => a.name)).toEqual(['tags']);
    expect(block?.body.blocks[0]?.body.attributes[0]?.name).toBe('name');
    expect(result.comments.map((c) => c.text)).toEqual([
      '# a comment',
      '// trailing',
      '/* block\n     comment */',
    ]);
  });

  it.each([
    ['a = 1 + 2 * var.x', 'opaque'],
    ['a = var.x ? "a" : "b"', 'opaque'],
    ['a = [for x in y : x]', 'opaque'],
    ['a = { for k, v in m : k => v }', 'opaque'],
    ['a = aws_iam_role.x[0].arn', 'reference'],
    ['a = var.list[*].id', 'reference'],
    ['a = concat(["a"], var.b...)', 'call'],
    ['a = -1.5e3', 'number'],
    ['a = !true', 'opaque'],
    ['a = (var.x)', 'reference'],
  ])('parses %j as %s', (source, type) => {
    expect(parsed(source).attributes[0]?.value.type).toBe(type);
  });

  it.each([
    ['a = ', 'expected an expression, found end of file', 4],
    ['a = "open', 'unterminated string', 4],
    ['a = <<EOT\nnever closed\n', 'heredoc EOT is never closed', 4],
    ['resource "x" {\n  a = 1\n', 'expected "}" to close the block, found end of file', 23],
    ['a = 1 b = 2', 'expected a newline after the attribute, found "b"', 6],
    ['a = [1, 2', 'expected "]" to close the list, found end of file', 9],
    ['a = "\\q"', 'invalid escape "\\\\q"', 5],
    ['a = @', 'unexpected character "@"', 4],
    ['/* open', 'unterminated /* comment', 0],
    [`a = ${'-'.repeat(300)}1`, 'expressions nested deeper than 200 levels', 205],
    [`a = ${'['.repeat(300)}`, 'expressions nested deeper than 200 levels', 205],
  ])('reports %j: %s', (source, message, at) => {
    expect(parseHcl(source)).toEqual({ ok: false, message, at });
  });
});
