import type { PolicyKind, ResourcePolicyType } from '../../document.ts';
import { buildPolicyDocument, type DocumentContext } from '../build-document.ts';
import type { ExtractContext } from '../collector.ts';
import { parseJsonWithPositions } from '../json-positions.ts';
import { decodeJsonStringLiteral } from '../json-string.ts';
import { fileLocator, mappedLocator } from '../mapped-text.ts';
import { member, type ObjectNode, type SourceNode, stringValue } from '../source-node.ts';
import { resolveIntrinsics } from './intrinsics.ts';
import { lambdaPermissionPolicy } from './lambda-permission.ts';

/** A resource property that holds a policy document. */
interface PolicyProperty {
  /** The property, or the property of each item of `list`. */
  property: string;
  /** A list property whose items each hold a policy (`Policies` of roles, users and groups). */
  list?: string;
  kind: PolicyKind;
  resourceType?: ResourcePolicyType;
}

const INLINE_POLICIES: PolicyProperty = { list: 'Policies', property: 'PolicyDocument', kind: 'identity' };

/** The resource types whose properties hold policies, and where. */
const POLICY_PROPERTIES: Record<string, readonly PolicyProperty[]> = {
  'AWS::IAM::Policy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::ManagedPolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::Role': [{ property: 'AssumeRolePolicyDocument', kind: 'trust' }, INLINE_POLICIES],
  'AWS::IAM::User': [INLINE_POLICIES],
  'AWS::IAM::Group': [INLINE_POLICIES],
  'AWS::S3::BucketPolicy': [{ property: 'PolicyDocument', kind: 'resource', resourceType: 's3-bucket' }],
  'AWS::SQS::QueuePolicy': [{ property: 'PolicyDocument', kind: 'resource', resourceType: 'sqs-queue' }],
  'AWS::SNS::TopicPolicy': [{ property: 'PolicyDocument', kind: 'resource', resourceType: 'sns-topic' }],
  'AWS::KMS::Key': [{ property: 'KeyPolicy', kind: 'resource', resourceType: 'kms-key' }],
};

/** True for a CloudFormation template: a format version, or resources typed `AWS::...`. */
export function isCloudFormationTemplate(root: ObjectNode): boolean {
  if (member(root, 'AWSTemplateFormatVersion')) return true;
  const resources = member(root, 'Resources');
  return (
    resources?.type === 'object' &&
    resources.entries.some((entry) => stringValue(member(entry.value, 'Type'))?.startsWith('AWS::'))
  );
}

/** Every policy held by the template's resources, and the resource policy of each Lambda permission. */
export function extractCloudFormation(context: ExtractContext, root: ObjectNode): void {
  const resources = member(root, 'Resources');
  if (resources?.type !== 'object') return;
  for (let i = 0; i < resources.entries.length; i++) {
    const entry = resources.entries[i]!;
    if (entry.key.type !== 'string') continue;
    const type = stringValue(member(entry.value, 'Type'));
    const rawProperties = member(entry.value, 'Properties');
    if (!type || rawProperties?.type !== 'object') continue;
    const properties = resolveIntrinsics(rawProperties, context.file.text);
    const path = `Resources.${entry.key.value}`;
    if (type === 'AWS::Lambda::Permission' && properties.type === 'object') {
      const policy = lambdaPermissionPolicy(properties, entry.value);
      collect(context, policy, {
        kind: 'resource',
        resourceType: 'lambda-permission',
        source: source(context, path, type),
      });
      continue;
    }
    // Own properties only: a resource typed `toString` or `constructor` must find nothing, not Object's methods.
    const places = Object.hasOwn(POLICY_PROPERTIES, type) ? POLICY_PROPERTIES[type]! : [];
    for (let i = 0; i < places.length; i++) collectProperty(context, properties, places[i]!, path, type);
  }
}

function collectProperty(
  context: ExtractContext,
  properties: SourceNode,
  place: PolicyProperty,
  path: string,
  type: string,
): void {
  const base = { kind: place.kind, resourceType: place.resourceType };
  if (!place.list) {
    const policy = member(properties, place.property);
    const name =
      stringValue(member(properties, 'ManagedPolicyName')) ?? stringValue(member(properties, 'PolicyName'));
    if (policy)
      collect(context, policy, {
        ...base,
        source: source(context, `${path}.Properties.${place.property}`, type, name),
      });
    return;
  }
  const list = member(properties, place.list);
  if (list?.type !== 'array') return;
  list.items.forEach((item, index) => {
    const policy = member(item, place.property);
    const name = stringValue(member(item, 'PolicyName'));
    const holder = `${path}.Properties.${place.list}[${index}]`;
    if (policy) collect(context, policy, { ...base, source: source(context, holder, type, name) });
  });
}

function source(context: ExtractContext, holder: string, holderType: string, name?: string) {
  return {
    file: context.file.path,
    format: 'cloudformation' as const,
    holder,
    holderType,
    ...(name === undefined ? {} : { name }),
  };
}

function collect(context: ExtractContext, policy: SourceNode, documentContext: DocumentContext): void {
  const node = policy.type === 'string' ? parsePolicyString(context, policy) : policy;
  if (node)
    context.collector.addBuilt(buildPolicyDocument(node, { ...documentContext, coerceScalars: true }));
}

/**
 * CloudFormation also takes a policy as a JSON string. Positions map into the file for a JSON string
 * literal and for a YAML block scalar (`|`), whose lines are the JSON's lines; a JSON policy does not care
 * about the indentation YAML removes.
 */
function parsePolicyString(context: ExtractContext, policy: SourceNode & { type: 'string' }) {
  const { text } = context.file;
  const opener = text[policy.start];
  let parsed: ReturnType<typeof parseJsonWithPositions>;
  if (opener === '"') {
    const decoded = decodeJsonStringLiteral(text, policy.start);
    parsed = parseJsonWithPositions(decoded.text, { locator: mappedLocator(context.lines, decoded) });
  } else if (opener === '|' || opener === '>') {
    const bodyStart = text.indexOf('\n', policy.start) + 1;
    const body = bodyStart > 0 && bodyStart < policy.end ? text.slice(bodyStart, policy.end) : '';
    parsed = parseJsonWithPositions(body, { locator: fileLocator(context.lines, bodyStart) });
  } else {
    context.collector.addProblem({
      kind: 'unresolved',
      message: 'a policy written as a quoted YAML string is not analysed; write it as a mapping',
      range: policy.range,
    });
    return undefined;
  }
  if (parsed.ok) return parsed.node;
  context.collector.addProblem({
    kind: 'parse-error',
    message: `cannot parse the policy JSON: ${parsed.message}`,
    range: parsed.range,
  });
  return undefined;
}
