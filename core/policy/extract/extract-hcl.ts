import { createExtractContext } from './collector.ts';
import type { ExtractResult, PolicyFile } from './extract-result.ts';
import { parseHcl } from './hcl/parser.ts';
import { errorRange } from './line-index.ts';
import { parseSuppressionComment } from './suppression-comments.ts';
import { extractTerraform } from './terraform/extract-terraform.ts';

/** Policies and suppression comments in a Terraform file written in HCL. */
export function extractHclPolicies(file: PolicyFile): ExtractResult {
  const context = createExtractContext(file);
  const { lines, collector } = context;
  const parsed = parseHcl(file.text);
  if (!parsed.ok) {
    collector.addProblem({
      kind: 'parse-error',
      message: `cannot parse HCL: ${parsed.message}`,
      range: errorRange(lines, file.text, parsed.at),
    });
    return collector.result;
  }
  extractTerraform(context, parsed.body);
  const comments = parsed.comments;
  for (let i = 0; i < comments.length; i++) {
    const comment = comments[i]!;
    const suppression = parseSuppressionComment(comment.text, lines.range(comment.start, comment.start).line);
    if (suppression) collector.result.suppressionComments.push(suppression);
  }
  return collector.result;
}
