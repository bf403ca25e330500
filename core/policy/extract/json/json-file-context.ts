import type { PolicyKind, ResourcePolicyType } from '../../document.ts';
import { buildPolicyDocument } from '../build-document.ts';
import type { ExtractContext } from '../collector.ts';
import type { SourceNode } from '../source-node.ts';
import { readEmbeddedPolicy } from './embedded-policy.ts';

/** Where an embedded policy sits and what it is. */
export interface EmbeddedPolicyPlace {
  /** What the policy governs. */
  kind: PolicyKind;
  /** For resource policies, what they are attached to. */
  resourceType?: ResourcePolicyType | undefined;
  /** The JSON path or Terraform address holding the policy. */
  holder: string;
  /** The holder's type, e.g. `AWS::IAM::Role` or `aws_iam_role`. */
  holderType: string;
  /** The policy's name, when the file gives one. */
  name?: string | undefined;
  /** The kind of file. */
  format: 'json' | 'terraform-plan';
}

/** Builds the policy held by `node` (an object or a JSON string) and collects it. */
export function collectEmbeddedPolicy(
  context: ExtractContext,
  node: SourceNode,
  place: EmbeddedPolicyPlace,
): void {
  const embedded = readEmbeddedPolicy(node, context.file.text, context.lines, place.holder);
  if (!embedded.ok) {
    context.collector.addProblem(embedded.problem);
    return;
  }
  const source = {
    file: context.file.path,
    format: place.format,
    holder: place.holder,
    holderType: place.holderType,
    ...(place.name === undefined ? {} : { name: place.name }),
  };
  const documentContext = { kind: place.kind, resourceType: place.resourceType, source };
  context.collector.addBuilt(buildPolicyDocument(embedded.node, documentContext));
}

/** Calls `visit` for each item when `node` is an array. */
export function forEachItem(
  node: SourceNode | undefined,
  visit: (item: SourceNode, index: number) => void,
): void {
  if (node?.type === 'array') node.items.forEach(visit);
}
