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
  /**
   * The text is the whole file, so offsets are file offsets: the parser counts lines as it goes instead of asking
   * the locator (which it then needs only to place a syntax error). Without a locator the text is taken as the
   * whole file anyway.
   */
  wholeFile?: boolean;
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
  const counting = options.wholeFile === true || options.locator === undefined;
  const parser = new JsonPositionParser(text, locator, options.template === true, counting);
  try {
    return { ok: true, node: parser.parseDocument() };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, message: error.message, range: locator.range(...errorSpan(text, error.at)) };
  }
}

/**
 * The parser's state and steps. A class rather than closures made per call: every file is parsed once in an
 * `axiom lint` run, and methods shared by all parses keep their calls monomorphic, so the parser is optimised
 * once instead of being deoptimised by each file's new closures.
 */
class JsonPositionParser {
  readonly #text: string;
  readonly #length: number;
  readonly #locator: Locator;
  readonly #template: boolean;
  /**
   * Whether the text is the whole file and lines are counted here: every value needs its range, and counting the
   * newlines the parser skips anyway is cheaper than the locator's search for each offset (and the line index it
   * needs).
   */
  readonly #counting: boolean;
  /**
   * Where the parser is in the text. A plain property, not `#pos`: it is written for every token, and V8's
   * Maglev tier (the `axiom` command's top tier, see cli/node-flags.ts) stores to a private field through a
   * generic keyed-store call, ~3x the cost of a named property's store.
   */
  private pos = 0;
  /** When counting, the line `pos` is on (from 0) and the offset that line starts at. Plain properties: see pos. */
  private line = 0;
  private lineStart = 0;

  constructor(text: string, locator: Locator, template: boolean, counting: boolean) {
    this.#text = text;
    this.#length = text.length;
    this.#locator = locator;
    this.#template = template;
    this.#counting = counting;
  }

