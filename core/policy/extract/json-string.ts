import type { MappedText } from './mapped-text.ts';

/** One decoded escape sequence: the characters it stands for and how many source characters it spans. */
export interface DecodedEscape {
  chars: string;
  length: number;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Decodes the JSON escape at `text[at]` (a backslash); undefined when it is not a valid escape. */
export function decodeJsonEscape(text: string, at: number): DecodedEscape | undefined {
  const letter = text[at + 1];
  if (letter === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { chars: simple, length: 2 };
  if (letter !== 'u') return undefined;
  const hex = text.slice(at + 2, at + 6);
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
  return { chars: String.fromCharCode(Number.parseInt(hex, 16)), length: 6 };
}

/**
 * Decodes the JSON string literal whose opening quote is at `start` in `text`, keeping each character's
 * offset. Used for a policy held as a JSON string inside a JSON file (a Terraform plan, IAM CLI output),
 * whose literal the parser has already validated.
 */
export function decodeJsonStringLiteral(text: string, start: number): MappedText {
  let out = '';
  const offsets: number[] = [];
  let pos = start + 1;
  while (pos < text.length && text[pos] !== '"') {
    if (text[pos] === '\\') {
      const decoded = decodeJsonEscape(text, pos) ?? { chars: text[pos + 1] ?? '', length: 2 };
      for (let i = 0; i < decoded.chars.length; i++) offsets.push(pos);
      out += decoded.chars;
      pos += decoded.length;
    } else {
      offsets.push(pos);
      out += text[pos];
      pos++;
    }
  }
  offsets.push(pos);
  return { text: out, offsets };
}

const utf8 = new TextDecoder();

/** How many bytes the UTF-8 character starting with `lead` has (1 for a stray continuation byte). */
function utf8Length(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** The value of the hex digit with char code `code`, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** The byte of the `%XX` escape at `pos`, or undefined when there is none. */
function percentByte(text: string, pos: number): number | undefined {
  if (text.charCodeAt(pos) !== 37) return undefined;
  const high = hexValue(text.charCodeAt(pos + 1));
  const low = hexValue(text.charCodeAt(pos + 2));
  return high < 0 || low < 0 ? undefined : high * 16 + low;
}

/**
 * Decodes URL-encoded text (IAM returns policy documents URL-encoded), keeping offsets: each decoded
 * character points at its first `%XX`. Invalid UTF-8 decodes to U+FFFD rather than failing; the JSON parser
 * then says what is wrong.
 */
export function decodeUrlEncoded(source: MappedText): MappedText {
  const { text } = source;
  let out = '';
  const offsets: number[] = [];
  let pos = 0;
  while (pos < text.length) {
    const lead = percentByte(text, pos);
    if (lead === undefined) {
      offsets.push(source.offsets[pos]!);
      out += text[pos];
      pos++;
      continue;
    }
    const from = pos;
    if (lead < 0x80) {
      offsets.push(source.offsets[from]!);
      out += String.fromCharCode(lead);
      pos += 3;
      continue;
    }
    const bytes = [lead];
    pos += 3;
    for (let i = 1; i < utf8Length(lead); i++) {
      const next = percentByte(text, pos);
      if (next === undefined) break;
      bytes.push(next);
      pos += 3;
    }
    const chars = utf8.decode(new Uint8Array(bytes));
    for (let i = 0; i < chars.length; i++) offsets.push(source.offsets[from]!);
    out += chars;
  }
  offsets.push(source.offsets[text.length]!);
  return { text: out, offsets };
}
