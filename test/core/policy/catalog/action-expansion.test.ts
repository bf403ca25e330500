import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';

const catalog = loadIamCatalog();
const keys = (pattern: string) => catalog.expandActionPattern(pattern).actions.map((action) => action.key);

describe('expandActionPattern: exact actions', () => {
  it.each([
    ['s3:GetObject', 's3:GetObject'],
    ['S3:getobject', 's3:GetObject'],
    ['IAM:PASSROLE', 'iam:PassRole'],
    ['ec2:DescribeInstances', 'ec2:DescribeInstances'],
    ['sts:AssumeRole', 'sts:AssumeRole'],
  ])('%s is exactly %s', (pattern, key) => {
    const result = catalog.expandActionPattern(pattern);
    expect(result.resultType).toBe('exact');
    expect(result.actions.map((action) => action.key)).toEqual([key]);
  });
});

describe('expandActionPattern: wildcards', () => {
  it('s3:Get* includes s3:GetObject and not s3:PutObject, and only s3 Get actions', () => {
    const result = catalog.expandActionPattern('s3:Get*');
    expect(result.resultType).toBe('wildcard');
    expect(keys('s3:Get*')).toContain('s3:GetObject');
    expect(keys('s3:Get*')).not.toContain('s3:PutObject');
    expect(keys('s3:Get*').every((key) => key.startsWith('s3:Get'))).toBe(true);
  });

  it.each([
    ['iam:*', (key: string) => key.startsWith('iam:')],
    ['ec2:Describe*', (key: string) => key.startsWith('ec2:Describe')],
    ['*:Get*', (key: string) => key.split(':')[1]!.toLowerCase().startsWith('get')],
    ['s3:*Object', (key: string) => key.startsWith('s3:') && key.endsWith('Object')],
    ['s?:*', (key: string) => key.split(':')[0]!.length === 2 && key.startsWith('s')],
  ])('%s holds exactly the catalogue actions it should', (pattern, expected) => {
    const all = catalog.allActions().map((action) => action.key);
    expect(keys(pattern).sort()).toEqual(all.filter(expected).sort());
  });

  it('counts: iam:* has every iam action, ec2:Describe* more than 100, * everything', () => {
    expect(keys('iam:*').length).toBe(
      catalog.allActions().filter((action) => action.service === 'iam').length,
    );
    expect(keys('iam:*')).toEqual(
      expect.arrayContaining(['iam:PassRole', 'iam:CreateUser', 'iam:ListRoles']),
    );
    expect(keys('ec2:Describe*').length).toBeGreaterThan(100);
    expect(keys('*').length).toBe(catalog.allActions().length);
    expect(keys('*:*').length).toBe(catalog.allActions().length);
    expect(catalog.allActions().length).toBeGreaterThan(15_000);
  });

  it('? matches exactly one character', () => {
    expect(keys('s3:GetObjec?')).toEqual(['s3:GetObject']);
    expect(keys('s3:Get?bject')).toEqual(['s3:GetObject']);
    expect(catalog.expandActionPattern('s3:GetObjec??').resultType).toBe('unknown-action');
    expect(keys('iam:?assRole')).toEqual(['iam:PassRole']);
  });

  it('is case-insensitive and returns the cached result for a repeated pattern', () => {
    const first = catalog.expandActionPattern('s3:get*');
    expect(catalog.expandActionPattern('S3:GET*')).toBe(first);
    expect(catalog.expandActionPattern('s3:get*')).toBe(first);
  });
});

describe('expandActionPattern: problems', () => {
  it.each([
    ['s3:GetObjet', 'unknown-action', 's3:GetObject'],
    ['s3:getobjetc', 'unknown-action', 's3:GetObject'],
    ['iam:PassRoles', 'unknown-action', 'iam:PassRole'],
    ['s33:GetObject', 'unknown-service', 's3:GetObject'],
    ['iamm:PassRole', 'unknown-service', 'iam:PassRole'],
    ['ec2:DescribeInstancez', 'unknown-action', 'ec2:DescribeInstances'],
  ])('%s is %s, suggesting %s', (pattern, resultType, suggestion) => {
    const result = catalog.expandActionPattern(pattern);
    expect(result).toMatchObject({ resultType, actions: [] });
    expect('suggestion' in result && result.suggestion).toBe(suggestion);
  });

  it.each([
    ['notaservice:Foo', 'unknown-service'],
    ['s3:TotallyDifferentThing', 'unknown-action'],
    ['s3:Gett*', 'unknown-action'],
    ['nosuch*:Get*', 'unknown-service'],
  ])('%s is %s with no suggestion', (pattern, resultType) => {
    const result = catalog.expandActionPattern(pattern);
    expect(result.resultType).toBe(resultType);
    expect(result.actions).toEqual([]);
    expect('suggestion' in result ? result.suggestion : undefined).toBeUndefined();
  });

  it.each(['s3', 's3:', ':GetObject', 's3:Get:Object', ''])('%j is invalid', (pattern) => {
    const result = catalog.expandActionPattern(pattern);
    expect(result.resultType).toBe('invalid');
    expect(result.actions).toEqual([]);
  });
});

describe('actionPatternMatches', () => {
  const passRole = catalog.action('iam:PassRole')!;
  it.each([
    ['iam:PassRole', true],
    ['iam:Pass*', true],
    ['IAM:*', true],
    ['*', true],
    ['i?m:PassRol?', true],
    ['*:PassRole', true],
    ['iam:Get*', false],
    ['s3:*', false],
    ['nonsense', false],
  ])('%s covers iam:PassRole: %s', (pattern, expected) => {
    expect(catalog.actionPatternMatches(pattern, passRole)).toBe(expected);
  });
});

describe('invertNotAction', () => {
  const total = catalog.allActions().length;

  it.each([
    [['iam:*'], total - keys('iam:*').length],
    [
      ['iam:*', 'organizations:*', 'account:*'],
      total - keys('iam:*').length - keys('organizations:*').length - keys('account:*').length,
    ],
    [['iam:*', 'iam:PassRole'], total - keys('iam:*').length],
    [['s3:GetObject'], total - 1],
    [['*'], 0],
    [[], total],
    [['nosuch:Thing'], total],
  ])('NotAction %j grants %i actions', (patterns, expected) => {
    expect(catalog.invertNotAction(patterns).length).toBe(expected);
  });

  it('never contains a covered action and keeps everything else', () => {
    const granted = catalog.invertNotAction(['iam:*', 's3:Get*']);
    expect(granted.some((action) => action.service === 'iam')).toBe(false);
    expect(granted.map((action) => action.key)).not.toContain('s3:GetObject');
    expect(granted.map((action) => action.key)).toContain('s3:PutObject');
    expect(catalog.invertNotAction(['s3:Get*', 'IAM:*'])).toBe(granted);
  });
});

describe('suggestAction', () => {
  it.each([
    ['s3', 'GetObjet', 's3:GetObject'],
    ['s3', 'getobject', 's3:GetObject'],
    ['s33', 'GetObject', 's3:GetObject'],
    ['iam', 'PasRole', 'iam:PassRole'],
    ['s3', 'SomethingElseEntirely', undefined],
    ['zzzzzzzz', 'GetObject', undefined],
  ])('%s:%s -> %s', (service, name, expected) => {
    expect(catalog.suggestAction(service, name)).toBe(expected);
  });
});
