// biome-ignore-all lint/suspicious/noTemplateCurlyInString: a Terraform placeholder is written ${like} this.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompactJsonSize } from '../../../../core/policy/document.ts';
import { compactJsonSize } from '../../../../core/policy/extract/compact-size.ts';
import { parseJsonWithPositions } from '../../../../core/policy/extract/json-positions.ts';
import { type SourceNode, toPlainValue } from '../../../../core/policy/extract/source-node.ts';

/** What serialising the plain value gives: the reference the tree walk must match. */
function serialisedSize(node: SourceNode): CompactJsonSize {
  const compact = JSON.stringify(toPlainValue(node));
  return {
    characters: compact.length,
    whitespace: compact.match(/\s/g)?.length ?? 0,
    utf8Bytes: Buffer.byteLength(compact, 'utf8'),
  };
}

function treeOf(text: string): SourceNode {
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) throw new Error(`test input is not JSON: ${parsed.message}`);
  return parsed.node;
}

/** Strings with what JSON escapes or counts specially: quotes, backslashes, controls, wide spaces, surrogates. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'a',
        '"',
        '\\',
        '\n',
        '\t',
        '\u0001',
        '\u001f',
        ' ',
        '\u00a0',
        '\u2028',
        '\u3000',
        '\ufeff',
      ),
      fc.constantFrom('é', '€', '😀', '\ud800', '\udc00', '\u1680', '\u200a', '\u0800', '\u07ff'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));

/**
 * JSON text written by hand, so objects can repeat keys (JSON.parse and toPlainValue keep the last), with numbers
 * in forms that print differently (1e3, -0, 1.50).
 */
const { json } = fc.letrec<{ json: string; object: string; array: string; scalar: string }>((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, tie('scalar'), tie('object'), tie('array')),
  scalar: fc.oneof(
    text.map((value) => JSON.stringify(value)),
    fc.constantFrom(
      '0',
      '-0',
      '1e3',
      '1.50',
      '-12.5E-2',
      '123456789012345678901234567890',
      'true',
      'false',
      'null',
    ),
    fc.integer().map(String),
  ),
  array: fc.array(tie('json'), { maxLength: 4 }).map((items) => `[ ${items.join(' , ')} ]`),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom('a', 'b', '__proto__', '1', 'Statement'), text), tie('json')), {
      maxLength: 20,
    })
    .map(
      (entries) => `{ ${entries.map(([key, value]) => `${JSON.stringify(key)} : ${value}`).join(' ,\n ')} }`,
    ),
}));

describe('compactJsonSize', () => {
  it('counts what JSON.stringify of the plain value counts, for any JSON', () => {
    fc.assert(
      fc.property(json, (source) => {
        const node = treeOf(source);
        expect(compactJsonSize(node)).toEqual(serialisedSize(node));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['{"Version":"2012-10-17","Statement":[]}', 39, 0],
    ['{"a":1,"a":"long value"}', 18, 1],
    ['["x y", "\\u00a0"]', 11, 2],
    ['{"k":"\\ud800"}', 14, 0],
    [`{${Array.from({ length: 20 }, (_, i) => `"k${i % 18}":${i}`).join(',')}}`, 145, 0],
  ])('%s: %i characters, %i of them white space', (source, characters, whitespace) => {
    const size = compactJsonSize(treeOf(source));
    expect(size).toEqual(serialisedSize(treeOf(source)));
    expect([size.characters, size.whitespace]).toEqual([characters, whitespace]);
  });

  it('counts a placeholder as its raw value, or as its text', () => {
    const placeholder = (raw: unknown): SourceNode => ({
      type: 'placeholder',
      text: '${var.x}',
      ...(raw === undefined ? {} : { raw }),
      start: 0,
      end: 8,
      range: { line: 1, column: 1, endLine: 1, endColumn: 9 },
    });
    for (const node of [placeholder(undefined), placeholder({ Ref: 'My Bucket' }), placeholder(['a', 1])])
      expect(compactJsonSize(node)).toEqual(serialisedSize(node));
  });

  it('counts the same from source spans as by reading every string, escapes or not', () => {
    // Strings written raw (no escapes: their span is their length plus quotes) next to escaped ones.
    const raw = fc
      .array(fc.constantFrom('a', ' ', '\u00a0', '\u2028', 'é', '😀', '/', '\u3000'), { maxLength: 6 })
      .map((chars) => `"${chars.join('')}"`);
    const document = fc
      .array(
        fc.tuple(
          fc.oneof(
            raw,
            text.map((value) => JSON.stringify(value)),
          ),
          json,
        ),
        { maxLength: 6 },
      )
      .map((entries) => `{${entries.map(([key, value]) => `${key}: ${value}`).join(', ')}}`);
    fc.assert(
      fc.property(document, (source) => {
        const node = treeOf(source);
        const quick = compactJsonSize(node, source.isWellFormed());
        const exact = compactJsonSize(node);
        expect([quick.characters, quick.whitespace, quick.utf8Bytes]).toEqual([
          exact.characters,
          exact.whitespace,
          exact.utf8Bytes,
        ]);
        expect(exact).toEqual(serialisedSize(node));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a string written with a raw lone surrogate when the file is not well formed', () => {
    const source = `{"k": "a\ud800b"}`.replace('\\ud800', '\ud800');
    expect(source.isWellFormed()).toBe(false);
    const node = treeOf(source);
    expect(compactJsonSize(node, source.isWellFormed())).toEqual(serialisedSize(node));
    // Counted from the span, the raw surrogate would be one character; JSON.stringify writes it as six.
    expect(compactJsonSize(node).characters).toBe(JSON.stringify({ k: 'a\ud800b' }).length);
  });
});
