import type { PolicyKind, ResourcePolicyType } from '../../document.ts';
import { buildPolicyDocument, type DocumentContext } from '../build-document.ts';
import type { ExtractContext } from '../collector.ts';
import type { LocatedProblem } from '../extract-result.ts';
import type { Attribute, Block, Body } from '../hcl/ast.ts';
import { inferPolicyKind } from '../infer-kind.ts';
import { policyAttributesOf, type TerraformPolicyAttribute } from './policy-attributes.ts';
import { attribute, policyDocumentDataNode } from './policy-document-data.ts';
import { resolvePolicyValue } from './policy-value.ts';

/** A resource attribute that uses a policy-document data source. */
interface DataSourceUse {
  address: string;
  kind: PolicyKind;
  resourceType: ResourcePolicyType | undefined;
}

/**
 * Every policy in a Terraform file: the policy attributes of the resources Axiom knows, and each
 * `aws_iam_policy_document` data source once, with the kind of the resources that use it (identity when
 * none does) and their addresses in `usedBy`.
 */
export function extractTerraform(context: ExtractContext, body: Body): void {
  const locals = new Map<string, Attribute>();
  const localBlocks = body.blocks.filter((b) => b.type === 'locals');
  for (let i = 0; i < localBlocks.length; i++) {
    const attributes = localBlocks[i]!.body.attributes;
    for (let j = 0; j < attributes.length; j++) {
      const local = attributes[j]!;
      locals.set(local.name, local);
    }
  }
  const uses = new Map<string, DataSourceUse[]>();
  for (let i = 0; i < body.blocks.length; i++) {
    const resource = body.blocks[i]!;
    const type = resource.labels[0]?.value;
    const name = resource.labels[1]?.value;
    if (resource.type !== 'resource' || !type || !name) continue;
    const places = policyAttributesOf(type);
    for (let j = 0; j < places.length; j++) {
      const place = places[j]!;
      const holders = place.block
        ? resource.body.blocks
            .filter((b) => b.type === place.block)
            .map((nested, index) => ({
              body: nested.body,
              address: `${type}.${name}.${place.block}[${index}]`,
            }))
        : [{ body: resource.body, address: `${type}.${name}` }];
      for (let k = 0; k < holders.length; k++) {
        const holder = holders[k]!;
        const policy = attribute(holder.body, place.attribute);
        if (policy) collectAttribute(context, policy, place, holder.address, locals, uses);
      }
    }
  }
  for (let i = 0; i < body.blocks.length; i++) {
    const data = body.blocks[i]!;
    if (data.type === 'data' && data.labels[0]?.value === 'aws_iam_policy_document' && data.labels[1]) {
      collectDataSource(context, data, data.labels[1].value, uses.get(data.labels[1].value) ?? []);
    }
  }
  context.collector.result.documents.sort((a, b) => a.source.range.line - b.source.range.line);
}

function collectAttribute(
  context: ExtractContext,
  policy: Attribute,
  place: TerraformPolicyAttribute,
  address: string,
  locals: ReadonlyMap<string, Attribute>,
  uses: Map<string, DataSourceUse[]>,
): void {
  const { text } = context.file;
  const resolved = resolvePolicyValue(policy.value, { text, lines: context.lines, locals, holder: address });
  if (resolved.type === 'problem') {
    context.collector.addProblem(resolved.problem);
  } else if (resolved.type === 'data-source') {
    const list = uses.get(resolved.name) ?? [];
    list.push({ address, kind: place.kind, resourceType: place.policyResourceType });
    uses.set(resolved.name, list);
  } else {
    const documentContext: DocumentContext = {
      kind: place.kind,
      resourceType: place.policyResourceType,
      source: {
        file: context.file.path,
        format: 'terraform',
        holder: address,
        holderType: place.resourceType,
      },
    };
    context.collector.addBuilt(buildPolicyDocument(resolved.node, documentContext));
  }
}

/** One document per distinct kind the data source is used as; usually exactly one. */
function collectDataSource(
  context: ExtractContext,
  data: Block,
  name: string,
  uses: readonly DataSourceUse[],
): void {
  const problems: LocatedProblem[] = [];
  const node = policyDocumentDataNode(data, context.file.text, context.lines, problems);
  problems.forEach(context.collector.addProblem);
  const byKind = new Map<string, DataSourceUse[]>();
  for (let i = 0; i < uses.length; i++) {
    const use = uses[i]!;
    const key = `${use.kind}/${use.resourceType ?? ''}`;
    const group = byKind.get(key) ?? [];
    group.push(use);
    byKind.set(key, group);
  }
  const groups = byKind.size > 0 ? [...byKind.values()] : [[]];
  groups.forEach((group, index) => {
    const first = group[0];
    const documentContext: DocumentContext = {
      kind: first?.kind ?? 'identity',
      resourceType: first?.resourceType,
      source: {
        file: context.file.path,
        format: 'terraform',
        holder: `data.aws_iam_policy_document.${name}`,
        holderType: 'aws_iam_policy_document',
        ...(group.length > 0 ? { usedBy: group.map((use) => use.address) } : {}),
      },
    };
    const built = buildPolicyDocument(node, documentContext);
    // Not used in this file (the role often lives in another one): judge the kind from the statements, as for
    // a bare JSON policy, so a trust document with principals is not checked as an identity policy.
    if (first === undefined && built.document)
      built.document.kind = inferPolicyKind(built.document.statements);
    // Structural problems belong to the data source, not to each use of it: they are reported once.
    context.collector.addBuilt(index === 0 ? built : { ...built, problems: [] });
  });
}
