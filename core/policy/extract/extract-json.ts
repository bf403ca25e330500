import { buildPolicyDocument } from './build-document.ts';
import { extractCloudFormation, isCloudFormationTemplate } from './cloudformation/extract-cloudformation.ts';
import { createExtractContext } from './collector.ts';
import { looksLikePolicySource } from './detect-format.ts';
import type { ExtractResult, PolicyFile } from './extract-result.ts';
import { inferPolicyKind } from './infer-kind.ts';
import {
  extractAuthorizationDetails,
  extractPolicyVersion,
  isAuthorizationDetails,
  isPolicyVersionOutput,
} from './json/iam-cli-output.ts';
import { extractTerraformPlan, isTerraformPlan } from './json/terraform-plan.ts';
import { parseJsonWithPositions } from './json-positions.ts';
import { fileLocator } from './mapped-text.ts';
import { findEntry } from './source-node.ts';

/** How to read a JSON file. */
export interface JsonExtractOptions {
  /** Accept Terraform interpolations where values belong (a `templatefile` policy, `.json.tpl`). */
  template?: boolean;
}

/**
 * Policies in a JSON file: a bare policy document, `aws iam get-policy-version` or
 * `get-account-authorization-details` output, a Terraform plan (`terraform show -json`) or a CloudFormation
 * template. Any other JSON yields nothing, and its parse errors are reported only when it looks like one of
 * these (a `tsconfig.json` with comments is none of Axiom's business).
 */
export function extractJsonPolicies(file: PolicyFile, options: JsonExtractOptions = {}): ExtractResult {
  const context = createExtractContext(file);
  const { lines, collector } = context;
  const parsed = parseJsonWithPositions(file.text, {
    locator: fileLocator(lines),
    wholeFile: true,
    template: options.template === true,
  });
  if (!parsed.ok) {
    if (looksLikePolicySource(file.text)) {
      collector.addProblem({
        kind: 'parse-error',
        message: `cannot parse JSON: ${parsed.message}`,
        range: parsed.range,
      });
    }
    return collector.result;
  }
  const root = parsed.node;
  if (root.type !== 'object') return collector.result;
  if (findEntry(root, 'Statement')) {
    const built = buildPolicyDocument(root, {
      kind: 'identity',
      source: { file: file.path, format: 'json' },
      // Parsed as the whole file: string spans are their JSON source (isWellFormed is immediate for one-byte text).
      spansAreSource: options.template !== true && file.text.isWellFormed(),
    });
    if (built.document) built.document.kind = inferPolicyKind(built.document.statements);
    collector.addBuilt(built);
  } else if (isPolicyVersionOutput(root)) {
    extractPolicyVersion(context, root);
  } else if (isAuthorizationDetails(root)) {
    extractAuthorizationDetails(context, root);
  } else if (isTerraformPlan(root)) {
    extractTerraformPlan(context, root);
  } else if (isCloudFormationTemplate(root)) {
    extractCloudFormation(context, root);
  }
  return collector.result;
}
