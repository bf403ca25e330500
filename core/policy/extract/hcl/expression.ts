import type { Expression, ObjectItem } from './ast.ts';
import type { Token } from './lexer.ts';
import { HclSyntaxError } from './syntax-error.ts';
import { describeToken, type TokenStream } from './token-stream.ts';

const BINARY_OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%']);

/** Expressions nest no deeper than this; real configurations stay far below it. */
const MAX_DEPTH = 200;

const isPunct = (token: Token, text: string) => token.type === 'punct' && token.text === text;

/**
 * Parses one expression. Literals, templates, tuples, objects, calls and references keep their structure;
 * operators, conditionals, for-expressions and splats become `opaque` spans, since only Terraform can
 * evaluate them.
 */
export function parseExpression(stream: TokenStream, depth = 0): Expression {
  checkDepth(stream, depth);
  let left = parseUnary(stream, depth);
  while (stream.peek().type === 'punct' && BINARY_OPERATORS.has(stream.peek().text)) {
    stream.next();
    const right = parseUnary(stream, depth + 1);
    left = { type: 'opaque', start: left.start, end: right.end };
  }
  if (stream.accept('?')) {
    parseExpression(stream, depth + 1);
    stream.expect(':', 'in a conditional expression');
    const otherwise = parseExpression(stream, depth + 1);
    left = { type: 'opaque', start: left.start, end: otherwise.end };
  }
  return left;
}

function parseUnary(stream: TokenStream, depth: number): Expression {
  checkDepth(stream, depth);
  const token = stream.peek();
  if (isPunct(token, '-') || isPunct(token, '!')) {
    stream.next();
    const operand = parseUnary(stream, depth + 1);
    if (token.text === '-' && operand.type === 'number') {
      return { ...operand, value: -operand.value, text: `-${operand.text}`, start: token.start };
    }
    return { type: 'opaque', start: token.start, end: operand.end };
  }
  return parsePostfix(stream, depth);
}

/** Refuses nesting that could exhaust the stack. */
function checkDepth(stream: TokenStream, depth: number): void {
  if (depth > MAX_DEPTH) {
    throw new HclSyntaxError(`expressions nested deeper than ${MAX_DEPTH} levels`, stream.peek().start);
  }
}

/** Attribute access (`.name`, `.0`, `.*`) and indexing (`[key]`, `[*]`) after a primary expression. */
function parsePostfix(stream: TokenStream, depth: number): Expression {
  let expression = parsePrimary(stream, depth);
  for (;;) {
    let end: number;
    if (stream.accept('.')) {
      const step = stream.next();
      if (step.type !== 'ident' && step.type !== 'number' && !isPunct(step, '*')) {
        throw new HclSyntaxError(
          `expected an attribute name after ".", found ${describeToken(step)}`,
          step.start,
        );
      }
      end = step.end;
    } else if (isPunct(stream.peek(), '[')) {
      stream.next();
      stream.withNewlines(false, () => {
        if (!stream.accept('*')) parseExpression(stream, depth + 1);
      });
      end = stream.expect(']', 'to close the index').end;
    } else {
      return expression;
    }
    expression =
      expression.type === 'reference'
        ? { ...expression, end }
        : { type: 'opaque', start: expression.start, end };
  }
}

function parsePrimary(stream: TokenStream, depth: number): Expression {
  const token = stream.next();
  const { start, end } = token;
  switch (token.type) {
    case 'number':
      return { type: 'number', value: Number(token.text), text: token.text, start, end };
    case 'template':
      return { type: 'template', template: token.template!, start, end };
    case 'ident':
      if (token.text === 'true' || token.text === 'false')
        return { type: 'bool', value: token.text === 'true', start, end };
      if (token.text === 'null') return { type: 'null', start, end };
      if (isPunct(stream.peek(), '(')) return parseCall(stream, token, depth);
      return { type: 'reference', root: token.text, start, end };
    case 'punct':
      if (token.text === '(') {
        const inner = stream.withNewlines(false, () => parseExpression(stream, depth + 1));
        return { ...inner, start, end: stream.expect(')', 'to close the parenthesis').end };
      }
      if (token.text === '[') return stream.withNewlines(false, () => parseTuple(stream, token, depth));
      if (token.text === '{') return stream.withNewlines(false, () => parseObject(stream, token, depth));
  }
  throw new HclSyntaxError(`expected an expression, found ${describeToken(token)}`, token.start);
}

function parseCall(stream: TokenStream, name: Token, depth: number): Expression {
  return stream.withNewlines(false, () => {
    stream.expect('(', 'to start the arguments');
    const args: Expression[] = [];
    while (!isPunct(stream.peek(), ')')) {
      args.push(parseExpression(stream, depth + 1));
      stream.accept('...');
      if (!stream.accept(',')) break;
    }
    const end = stream.expect(')', `to close the arguments of ${name.text}()`).end;
    return { type: 'call', name: name.text, args, start: name.start, end };
  });
}

function parseTuple(stream: TokenStream, open: Token, depth: number): Expression {
  if (isFor(stream)) return skipFor(stream, open, ']');
  const items: Expression[] = [];
  while (!isPunct(stream.peek(), ']')) {
    items.push(parseExpression(stream, depth + 1));
    if (!stream.accept(',')) break;
  }
  const end = stream.expect(']', 'to close the list').end;
  return { type: 'tuple', items, start: open.start, end };
}

function parseObject(stream: TokenStream, open: Token, depth: number): Expression {
  if (isFor(stream)) return skipFor(stream, open, '}');
  const items: ObjectItem[] = [];
  while (!isPunct(stream.peek(), '}')) {
    const key = parseExpression(stream, depth + 1);
    if (!stream.accept('=')) stream.expect(':', 'or "=" after an object key');
    items.push({ key, value: parseExpression(stream, depth + 1) });
    stream.accept(',');
  }
  const end = stream.expect('}', 'to close the object').end;
  return { type: 'object', items, start: open.start, end };
}

function isFor(stream: TokenStream): boolean {
  const token = stream.peek();
  return token.type === 'ident' && token.text === 'for' && stream.peekSecond().type === 'ident';
}

/** Skips a for-expression up to its closing bracket; its value is left to Terraform. */
function skipFor(stream: TokenStream, open: Token, close: string): Expression {
  let depth = 1;
  for (;;) {
    const token = stream.next();
    if (token.type === 'eof')
      throw new HclSyntaxError(`expected ${JSON.stringify(close)} to close the for expression`, open.start);
    if (token.type !== 'punct') continue;
    if ('([{'.includes(token.text)) depth++;
    else if (')]}'.includes(token.text) && --depth === 0)
      return { type: 'opaque', start: open.start, end: token.end };
  }
}
