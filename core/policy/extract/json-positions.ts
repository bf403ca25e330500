import type { SourceRange } from '../document.ts';
import { decodeJsonEscape } from './json-string.ts';
import { createLineIndex, errorSpan } from './line-index.ts';
import { fileLocator, type Locator } from './mapped-text.ts';
import type { ObjectEntry, PlaceholderNode, SourceNode, StringNode } from './source-node.ts';

/** How to parse. */
export interface JsonParseOptions {
  /** Maps offsets in `text` to the file; defaults to `text` being the whole file. */
  locator?: Locator;
  /**
   * Accept Terraform template interpolations (`${...}`, `%{...}`) where a value belongs, as placeholders:
   * for JSON in a heredoc or a template file.
   */
  template?: boolean;
}

/** The parsed tree, or where and why the text is not JSON. */
export type JsonParseResult =
  | { ok: true; node: SourceNode }
  | { ok: false; message: string; range: SourceRange };

/** Deeper nesting than any policy needs; the bound keeps hostile input from exhausting the stack. */
const MAX_DEPTH = 500;

/** Thrown inside the parser only, and turned into a result at the top. */
class JsonSyntaxError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.at = at;
  }
}

/**
 * Parses strict JSON (RFC 8259) into a tree where every value knows its position. Written by hand because
 * JSON.parse forgets positions; one pass, no backtracking.
 */
export function parseJsonWithPositions(text: string, options: JsonParseOptions = {}): JsonParseResult {
  const locator = options.locator ?? fileLocator(createLineIndex(text));
  const template = options.template === true;
  const length = text.length;
  let pos = 0;

  /** Where the value read from `from` up to the current position is. */
  function span(from: number) {
    return { start: locator.fileOffset(from), end: locator.fileOffset(pos), range: locator.range(from, pos) };
  }

  function skipWhitespace(): void {
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return;
      pos++;
    }
  }

  function describe(at: number): string {
    if (at >= length) return 'unexpected end of input';
    return `unexpected character ${JSON.stringify(text[at])}`;
  }

  function parseValue(depth: number): SourceNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, pos);
    skipWhitespace();
    const c = text.charCodeAt(pos);
    if (c === 123) return parseObject(depth);
    if (c === 91) return parseArray(depth);
    if (c === 34) return parseString();
    if (c === 45 || (c >= 48 && c <= 57)) return parseNumber();
    if (template && (c === 36 || c === 37) && text[pos + 1] === '{') return parseInterpolation();
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, pos)) {
        const from = pos;
        pos += word.length;
        return value === null ? { type: 'null', ...span(from) } : { type: 'boolean', value, ...span(from) };
      }
    }
    throw new JsonSyntaxError(describe(pos), pos);
  }

  function parseObject(depth: number): SourceNode {
    const from = pos;
    pos++;
    const entries: ObjectEntry[] = [];
    skipWhitespace();
    if (text[pos] === '}') {
      pos++;
      return { type: 'object', entries, ...span(from) };
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] !== '"') throw new JsonSyntaxError(`${describe(pos)}, expected an object key`, pos);
      const key = parseString();
      skipWhitespace();
      if (text[pos] !== ':') throw new JsonSyntaxError(`${describe(pos)}, expected ':'`, pos);
      pos++;
      entries.push({ key, value: parseValue(depth + 1) });
      skipWhitespace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return { type: 'object', entries, ...span(from) };
      }
      throw new JsonSyntaxError(`${describe(pos)}, expected ',' or '}'`, pos);
    }
  }

  function parseArray(depth: number): SourceNode {
    const from = pos;
    pos++;
    const items: SourceNode[] = [];
    skipWhitespace();
    if (text[pos] === ']') {
      pos++;
      return { type: 'array', items, ...span(from) };
    }
    for (;;) {
      items.push(parseValue(depth + 1));
      skipWhitespace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return { type: 'array', items, ...span(from) };
      }
      throw new JsonSyntaxError(`${describe(pos)}, expected ',' or ']'`, pos);
    }
  }

  function parseString(): StringNode {
    const from = pos;
    pos++;
    let value = '';
    let chunk = pos;
    for (;;) {
      if (pos >= length) throw new JsonSyntaxError('unterminated string', from);
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      if (c === 92) {
        const decoded = decodeJsonEscape(text, pos);
        if (!decoded)
          throw new JsonSyntaxError(`invalid escape ${JSON.stringify(text.slice(pos, pos + 2))}`, pos);
        value += text.slice(chunk, pos) + decoded.chars;
        pos += decoded.length;
        chunk = pos;
        continue;
      }
      if (c < 32) throw new JsonSyntaxError('control character in string', pos);
      pos++;
    }
    value += text.slice(chunk, pos);
    pos++;
    return { type: 'string', value, ...span(from) };
  }

  function parseNumber(): SourceNode {
    const from = pos;
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (!match) throw new JsonSyntaxError('invalid number', pos);
    pos += match[0].length;
    return { type: 'number', value: Number(match[0]), text: match[0], ...span(from) };
  }

  /** `${ ... }` or `%{ ... }` up to its matching brace, skipping braces inside quoted strings. */
  function parseInterpolation(): PlaceholderNode {
    const from = pos;
    let depth = 0;
    let quoted = false;
    for (; pos < length; pos++) {
      const c = text[pos];
      if (quoted) {
        if (c === '\\') pos++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        pos++;
        return { type: 'placeholder', text: text.slice(from, pos), ...span(from) };
      }
    }
    throw new JsonSyntaxError('unterminated template interpolation', from);
  }

  try {
    const root = parseValue(0);
    skipWhitespace();
    if (pos < length) throw new JsonSyntaxError(`${describe(pos)} after the JSON value`, pos);
    return { ok: true, node: root };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, message: error.message, range: locator.range(...errorSpan(text, error.at)) };
  }
}

const LITERALS: readonly (readonly [string, boolean | null])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
