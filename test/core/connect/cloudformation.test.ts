import { describe, expect, it } from 'vitest';
import { parse, parseDocument, visit } from 'yaml';
import {
  buildCloudFormationTemplate,
  CFN_ROLE_LOGICAL_ID,
  renderCloudFormationTemplate,
} from '../../../core/connect/cloudformation.ts';
import { generateExternalId } from '../../../core/connect/external-id.ts';
import { validateIamPolicy } from '../../../core/connect/iam-policy-schema.ts';
import { buildPermissionPolicy } from '../../../core/connect/permission-policy.ts';
import { buildScannerTrustPolicy } from '../../../core/connect/trust-policy.ts';

/** Resolves the intrinsics the template uses (Ref, Fn::Join) the way CloudFormation would, for given parameters. */
function resolve(value: unknown, parameters: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => resolve(item, parameters));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if ('Ref' in record) {
    const name = String(record.Ref);
    const resolved = parameters[name];
    if (resolved === undefined) throw new Error(`unresolved Ref ${name}`);
    return resolved;
  }
  if ('Fn::Join' in record) {
    const [separator, parts] = record['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => resolve(part, parameters)).join(separator);
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, resolve(item, parameters)]));
}

/** Every `Ref` target in the template. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === 'Ref' ? [String(item)] : refs(item)));
}

describe('renderCloudFormationTemplate', () => {
  const json = renderCloudFormationTemplate({ format: 'json' });
  const yaml = renderCloudFormationTemplate({ format: 'yaml' });

  it('renders JSON and YAML of the same object', () => {
    const template = buildCloudFormationTemplate();
    expect(JSON.parse(json)).toEqual(template);
    expect(parse(yaml)).toEqual(template);
    expect(renderCloudFormationTemplate()).toBe(json);
  });

  it('reads the same under YAML 1.1 rules (nothing turns into a date or a boolean)', () => {
    expect(parse(yaml, { version: '1.1' })).toEqual(JSON.parse(json));
    expect(yaml).toContain('Version: "2012-10-17"');
  });

  it('writes no YAML anchors, aliases or tags, even when values repeat', () => {
    const withRegions = renderCloudFormationTemplate({ format: 'yaml', regions: ['eu-west-1', 'us-east-1'] });
    let special = 0;
    visit(parseDocument(withRegions), {
      Alias: () => {
        special += 1;
      },
      Node: (_key, node) => {
        if (node.anchor !== undefined || node.tag !== undefined) special += 1;
      },
    });
    expect(special).toBe(0);
  });

  it('has exactly one resource: the IAM role with one-hour sessions', () => {
    const template = JSON.parse(json);
    expect(Object.keys(template.Resources)).toEqual([CFN_ROLE_LOGICAL_ID]);
    const role = template.Resources[CFN_ROLE_LOGICAL_ID];
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties.MaxSessionDuration).toBe(3600);
    expect(role.Properties.Description.length).toBeGreaterThan(10);
    expect(template.Description.length).toBeLessThanOrEqual(1024);
    expect(template.Outputs).toEqual({
      RoleArn: { Description: expect.any(String), Value: { 'Fn::GetAtt': [CFN_ROLE_LOGICAL_ID, 'Arn'] } },
    });
  });

  it('references both parameters with Ref, and refers to nothing else but pseudo parameters', () => {
    const template = buildCloudFormationTemplate();
    const targets = new Set(refs(template.Resources));
    expect(targets).toEqual(new Set(['ExternalId', 'ScannerAccountId', 'AWS::Partition']));
    expect(Object.keys(template.Parameters).sort()).toEqual(['ExternalId', 'ScannerAccountId']);
  });

  it('constrains the parameters: an Axiom External ID and a 12-digit account', () => {
    const { ExternalId, ScannerAccountId } = buildCloudFormationTemplate().Parameters;
    const externalIdPattern = new RegExp(ExternalId.AllowedPattern);
    const generated = generateExternalId();
    expect(externalIdPattern.test(generated)).toBe(true);
    expect(generated.length).toBeGreaterThanOrEqual(ExternalId.MinLength);
    expect(generated.length).toBeLessThanOrEqual(ExternalId.MaxLength);
    expect(ExternalId.MinLength).toBeGreaterThanOrEqual(2);
    expect(ExternalId.MaxLength).toBeLessThanOrEqual(1224);
    for (const chosen of ['my-external-id', 'axm-short', `axm-${'a'.repeat(31)}!`]) {
      expect(externalIdPattern.test(chosen)).toBe(false);
    }
    const accountPattern = new RegExp(ScannerAccountId.AllowedPattern);
    expect(accountPattern.test('123456789012')).toBe(true);
    for (const bad of ['12345678901', '1234567890123', '12345678901a'])
      expect(accountPattern.test(bad)).toBe(false);
  });

  it('resolves to the scanner trust policy and the permission policy, both valid IAM', () => {
    const externalId = generateExternalId();
    const parameters = { ExternalId: externalId, ScannerAccountId: '123456789012', 'AWS::Partition': 'aws' };
    const properties = resolve(
      buildCloudFormationTemplate().Resources[CFN_ROLE_LOGICAL_ID].Properties,
      parameters,
    ) as {
      AssumeRolePolicyDocument: unknown;
      Policies: { PolicyName: string; PolicyDocument: unknown }[];
    };
    expect(properties.AssumeRolePolicyDocument).toEqual(
      buildScannerTrustPolicy({ scannerAccountId: '123456789012', externalId }),
    );
    expect(validateIamPolicy(properties.AssumeRolePolicyDocument, 'trust').valid).toBe(true);
    expect(properties.Policies).toHaveLength(1);
    expect(properties.Policies[0]?.PolicyDocument).toEqual(buildPermissionPolicy());
    expect(validateIamPolicy(properties.Policies[0]?.PolicyDocument, 'identity').valid).toBe(true);
  });

  it('carries the region restriction into the inline policy', () => {
    const regions = ['us-east-1', 'eu-central-1'];
    const template = JSON.parse(renderCloudFormationTemplate({ format: 'json', regions }));
    expect(template.Resources[CFN_ROLE_LOGICAL_ID].Properties.Policies[0].PolicyDocument).toEqual(
      buildPermissionPolicy({ regions }),
    );
  });
});
