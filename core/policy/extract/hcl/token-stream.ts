import type { Token } from './lexer.ts';
import { HclSyntaxError } from './syntax-error.ts';

/**
 * Reads tokens in order. Newlines end attributes in a body but mean nothing inside brackets, so while
 * `bracketDepth` is above 0 they are skipped.
 */
export interface TokenStream {
  /** The next significant token. */
  peek(): Token;
  /** The token after the next one (significant ones only). */
  peekSecond(): Token;
  /** Consumes and returns the next significant token. */
  next(): Token;
  /** Consumes the next token when it is the punctuation `text`. */
  accept(text: string): boolean;
  /** Consumes the punctuation `text` or throws a syntax error naming what was expected. */
  expect(text: string, what: string): Token;
  /** Runs `read` with newlines insignificant (inside brackets) or significant (in a block body). */
  withNewlines<T>(significant: boolean, read: () => T): T;
}

/** A stream over `tokens`, which ends with an `eof` token. */
export function createTokenStream(tokens: readonly Token[]): TokenStream {
  let index = 0;
  let newlinesSignificant = true;

  const significantFrom = (from: number): number => {
    let at = from;
    while (!newlinesSignificant && tokens[at]?.type === 'newline') at++;
    return Math.min(at, tokens.length - 1);
  };

  const stream: TokenStream = {
    peek: () => tokens[significantFrom(index)]!,
    peekSecond: () => tokens[significantFrom(significantFrom(index) + 1)]!,
    next() {
      index = significantFrom(index);
      const token = tokens[index]!;
      if (token.type !== 'eof') index++;
      return token;
    },
    accept(text) {
      const token = stream.peek();
      if (token.type !== 'punct' || token.text !== text) return false;
      stream.next();
      return true;
    },
    expect(text, what) {
      const token = stream.peek();
      if (token.type !== 'punct' || token.text !== text) {
        throw new HclSyntaxError(
          `expected ${JSON.stringify(text)} ${what}, found ${describeToken(token)}`,
          token.start,
        );
      }
      return stream.next();
    },
    withNewlines(significant, read) {
      const saved = newlinesSignificant;
      newlinesSignificant = significant;
      try {
        return read();
      } finally {
        newlinesSignificant = saved;
      }
    },
  };
  return stream;
}

/** A token as named in an error message. */
export function describeToken(token: Token): string {
  if (token.type === 'eof') return 'end of file';
  if (token.type === 'newline') return 'a newline';
  return JSON.stringify(token.text.length > 30 ? `${token.text.slice(0, 30)}...` : token.text);
}
