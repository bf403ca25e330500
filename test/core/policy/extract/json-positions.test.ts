// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform, CloudFormation and IAM syntax under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonWithPositions } from '../../../../core/policy/extract/json-positions.ts';
import { createLineIndex } from '../../../../core/policy/extract/line-index.ts';
import { fileLocator } from '../../../../core/policy/extract/mapped-text.ts';
import { type SourceNode, toPlainValue } from '../../../../core/policy/extract/source-node.ts';
import { showRange } from './position-harness.ts';

function parsed(text: string, template = false): SourceNode {
  const result = parseJsonWithPositions(text, { template });
  if (!result.ok) throw new Error(result.message);
  return result.node;
}

describe('JSON parser with positions', () => {
  it('gives every value its range, strings with their quotes', () => {
    const node = parsed('{\n  "a": [1, "x\\ny", true],\n  "b": null\n}');
    if (node.type !== 'object') throw new Error('expected an object');
    const [a, b] = node.entries;
    expect(showRange(node.range)).toBe('1:1-4:2');
    expect(a && showRange(a.key.range)).toBe('2:3-2:6');
    expect(a?.value.type === 'array' && a.value.items.map((item) => showRange(item.range))).toEqual([
      '2:9-2:10',
      '2:12-2:18',
      '2:20-2:24',
    ]);
    expect(b && showRange(b.value.range)).toBe('3:8-3:12');
  });

  it('reads what JSON.parse reads', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(toPlainValue(parsed(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what JSON.parse rejects', () => {
    fc.assert(
      // Built from JSON's own characters, so a fair share of the strings are valid.
      fc.property(
        fc.string({ unit: fc.constantFrom(...'{}[]":, \n0123456789-.eEtrufalsn\\'), maxLength: 12 }),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(parseJsonWithPositions(text).ok).toBe(valid);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['{"a": 1,}', 'unexpected character "}", expected an object key', '1:9-1:10'],
    ['{\n  "a" 1\n}', 'unexpected character "1", expected \':\'', '2:7-2:8'],
    ['[1 2]', "unexpected character \"2\", expected ',' or ']'", '1:4-1:5'],
    ['{"a": "b\n"}', 'control character in string', '1:9-1:9'],
    ['"\\x"', 'invalid escape "\\\\x"', '1:2-1:3'],
    ['{"a": "unterminated', 'unterminated string', '1:7-1:8'],
    ['[1]\n]', 'unexpected character "]" after the JSON value', '2:1-2:2'],
    ['{"a":', 'unexpected end of input', '1:6-1:6'],
    ['-', 'invalid number', '1:1-1:2'],
    ['tru', 'unexpected character "t"', '1:1-1:2'],
    [`${'['.repeat(600)}${']'.repeat(600)}`, 'nesting deeper than 500 levels', '1:502-1:503'],
  ])('reports %j as %s at %s', (text, message, range) => {
    const result = parseJsonWithPositions(text);
    expect(result.ok ? 'parsed' : [result.message, showRange(result.range)]).toEqual([message, range]);
  });

  it('accepts Terraform interpolations where values belong in template mode only', () => {
    const text = '{"Action": ${jsonencode(var.actions)}, "Resource": "${arn}"}';
    expect(parseJsonWithPositions(text).ok).toBe(false);
    const node = parsed(text, true);
    expect(
      node.type === 'object' && node.entries.map((e) => [e.value.type, showRange(e.value.range)]),
    ).toEqual([
      ['placeholder', '1:12-1:38'],
      ['string', '1:52-1:60'],
    ]);
  });
});

describe('line counting over a whole file', () => {
  // The parser counts lines itself for a whole file; through a locator it asks the file's line index. Both must
  // place every node alike, whatever the white space between tokens (CRLF, blank lines, tabs) and in templates.
  const space = fc
    .array(fc.constantFrom(' ', '\n', '\r\n', '\t', '\n\n'), { maxLength: 3 })
    .map((pieces) => pieces.join(''));
  const { json } = fc.letrec<{ json: string; scalar: string; array: string; object: string }>((tie) => ({
    json: fc.oneof({ depthSize: 'small' }, tie('scalar'), tie('object'), tie('array')),
    scalar: fc.oneof(
      fc.constantFrom(
        '"s3:GetObject"',
        '1.5e3',
        'true',
        'null',
        '"a\\nb"',
        '"${var.x}"',
        '${var.multi\nline}',
      ),
      fc.string({ maxLength: 4 }).map((value) => JSON.stringify(value)),
    ),
    array: fc
      .tuple(fc.array(fc.tuple(space, tie('json'), space), { maxLength: 3 }), space)
      .map(([items, inner]) => `[${items.map(([a, item, b]) => a + item + b).join(',')}${inner}]`),
    object: fc
      .tuple(
        fc.array(fc.tuple(space, fc.constantFrom('"Action"', '"k"'), space, tie('json')), { maxLength: 3 }),
        space,
      )
      .map(
        ([entries, inner]) =>
          `{${entries.map(([a, key, b, value]) => `${a}${key}:${b}${value}`).join(',')}${inner}}`,
      ),
  }));

  it('places every node as the line index does', () => {
    fc.assert(
      fc.property(space, json, space, (before, body, after) => {
        const text = before + body + after;
        const counted = parseJsonWithPositions(text, { template: true });
        const indexed = parseJsonWithPositions(text, {
          template: true,
          locator: fileLocator(createLineIndex(text)),
        });
        expect(counted).toEqual(indexed);
      }),
      { numRuns: 2000 },
    );
  });

  it('places a syntax error after counted lines where the line index does', () => {
    const text = '{\r\n  "Statement": [\n\n    {"Effect": "Allow",}\n  ]\n}';
    const counted = parseJsonWithPositions(text, {
      wholeFile: true,
      locator: fileLocator(createLineIndex(text)),
    });
    expect(counted.ok).toBe(false);
    if (!counted.ok) expect(showRange(counted.range)).toBe('4:24-4:25');
  });
});