  parseDocument(): SourceNode {
    const root = this.#parseValue(0);
    this.#skipWhitespace();
    if (this.pos < this.#length)
      throw new JsonSyntaxError(`${this.#describe(this.pos)} after the JSON value`, this.pos);
    return root;
  }

  #skipWhitespace(): void {
    const text = this.#text;
    const length = this.#length;
    let pos = this.pos;
    let line = -1;
    let lineStart = 0;
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === 10) {
        line = line === -1 ? this.line + 1 : line + 1;
        lineStart = pos + 1;
      } else if (c !== 32 && c !== 13 && c !== 9) break;
      pos++;
    }
    this.pos = pos;
    if (line !== -1) {
      this.line = line;
      this.lineStart = lineStart;
    }
  }

  /** The file offset of text offset `at`. */
  #fileOffset(at: number): number {
    return this.#counting ? at : this.#locator.fileOffset(at);
  }

  /** The range of a token from `from` to `to` on the current line (tokens other than templates hold no newline). */
  #tokenRange(from: number, to: number): SourceRange {
    if (!this.#counting) return this.#locator.range(from, to);
    const line = this.line + 1;
    const column = 1 - this.lineStart;
    return { line, column: from + column, endLine: line, endColumn: to + column };
  }

  /** The range from `from` (on line `fromLine`, counted from 0) to `to` on the current line. */
  #spanRange(from: number, fromLine: number, fromLineStart: number, to: number): SourceRange {
    if (!this.#counting) return this.#locator.range(from, to);
    return {
      line: fromLine + 1,
      column: from - fromLineStart + 1,
      endLine: this.line + 1,
      endColumn: to - this.lineStart + 1,
    };
  }

  #describe(at: number): string {
    if (at >= this.#length) return 'unexpected end of input';
    return `unexpected character ${JSON.stringify(this.#text[at])}`;
  }

  #parseValue(depth: number): SourceNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, this.pos);
    this.#skipWhitespace();
    const text = this.#text;
    const pos = this.pos;
    const c = text.charCodeAt(pos);
    if (c === 34) return this.#parseString();
    if (c === 123) return this.#parseObject(depth);
    if (c === 91) return this.#parseArray(depth);
    if (c === 45 || (c >= 48 && c <= 57)) return this.#parseNumber();
    if (this.#template && (c === 36 || c === 37) && text[pos + 1] === '{') return this.#parseInterpolation();
    for (let i = 0; i < LITERALS.length; i++) {
      const literal = LITERALS[i]!;
      const word = literal[0];
      const value = literal[1];
      if (text.startsWith(word, pos)) {
        this.pos = pos + word.length;
        const start = this.#fileOffset(pos);
        const end = this.#fileOffset(this.pos);
        const range = this.#tokenRange(pos, this.pos);
        return value === null
          ? { type: 'null', start, end, range }
          : { type: 'boolean', value, start, end, range };
      }
    }
    throw new JsonSyntaxError(this.#describe(pos), pos);
  }

  #parseObject(depth: number): SourceNode {
    const text = this.#text;
    const from = this.pos;
    const fromLine = this.line;
    const fromLineStart = this.lineStart;
    this.pos++;
    const entries: ObjectEntry[] = [];
    this.#skipWhitespace();
    if (text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return this.#objectNode(entries, from, fromLine, fromLineStart);
    }
    for (;;) {
      this.#skipWhitespace();
      if (text.charCodeAt(this.pos) !== 34)
        throw new JsonSyntaxError(`${this.#describe(this.pos)}, expected an object key`, this.pos);
      const key = this.#parseString();
      this.#skipWhitespace();
      if (text.charCodeAt(this.pos) !== 58)
        throw new JsonSyntaxError(`${this.#describe(this.pos)}, expected ':'`, this.pos);
      this.pos++;
      entries.push({ key, value: this.#parseValue(depth + 1) });
      this.#skipWhitespace();
      const next = text.charCodeAt(this.pos);
      if (next === 44) {
        this.pos++;
        continue;
      }
      if (next === 125) {
        this.pos++;
        return this.#objectNode(entries, from, fromLine, fromLineStart);
      }
      throw new JsonSyntaxError(`${this.#describe(this.pos)}, expected ',' or '}'`, this.pos);
    }
  }

  #parseArray(depth: number): SourceNode {
    const text = this.#text;
    const from = this.pos;
    const fromLine = this.line;
    const fromLineStart = this.lineStart;
    this.pos++;
    const items: SourceNode[] = [];
    this.#skipWhitespace();
    if (text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return this.#arrayNode(items, from, fromLine, fromLineStart);
    }
    for (;;) {
      items.push(this.#parseValue(depth + 1));
      this.#skipWhitespace();
      const next = text.charCodeAt(this.pos);
      if (next === 44) {
        this.pos++;
        continue;
      }
      if (next === 93) {
        this.pos++;
        return this.#arrayNode(items, from, fromLine, fromLineStart);
      }
      throw new JsonSyntaxError(`${this.#describe(this.pos)}, expected ',' or ']'`, this.pos);
    }
  }

  #parseString(): StringNode {
    const text = this.#text;
    const length = this.#length;
    const from = this.pos;
    let pos = from + 1;
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
    this.pos = pos;
    return {
      type: 'string',
      value,
      start: this.#fileOffset(from),
      end: this.#fileOffset(pos),
      range: this.#tokenRange(from, pos),
    };
  }

  #objectNode(entries: ObjectEntry[], from: number, fromLine: number, fromLineStart: number): SourceNode {
    const to = this.pos;
    return {
      type: 'object',
      entries,
      start: this.#fileOffset(from),
      end: this.#fileOffset(to),
      range: this.#spanRange(from, fromLine, fromLineStart, to),
    };
  }

  #arrayNode(items: SourceNode[], from: number, fromLine: number, fromLineStart: number): SourceNode {
    const to = this.pos;
    return {
      type: 'array',
      items,
      start: this.#fileOffset(from),
      end: this.#fileOffset(to),
      range: this.#spanRange(from, fromLine, fromLineStart, to),
    };
  }

  #parseNumber(): SourceNode {
    const from = this.pos;
    NUMBER.lastIndex = from;
    const match = NUMBER.exec(this.#text);
    if (!match) throw new JsonSyntaxError('invalid number', from);
    this.pos = from + match[0].length;
    return {
      type: 'number',
      value: Number(match[0]),
      text: match[0],
      start: this.#fileOffset(from),
      end: this.#fileOffset(this.pos),
      range: this.#tokenRange(from, this.pos),
    };
  }

  /** `${ ... }` or `%{ ... }` up to its matching brace, skipping braces inside quoted strings. */
  #parseInterpolation(): PlaceholderNode {
    const text = this.#text;
    const from = this.pos;
    let depth = 0;
    let quoted = false;
    for (let pos = from; pos < this.#length; pos++) {
      const c = text[pos];
      if (quoted) {
        if (c === '\\') pos++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        const fromLine = this.line;
        const fromLineStart = this.lineStart;
        // An interpolation may span lines: count them for what follows.
        for (let at = text.indexOf('\n', from); at !== -1 && at < pos; at = text.indexOf('\n', at + 1)) {
          this.line++;
          this.lineStart = at + 1;
        }
        this.pos = pos + 1;
        return {
          type: 'placeholder',
          text: text.slice(from, this.pos),
          start: this.#fileOffset(from),
          end: this.#fileOffset(this.pos),
          range: this.#spanRange(from, fromLine, fromLineStart, this.pos),
        };
      }
    }
    this.pos = this.#length;
    throw new JsonSyntaxError('unterminated template interpolation', from);
  }
}

const LITERALS: readonly (readonly [string, boolean | null])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
