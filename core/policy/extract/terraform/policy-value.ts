import { abbreviate } from '../abbreviate.ts';
import type { LocatedProblem } from '../extract-result.ts';
import type { Attribute, Expression } from '../hcl/ast.ts';
import { hclToSourceNode } from '../hcl/to-source-node.ts';
import { parseJsonWithPositions } from '../json-positions.ts';
import type { LineIndex } from '../line-index.ts';
import { mappedLocator } from '../mapped-text.ts';
import type { SourceNode } from '../source-node.ts';

/** What a policy attribute holds: a document, a reference to a policy-document data source, or a problem. */
export type PolicyValue =
  | { type: 'node'; node: SourceNode }
  | { type: 'data-source'; name: string }
  | { type: 'problem'; problem: LocatedProblem };

/** What resolving a policy attribute needs about the file. */
export interface PolicyValueContext {
  text: string;
  lines: LineIndex;
  /** The file's `locals`, by name, so `policy = local.x` can be followed. */
  locals: ReadonlyMap<string, Attribute>;
  /** The address of the resource, for messages. */
  holder: string;
}

const DATA_SOURCE = /^data\.aws_iam_policy_document\.([\w-]+)(?:\[[^\]]*\])?\.(?:minified_)?json$/;
const LOCAL = /^local\.([\w-]+)$/;
/** `"${data.aws_iam_policy_document.x.json}"`, the Terraform 0.11 way of writing a reference. */
const WRAPPED_REFERENCE = /^\$\{\s*([^{}"]+?)\s*\}$/;

/**
 * Resolves the expression of a policy attribute: `jsonencode({...})`, JSON in a heredoc or a string, a
 * `data.aws_iam_policy_document.<name>.json` reference, or a local holding one of those.
 */
export function resolvePolicyValue(
  expression: Expression,
  context: PolicyValueContext,
  depth = 0,
): PolicyValue {
  if (expression.type === 'call' && expression.name === 'jsonencode' && expression.args.length === 1) {
    return { type: 'node', node: hclToSourceNode(expression.args[0]!, context.text, context.lines) };
  }
  if (expression.type === 'template') {
    const { decoded } = expression.template;
    const wrapped = WRAPPED_REFERENCE.exec(decoded.text.trim());
    if (wrapped) return resolveReference(wrapped[1]!, expression, context, depth);
    const parsed = parseJsonWithPositions(decoded.text, {
      locator: mappedLocator(context.lines, decoded),
      template: true,
    });
    if (parsed.ok) return { type: 'node', node: parsed.node };
    return problem(
      'parse-error',
      `cannot parse the policy JSON in ${context.holder}: ${parsed.message}`,
      parsed.range,
    );
  }
  if (expression.type === 'reference') {
    return resolveReference(context.text.slice(expression.start, expression.end), expression, context, depth);
  }
  return unresolved(expression, context);
}

function resolveReference(
  reference: string,
  expression: Expression,
  context: PolicyValueContext,
  depth: number,
): PolicyValue {
  const compact = reference.replace(/\s+/g, '');
  const dataSource = DATA_SOURCE.exec(compact);
  if (dataSource) return { type: 'data-source', name: dataSource[1]! };
  const local = LOCAL.exec(compact);
  const definition = local && context.locals.get(local[1]!);
  // Locals can refer to each other; a short chain is followed, a cycle is not.
  if (definition && depth < 5) return resolvePolicyValue(definition.value, context, depth + 1);
  return unresolved(expression, context);
}

function unresolved(expression: Expression, context: PolicyValueContext): PolicyValue {
  const shown = abbreviate(context.text.slice(expression.start, expression.end));
  return problem(
    'unresolved',
    `the policy of ${context.holder} comes from ${shown}, which is not analysed here`,
    context.lines.range(expression.start, expression.end),
  );
}

function problem(kind: LocatedProblem['kind'], message: string, range: LocatedProblem['range']): PolicyValue {
  return { type: 'problem', problem: { kind, message, range } };
}
