import type { Block, BlockLabel, Body } from './ast.ts';
import { parseExpression } from './expression.ts';
import { type Comment, lexHcl } from './lexer.ts';
import { HclSyntaxError } from './syntax-error.ts';
import { createTokenStream, describeToken, type TokenStream } from './token-stream.ts';

/** A parsed HCL file, or where and why it does not parse. */
export type HclParseResult =
  | { ok: true; body: Body; comments: Comment[] }
  | { ok: false; message: string; at: number };

/** Blocks nest no deeper than this. */
const MAX_BLOCK_DEPTH = 100;

/**
 * Parses HCL native syntax (Terraform `.tf`) into bodies, blocks and attributes with their offsets. Enough of
 * HCL2 for policy extraction: expressions Terraform alone can evaluate are kept as opaque spans.
 */
export function parseHcl(text: string): HclParseResult {
  try {
    const { tokens, comments } = lexHcl(text);
    const stream = createTokenStream(tokens);
    return { ok: true, body: parseBody(stream, false, 0), comments };
  } catch (error) {
    if (error instanceof HclSyntaxError) return { ok: false, message: error.message, at: error.at };
    throw error;
  }
}

/** Reads attributes and blocks up to the end of file, or up to (not including) `}` when `inBlock`. */
function parseBody(stream: TokenStream, inBlock: boolean, depth: number): Body {
  if (depth > MAX_BLOCK_DEPTH)
    throw new HclSyntaxError(`blocks nested deeper than ${MAX_BLOCK_DEPTH}`, stream.peek().start);
  const body: Body = { attributes: [], blocks: [] };
  for (;;) {
    const token = stream.peek();
    if (token.type === 'newline') {
      stream.next();
      continue;
    }
    if (token.type === 'eof') {
      if (inBlock)
        throw new HclSyntaxError('expected "}" to close the block, found end of file', token.start);
      return body;
    }
    if (inBlock && token.type === 'punct' && token.text === '}') return body;
    if (token.type !== 'ident') {
      throw new HclSyntaxError(
        `expected an attribute or block name, found ${describeToken(token)}`,
        token.start,
      );
    }
    const name = stream.next();
    if (stream.accept('=')) {
      const value = parseExpression(stream);
      const after = stream.peek();
      const ends = after.type === 'newline' || after.type === 'eof' || (inBlock && after.text === '}');
      if (!ends)
        throw new HclSyntaxError(
          `expected a newline after the attribute, found ${describeToken(after)}`,
          after.start,
        );
      const nameSpan = { start: name.start, end: name.end };
      body.attributes.push({ name: name.text, nameSpan, value, start: name.start, end: value.end });
      continue;
    }
    body.blocks.push(parseBlock(stream, name, depth));
  }
}

/** A block after its type keyword: labels, then `{`, the body and `}`. */
function parseBlock(
  stream: TokenStream,
  type: { text: string; start: number; end: number },
  depth: number,
): Block {
  const labels: BlockLabel[] = [];
  for (;;) {
    const token = stream.peek();
    if (token.type === 'ident') labels.push({ value: token.text, start: token.start, end: token.end });
    else if (token.type === 'template' && !token.template?.interpolated)
      labels.push({ value: token.template!.decoded.text, start: token.start, end: token.end });
    else break;
    stream.next();
  }
  stream.expect('{', `to open the ${type.text} block`);
  const body = parseBody(stream, true, depth + 1);
  const close = stream.expect('}', `to close the ${type.text} block`);
  return {
    type: type.text,
    typeSpan: { start: type.start, end: type.end },
    labels,
    body,
    start: type.start,
    end: close.end,
  };
}
