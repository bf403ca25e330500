import type { ExtractContext } from '../collector.ts';
import { member, type ObjectNode, type SourceNode, stringValue } from '../source-node.ts';
import { policyAttributesOf, type TerraformPolicyAttribute } from '../terraform/policy-attributes.ts';
import { collectEmbeddedPolicy, forEachItem } from './json-file-context.ts';

/** True for the output of `terraform show -json` on a plan. */
export function isTerraformPlan(root: ObjectNode): boolean {
  return (
    member(root, 'format_version') !== undefined &&
    (member(root, 'resource_changes') !== undefined || member(root, 'planned_values') !== undefined)
  );
}

/**
 * The policies a plan will put in place: the `after` values of `resource_changes`, or, in a plan without
 * changes listed, `planned_values` module by module. Data sources are skipped, since the resources that
 * use them carry the rendered JSON.
 */
export function extractTerraformPlan(context: ExtractContext, root: ObjectNode): void {
  const changes = member(root, 'resource_changes');
  if (changes) {
    forEachItem(changes, (change) => {
      collectResource(context, change, member(member(change, 'change'), 'after'));
    });
    return;
  }
  visitModule(context, member(member(root, 'planned_values'), 'root_module'), 0);
}

/** Planned resources of a module and, below it, of its child modules. */
function visitModule(context: ExtractContext, module: SourceNode | undefined, depth: number): void {
  if (!module || depth > 50) return;
  forEachItem(member(module, 'resources'), (resource) => {
    collectResource(context, resource, member(resource, 'values'));
  });
  forEachItem(member(module, 'child_modules'), (child) => visitModule(context, child, depth + 1));
}

/** The policies in one resource's values. */
function collectResource(
  context: ExtractContext,
  resource: SourceNode,
  values: SourceNode | undefined,
): void {
  const type = stringValue(member(resource, 'type'));
  const address = stringValue(member(resource, 'address'));
  if (!type || !address || stringValue(member(resource, 'mode')) === 'data' || values?.type !== 'object')
    return;
  const attributes = policyAttributesOf(type);
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (attribute.block) {
      forEachItem(member(values, attribute.block), (block, index) => {
        collectAttribute(
          context,
          member(block, attribute.attribute),
          attribute,
          `${address}.${attribute.block}[${index}]`,
        );
      });
    } else {
      collectAttribute(context, member(values, attribute.attribute), attribute, address);
    }
  }
}

function collectAttribute(
  context: ExtractContext,
  value: SourceNode | undefined,
  attribute: TerraformPolicyAttribute,
  holder: string,
): void {
  // Unknown values are absent or null in a plan, and an empty string means "no inline policy".
  if (value?.type !== 'string' || value.value.trim() === '') return;
  collectEmbeddedPolicy(context, value, {
    kind: attribute.kind,
    holder,
    holderType: attribute.resourceType,
    format: 'terraform-plan',
    resourceType: attribute.policyResourceType,
  });
}
