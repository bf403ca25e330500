import type { LocatedProblem } from '../extract-result.ts';
import { parseJsonWithPositions } from '../json-positions.ts';
import { decodeJsonStringLiteral, decodeUrlEncoded } from '../json-string.ts';
import type { LineIndex } from '../line-index.ts';
import { mappedLocator } from '../mapped-text.ts';
import type { SourceNode } from '../source-node.ts';

/** A policy value ready to build, or why it cannot be read. */
export type EmbeddedPolicy = { ok: true; node: SourceNode } | { ok: false; problem: LocatedProblem };

/**
 * The policy held by `node` in a JSON file: the object itself, or a JSON string (a Terraform plan's `policy`
 * attribute, IAM's URL-encoded `Document`) parsed with positions that point into the file.
 */
export function readEmbeddedPolicy(
  node: SourceNode,
  fileText: string,
  lines: LineIndex,
  holder: string,
): EmbeddedPolicy {
  if (node.type !== 'string') return { ok: true, node };
  let decoded = decodeJsonStringLiteral(fileText, node.start);
  if (decoded.text.trimStart().startsWith('%')) decoded = decodeUrlEncoded(decoded);
  const parsed = parseJsonWithPositions(decoded.text, { locator: mappedLocator(lines, decoded) });
  if (parsed.ok) return { ok: true, node: parsed.node };
  return {
    ok: false,
    problem: {
      kind: 'parse-error',
      message: `cannot parse the policy JSON in ${holder}: ${parsed.message}`,
      range: parsed.range,
    },
  };
}
