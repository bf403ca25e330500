// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM ARN templates, condition keys and policy variables are written ${Like} this.
import { describe, expect, it } from 'vitest';
import { type AccessLevel, parseAccessLevels } from '../../../../core/policy/catalog/action-info.ts';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';

const catalog = loadIamCatalog();

function action(key: string) {
  const found = catalog.action(key);
  if (!found) throw new Error(`test setup: ${key} is not in the catalogue`);
  return found;
}

describe('action lookups', () => {
  it('finds an action by key or by service and name, in any case', () => {
    const passRole = action('iam:PassRole');
    expect(passRole).toMatchObject({ service: 'iam', name: 'PassRole', key: 'iam:PassRole' });
    expect(catalog.action('IAM', 'passrole')).toBe(passRole);
    expect(catalog.action('iam:PASSROLE')).toBe(passRole);
    expect(passRole.resourceTypes.map((type) => type.name)).toEqual(['role']);
  });

  it('finds every action of the catalogue by its key, and nothing between or beyond the names', () => {
    const all = catalog.allActions();
    expect(all.filter((each) => catalog.action(each.key) !== each)).toEqual([]);
    expect(all.filter((each) => catalog.action(each.key.toUpperCase()) !== each)).toEqual([]);
    // Before the first name, after the last, and just past each name of a service: never a match.
    expect(catalog.action('s3', '')).toBeUndefined();
    expect(catalog.action('s3', '~')).toBeUndefined();
    const s3 = all.filter((each) => each.service === 's3');
    expect(s3.filter((each) => catalog.action('s3', `${each.name}_`) !== undefined)).toEqual([]);
  });

  it.each([['iam:PassRoles'], ['nosuch:Thing'], ['iam'], ['']])('%j is not an action', (key) => {
    expect(catalog.action(key)).toBeUndefined();
  });

  it('lists services and knows which exist', () => {
    const prefixes = catalog.services().map((service) => service.prefix);
    expect(prefixes.length).toBeGreaterThan(300);
    expect(prefixes).toEqual([...prefixes].sort());
    expect(catalog.services().find((service) => service.prefix === 's3')?.name).toBe('Amazon S3');
    expect(catalog.serviceExists('s3')).toBe(true);
    expect(catalog.serviceExists('S3')).toBe(true);
    expect(catalog.serviceExists('s33')).toBe(false);
  });
});

describe('access levels', () => {
  it.each<[string, AccessLevel[]]>([
    ['iam:PassRole', ['Write']],
    ['iam:PutRolePolicy', ['Permissions management', 'Write']],
    ['iam:AttachRolePolicy', ['Permissions management', 'Write']],
    ['s3:PutBucketPolicy', ['Permissions management', 'Write']],
    ['s3:ListAllMyBuckets', ['List']],
    ['s3:GetObject', ['Read']],
    ['s3:PutObject', ['Write']],
    ['s3:TagResource', ['Tagging', 'Write']],
    ['s3:PutObjectTagging', ['Tagging', 'Write']],
    ['ec2:DescribeInstances', ['List']],
  ])('%s is %j', (key, levels) => {
    expect([...action(key).accessLevels].sort()).toEqual([...levels].sort());
  });

  it('keeps the catalogue label for messages', () => {
    expect(action('iam:PutRolePolicy').accessLevelLabel).toBe('Permissions management, Write');
  });

  it.each<[string, AccessLevel[]]>([
    ['Read', ['Read']],
    ['Tagging, Write', ['Tagging', 'Write']],
    ['permissions management , write', ['Permissions management', 'Write']],
    ['Something New', ['Write']],
    ['', ['Write']],
  ])('parses the label %j as %j (unknown labels count as Write)', (label, levels) => {
    expect([...parseAccessLevels(label)].sort()).toEqual([...levels].sort());
  });

  it('gives every action of the catalogue at least one known level', () => {
    const known = new Set(['List', 'Read', 'Write', 'Permissions management', 'Tagging']);
    const odd = catalog
      .allActions()
      .filter((info) => [...info.accessLevels].some((level) => !known.has(level)));
    expect(odd).toEqual([]);
  });
});

describe('resource types and wildcard-only actions', () => {
  it.each([
    ['s3:ListAllMyBuckets', true],
    ['ec2:DescribeInstances', true],
    ['sts:GetCallerIdentity', true],
    ['s3:GetObject', false],
    ['iam:PassRole', false],
  ])('%s is wildcard-only: %s', (key, expected) => {
    expect(action(key).isWildcardOnly).toBe(expected);
    expect(action(key).resourceTypes.length === 0).toBe(expected);
  });

  it('resolves resource types to their ARN templates and condition keys', () => {
    expect(action('iam:PassRole').resourceTypes).toEqual([
      {
        name: 'role',
        required: true,
        arn: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
        conditionKeys: expect.arrayContaining(['aws:ResourceTag/${TagKey}']),
        dependentActions: [],
      },
    ]);
    const object = action('s3:GetObject').resourceTypes.find((type) => type.name === 'object');
    expect(object?.arn).toBe('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  });

  it('resolves every resource type of every action to a real ARN template (never the fallback)', () => {
    const unresolved = catalog
      .allActions()
      .flatMap((info) =>
        info.resourceTypes.filter((type) => !type.arn.startsWith('arn:')).map(() => info.key),
      );
    expect(unresolved).toEqual([]);
  });
});
