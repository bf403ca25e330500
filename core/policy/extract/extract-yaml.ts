import { parseAllDocuments } from 'yaml';
import { extractCloudFormation, isCloudFormationTemplate } from './cloudformation/extract-cloudformation.ts';
import { CLOUDFORMATION_TAGS, yamlToSourceNode } from './cloudformation/yaml-to-node.ts';
import { createExtractContext } from './collector.ts';
import { looksLikePolicySource } from './detect-format.ts';
import type { ExtractResult, PolicyFile } from './extract-result.ts';
import { errorRange } from './line-index.ts';
import { yamlSuppressionComments } from './suppression-comments.ts';

/**
 * Policies in a YAML file: each document of the stream that is a CloudFormation template, and the file's
 * suppression comments. Other YAML (workflows, Kubernetes manifests, Helm templates) yields nothing, and its
 * parse errors are not reported.
 */
export function extractYamlPolicies(file: PolicyFile): ExtractResult {
  const context = createExtractContext(file);
  const { lines, collector } = context;
  const documents = parseAllDocuments(file.text, {
    customTags: CLOUDFORMATION_TAGS,
    prettyErrors: false,
    uniqueKeys: false,
  });
  if (!Array.isArray(documents)) return collector.result;
  const error = documents.flatMap((document) => document.errors)[0];
  if (error) {
    if (looksLikePolicySource(file.text)) {
      collector.addProblem({
        kind: 'parse-error',
        message: `cannot parse YAML: ${error.message}`,
        range: errorRange(lines, file.text, error.pos[0]),
      });
    }
    return collector.result;
  }
  let isTemplate = false;
  for (let i = 0; i < documents.length; i++) {
    const converted = yamlToSourceNode(documents[i]!, file.text, lines);
    if (converted.node?.type !== 'object' || !isCloudFormationTemplate(converted.node)) continue;
    isTemplate = true;
    converted.problems.forEach(collector.addProblem);
    extractCloudFormation(context, converted.node);
  }
  if (isTemplate) collector.result.suppressionComments.push(...yamlSuppressionComments(file.text));
  return collector.result;
}
