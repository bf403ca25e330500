// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM ARN templates, condition keys and policy variables are written ${Like} this.
import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';

const catalog = loadIamCatalog();

function action(key: string) {
  const found = catalog.action(key);
  if (!found) throw new Error(`test setup: ${key} is not in the catalogue`);
  return found;
}

describe('conditionKey: types', () => {
  it.each([
    ['aws:SourceArn', 'ARN', false, true],
    ['aws:MultiFactorAuthPresent', 'Bool', false, true],
    ['aws:PrincipalTag/team', 'String', false, true],
    ['AWS:principaltag/Team', 'String', false, true],
    ['aws:ResourceTag/cost-center', 'String', false, true],
    ['aws:RequestTag/a/b:c', 'String', false, true],
    ['aws:TagKeys', 'String', true, true],
    ['aws:SourceIp', 'IPAddress', false, true],
    ['aws:CurrentTime', 'Date', false, true],
    ['aws:MultiFactorAuthAge', 'Numeric', false, true],
    ['aws:PrincipalOrgPaths', 'String', true, true],
    ['s3:x-amz-acl', 'String', false, false],
    ['s3:ExistingObjectTag/classification', 'String', false, false],
    ['s3:max-keys', 'Numeric', false, false],
    ['iam:PassedToService', 'String', false, false],
    ['ec2:ResourceTag/Name', 'String', false, false],
    ['accounts.google.com:aud', 'String', false, false],
    ['token.actions.githubusercontent.com:repository', 'String', false, false],
    ['token.actions.githubusercontent.com/my-org:actor', 'String', false, false],
    ['saml:aud', 'String', false, false],
  ])('%s is %s (multi-valued %s, global %s)', (name, valueType, multiValued, global) => {
    expect(catalog.conditionKey(name)).toMatchObject({ valueType, multiValued, global });
  });

  it('names templated keys by their catalogue template', () => {
    expect(catalog.conditionKey('aws:PrincipalTag/team')?.name).toBe('aws:PrincipalTag/${TagKey}');
    expect(catalog.conditionKey('s3:ExistingObjectTag/x')?.name).toBe('s3:ExistingObjectTag/<key>');
    expect(catalog.conditionKey('aws:TagKeys')).toMatchObject({ name: 'aws:TagKeys', type: 'ArrayOfString' });
  });

  it.each([
    ['aws:PrincipalTag'],
    ['aws:PrincipalTag/'],
    ['aws:NoSuchKey'],
    ['s3:NoSuchKey'],
    ['nosuch:Key'],
    ['no-colon'],
    ['token.actions.githubusercontent.com:sub'],
  ])('%s is not a catalogue key', (name) => {
    expect(catalog.conditionKey(name)).toBeUndefined();
  });

  it('lists the global keys', () => {
    const names = catalog.globalConditionKeys().map((key) => key.name);
    expect(names).toEqual(
      expect.arrayContaining(['aws:SourceIp', 'aws:PrincipalTag/${TagKey}', 'aws:TagKeys']),
    );
    expect(catalog.globalConditionKeys().every((key) => key.global)).toBe(true);
  });
});

describe('checkConditionKey and isConditionKeyValidForAction', () => {
  it.each([
    ['s3:x-amz-acl', 's3:PutObject', 'supported', true],
    ['s3:prefix', 's3:ListBucket', 'supported', true],
    ['s3:prefix', 's3:GetObject', 'not-supported', false],
    ['s3:ExistingObjectTag/team', 's3:GetObject', 'supported', true],
    ['iam:PassedToService', 'iam:PassRole', 'supported', true],
    ['iam:PassedToService', 's3:GetObject', 'not-supported', false],
    ['aws:ResourceTag/team', 'iam:PassRole', 'supported', true],
    ['aws:RequestTag/team', 's3:TagResource', 'supported', true],
    ['aws:TagKeys', 'ec2:CreateTags', 'supported', true],
    ['ec2:ResourceTag/Name', 'ec2:TerminateInstances', 'supported', true],
    ['aws:SourceIp', 's3:GetObject', 'global', true],
    ['aws:PrincipalTag/team', 'iam:PassRole', 'global', true],
    ['aws:MultiFactorAuthPresent', 'ec2:DescribeInstances', 'global', true],
    ['aws:RequestTag/team', 's3:GetObject', 'global', true],
    ['accounts.google.com:aud', 'sts:AssumeRoleWithWebIdentity', 'supported', true],
    ['token.actions.githubusercontent.com:sub', 'sts:AssumeRoleWithWebIdentity', 'unverifiable', true],
    ['oidc.eks.us-east-1.amazonaws.com/id/ABC:sub', 'sts:AssumeRoleWithWebIdentity', 'unverifiable', true],
    ['s3:NoSuchKey', 's3:GetObject', 'unknown', false],
    ['aws:SourceIpp', 's3:GetObject', 'unknown', false],
    ['nosuch:Key', 's3:GetObject', 'unknown', false],
  ])('%s with %s is %s (valid %s)', (name, key, resultType, valid) => {
    expect(catalog.checkConditionKey(name, action(key)).resultType).toBe(resultType);
    expect(catalog.isConditionKeyValidForAction(name, action(key))).toBe(valid);
  });

  it('suggests the nearest key for a misspelt one', () => {
    expect(catalog.checkConditionKey('aws:SourceIpp', action('s3:GetObject'))).toEqual({
      resultType: 'unknown',
      suggestion: 'aws:SourceIp',
    });
    expect(catalog.checkConditionKey('s3:x-amz-acll', action('s3:PutObject'))).toEqual({
      resultType: 'unknown',
      suggestion: 's3:x-amz-acl',
    });
  });

  it('returns the typed key with each answer', () => {
    const check = catalog.checkConditionKey('aws:TagKeys', action('ec2:CreateTags'));
    expect(check).toMatchObject({ resultType: 'supported', key: { name: 'aws:TagKeys', multiValued: true } });
  });
});
