/**
 * Turns the extractor's `axiom:ignore` comments into suppressions with the span they cover. A comment covers its
 * own line and the next; written above a statement, a Terraform block or a CloudFormation resource, it covers that
 * whole thing, so one comment above `resource "aws_iam_policy" "ci" {` suppresses the check anywhere in its policy.
 */
import type { InlineSuppression } from '../../findings/suppressions.ts';
import type { SourceRange } from '../document.ts';
import type { ExtractResult } from '../extract/extract-result.ts';

const COMMENT_LINE = /^\s*(?:#|\/\/|\/\*)/;
const TERRAFORM_BLOCK = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"/;
const YAML_KEY = /^\s*"?([A-Za-z0-9]+)"?\s*:\s*(?:#.*)?$/;

/** The suppressions of one file's comments, each with the block it covers when one starts below it. */
export function inlineSuppressions(
  file: string,
  text: string,
  extraction: ExtractResult,
): InlineSuppression[] {
  if (extraction.suppressionComments.length === 0) return [];
  const lines = text.split(/\r?\n/);
  return extraction.suppressionComments.map((comment) => {
    const suppression: InlineSuppression = {
      file,
      line: comment.line,
      checkId: comment.checkId,
      reason: comment.reason,
    };
    const next = nextCodeLine(lines, comment.line);
    if (next === undefined) return suppression;
    const endLine = coveredEnd(lines[next - 1]!, next, extraction);
    if (endLine !== undefined) suppression.range = { line: next, endLine };
    return suppression;
  });
}

/** The first line after `line` that is neither blank nor a comment (1-based), so comments can stack. */
function nextCodeLine(lines: readonly string[], line: number): number | undefined {
  for (let index = line; index < lines.length; index++) {
    const text = lines[index]!;
    if (text.trim() !== '' && !COMMENT_LINE.test(text)) return index + 1;
  }
  return undefined;
}

/** The last line of what starts on line `start`: a statement, a document, a Terraform block or a CloudFormation resource. */
function coveredEnd(text: string, start: number, extraction: ExtractResult): number | undefined {
  const ranges: SourceRange[] = [];
  for (const document of extraction.documents) {
    if (document.source.range.line === start) ranges.push(document.source.range);
    for (const statement of document.statements)
      if (statement.range.line === start) ranges.push(statement.range);
  }
  const block = blockHolder(text);
  if (block !== undefined) {
    for (const document of extraction.documents) {
      const holder = document.source.holder ?? '';
      if (holder === block || holder.startsWith(`${block}.`) || holder.startsWith(`${block}[`))
        ranges.push(document.source.range);
    }
  }
  if (ranges.length === 0) return undefined;
  return Math.max(...ranges.map((range) => range.endLine));
}

/** The holders a block opening on this line would give its policies: a Terraform address or a CloudFormation resource. */
function blockHolder(text: string): string | undefined {
  const terraform = TERRAFORM_BLOCK.exec(text);
  if (terraform) {
    const address = `${terraform[2]}.${terraform[3]}`;
    return terraform[1] === 'data' ? `data.${address}` : address;
  }
  const key = YAML_KEY.exec(text);
  return key ? `Resources.${key[1]}` : undefined;
}
