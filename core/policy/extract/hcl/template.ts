import type { MappedText } from '../mapped-text.ts';
import { HclSyntaxError } from './syntax-error.ts';

/**
 * A quoted string or heredoc, decoded: escapes resolved, `$${` and `%%{` unescaped, heredoc indentation
 * removed; interpolations (`${...}`) and directives (`%{...}`) kept as written.
 */
export interface TemplateText {
  decoded: MappedText;
  /** True when the template has an interpolation or directive, so its value is known only at plan time. */
  interpolated: boolean;
}

/** Strings inside interpolations inside strings... nest no deeper than this. */
const MAX_NESTING = 32;

/** Builds decoded text while remembering where each character came from. */
function createBuilder() {
  let text = '';
  const offsets: number[] = [];
  return {
    push(chars: string, at: (index: number) => number) {
      text += chars;
      for (let i = 0; i < chars.length; i++) offsets.push(at(i));
    },
    finish(end: number): MappedText {
      offsets.push(end);
      return { text, offsets };
    },
  };
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Scans the quoted template whose opening quote is at `start`; returns it and the offset after the closing quote. */
export function scanQuotedTemplate(
  text: string,
  start: number,
  nesting = 0,
): { template: TemplateText; end: number } {
  const out = createBuilder();
  let interpolated = false;
  let pos = start + 1;
  for (;;) {
    const c = text[pos];
    if (c === undefined || c === '\n') throw new HclSyntaxError('unterminated string', start);
    if (c === '"') return { template: { decoded: out.finish(pos), interpolated }, end: pos + 1 };
    if (c === '\\') {
      const decoded = decodeEscape(text, pos);
      const from = pos;
      out.push(decoded[0], () => from);
      pos += decoded[1];
      continue;
    }
    const marker = templateMarker(text, pos);
    if (marker === 'escaped') {
      const from = pos;
      out.push(`${c}{`, (i) => from + i * 2);
      pos += 3;
    } else if (marker === 'open') {
      const close = skipInterpolation(text, pos + 2, nesting);
      const from = pos;
      out.push(text.slice(pos, close), (i) => from + i);
      interpolated = true;
      pos = close;
    } else {
      const from = pos;
      out.push(c, () => from);
      pos++;
    }
  }
}

/** Decodes the body of a heredoc (already stripped of indentation) as a template. */
export function decodeHeredocBody(body: MappedText): TemplateText {
  const { text } = body;
  const out = createBuilder();
  let interpolated = false;
  let pos = 0;
  while (pos < text.length) {
    const marker = templateMarker(text, pos);
    const from = pos;
    if (marker === 'escaped') {
      out.push(`${text[pos]}{`, (i) => body.offsets[from + i * 2]!);
      pos += 3;
    } else if (marker === 'open') {
      const close = skipInterpolation(text, pos + 2, 0);
      out.push(text.slice(pos, close), (i) => body.offsets[from + i]!);
      interpolated = true;
      pos = close;
    } else {
      out.push(text[pos]!, () => body.offsets[from]!);
      pos++;
    }
  }
  return { decoded: out.finish(body.offsets[text.length]!), interpolated };
}

/** `open` at `${` or `%{`, `escaped` at `$${` or `%%{`, else undefined. */
function templateMarker(text: string, pos: number): 'open' | 'escaped' | undefined {
  const c = text[pos];
  if (c !== '$' && c !== '%') return undefined;
  if (text[pos + 1] === '{') return 'open';
  if (text[pos + 1] === c && text[pos + 2] === '{') return 'escaped';
  return undefined;
}

/** The offset after the `}` closing an interpolation whose body starts at `pos`. */
function skipInterpolation(text: string, pos: number, nesting: number): number {
  if (nesting > MAX_NESTING) throw new HclSyntaxError('template interpolations nested too deeply', pos);
  let depth = 1;
  while (pos < text.length) {
    const c = text[pos];
    if (c === '"') {
      pos = scanQuotedTemplate(text, pos, nesting + 1).end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return pos + 1;
    pos++;
  }
  throw new HclSyntaxError('unterminated template interpolation', pos);
}

/** The characters an escape stands for and its length in the source. */
function decodeEscape(text: string, pos: number): [string, number] {
  const letter = text[pos + 1] ?? '';
  const simple = ESCAPES[letter];
  if (simple !== undefined) return [simple, 2];
  const digits = letter === 'u' ? 4 : letter === 'U' ? 8 : 0;
  const hex = text.slice(pos + 2, pos + 2 + digits);
  if (digits > 0 && new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) {
    const code = Number.parseInt(hex, 16);
    if (code <= 0x10ffff) return [String.fromCodePoint(code), 2 + digits];
  }
  throw new HclSyntaxError(`invalid escape ${JSON.stringify(text.slice(pos, pos + 2))}`, pos);
}
