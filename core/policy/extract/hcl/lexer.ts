import { isHeredocStart, scanHeredoc } from './heredoc.ts';
import { HclSyntaxError } from './syntax-error.ts';
import { scanQuotedTemplate, type TemplateText } from './template.ts';

/** A token of HCL native syntax. */
export interface Token {
  type: 'ident' | 'number' | 'template' | 'punct' | 'newline' | 'eof';
  /** File offset of the first character. */
  start: number;
  /** File offset after the last character. */
  end: number;
  /** The source text (for templates, as written, quotes included). */
  text: string;
  /** For `template` tokens: the decoded string or heredoc. */
  template?: TemplateText;
}

/** A comment, kept for suppression comments. */
export interface Comment {
  /** File offset of the `#`, `//` or `/*`. */
  start: number;
  /** The comment's text, markers included. */
  text: string;
}

/** Tokens and comments of a file. */
export interface LexedHcl {
  tokens: Token[];
  comments: Comment[];
}

/** Operators and punctuation, longest first so `==` wins over `=`. */
const PUNCTUATION = [
  '...',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '=>',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '=',
  ',',
  '.',
  ':',
  '?',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
];

const IDENT_START = /[\p{L}_]/u;
const IDENT = /[\p{L}\p{N}_-]*/uy;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Splits HCL text into tokens; newlines are tokens because they end attributes. */
export function lexHcl(text: string): LexedHcl {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const add = (type: Token['type'], start: number, end: number, template?: TemplateText) => {
    const token: Token = { type, start, end, text: text.slice(start, end) };
    if (template) token.template = template;
    tokens.push(token);
  };
  let pos = 0;
  while (pos < text.length) {
    const c = text[pos]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
      pos++;
    } else if (c === '\n') {
      if (tokens.at(-1)?.type !== 'newline') add('newline', pos, pos + 1);
      pos++;
    } else if (c === '#' || (c === '/' && text[pos + 1] === '/')) {
      const end = text.indexOf('\n', pos);
      const stop = end === -1 ? text.length : end;
      comments.push({ start: pos, text: text.slice(pos, stop) });
      pos = stop;
    } else if (c === '/' && text[pos + 1] === '*') {
      const end = text.indexOf('*/', pos + 2);
      if (end === -1) throw new HclSyntaxError('unterminated /* comment', pos);
      comments.push({ start: pos, text: text.slice(pos, end + 2) });
      pos = end + 2;
    } else if (c === '"') {
      const { template, end } = scanQuotedTemplate(text, pos);
      add('template', pos, end, template);
      pos = end;
    } else if (c === '<' && isHeredocStart(text, pos)) {
      const { template, end } = scanHeredoc(text, pos);
      add('template', pos, end, template);
      pos = end;
    } else if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = pos;
      NUMBER.exec(text);
      add('number', pos, NUMBER.lastIndex);
      pos = NUMBER.lastIndex;
    } else if (IDENT_START.test(c)) {
      IDENT.lastIndex = pos + 1;
      IDENT.exec(text);
      add('ident', pos, IDENT.lastIndex);
      pos = IDENT.lastIndex;
    } else {
      const punct = PUNCTUATION.find((p) => text.startsWith(p, pos));
      if (!punct) throw new HclSyntaxError(`unexpected character ${JSON.stringify(c)}`, pos);
      add('punct', pos, pos + punct.length);
      pos += punct.length;
    }
  }
  add('eof', text.length, text.length);
  return { tokens, comments };
}
