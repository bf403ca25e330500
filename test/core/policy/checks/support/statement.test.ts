// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is CloudFormation syntax under test.
import { describe, expect, it } from 'vitest';
import {
  allowStatements,
  conditionEntries,
  constrainingConditions,
  describeCondition,
  hasConstrainingCondition,
  isNarrowingEntry,
  literalValues,
  parseOperator,
} from '../../../../../core/policy/checks/support/statement.ts';
import type { ConditionEntry, PolicyStatement } from '../../../../../core/policy/document.ts';
import { extractPolicies } from '../../../../../core/policy/extract/extract-policies.ts';
import { policyJson } from '../../../../helpers/policy-check-harness.ts';

/** The first statement of a bare policy with `statement` as its only statement. */
function statementOf(statement: Record<string, unknown>): PolicyStatement {
  const [document] = extractPolicies({ path: 'p.json', text: policyJson([statement]) }).documents;
  return document!.statements[0]!;
}

/** The one condition entry of `condition`. */
function entryOf(condition: Record<string, unknown>): ConditionEntry {
  return statementOf({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition })
    .condition!.entries[0]!;
}

describe('statement helpers', () => {
  it('keeps Allow statements only, and only a literal "Allow"', () => {
    const text = policyJson([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', Resource: '*' },
      { Effect: 'allow', Action: 's3:PutObject', Resource: '*' },
    ]);
    const [document] = extractPolicies({ path: 'p.json', text }).documents;
    expect(allowStatements(document!).map((statement) => statement.index)).toEqual([0]);
  });

  it('reads literal values and leaves placeholders out', () => {
    const [document] = extractPolicies({
      path: 't.yaml',
      text: [
        'Resources:',
        '  P:',
        '    Type: AWS::IAM::ManagedPolicy',
        '    Properties:',
        '      PolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        '            Action: s3:GetObject',
        "            Resource: [!Sub '${Bucket.Arn}/*', 'arn:aws:s3:::logs/*']",
      ].join('\n'),
    }).documents;
    expect(literalValues(document!.statements[0]!.resource)).toEqual(['arn:aws:s3:::logs/*']);
  });

  it('finds condition entries by key, case-insensitively, and by family', () => {
    const statement = statementOf({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: {
        StringEquals: { 'AWS:SourceAccount': '111122223333', 'aws:ResourceTag/team': 'payments' },
      },
    });
    expect(conditionEntries(statement, 'aws:sourceaccount')).toHaveLength(1);
    expect(conditionEntries(statement, 'aws:ResourceTag/')).toHaveLength(1);
    expect(conditionEntries(statement, 'aws:SourceArn')).toHaveLength(0);
  });

  it('splits operators into set prefix, base and IfExists', () => {
    expect(parseOperator(entryOf({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' } }))).toEqual({
      base: 'stringlike',
      set: 'foranyvalue',
      ifExists: true,
    });
  });

  it.each([
    ['StringEquals on a value', { StringEquals: { 'aws:SourceAccount': '111122223333' } }, true],
    ['ArnLike on a named ARN', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::reports' } }, true],
    ['StringLike "*"', { StringLike: { 'aws:SourceAccount': '*' } }, false],
    ['ArnLike "arn:aws:s3:::*"', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } }, false],
    [
      'ArnLike with a wildcard account',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deploy' } },
      false,
    ],
    ['StringEquals "*" (literal, matches nothing)', { StringEquals: { 'aws:SourceAccount': '*' } }, true],
    ['IfExists', { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } }, false],
    ['ForAllValues', { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, false],
    ['negated', { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, false],
    ['Null', { Null: { 'aws:SourceVpce': 'false' } }, false],
    ['the whole address space', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, false],
    ['an address range', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, true],
  ])('isNarrowingEntry: %s', (_name, condition, expected) => {
    expect(isNarrowingEntry(entryOf(condition))).toBe(expected);
  });

  it('counts only constraining keys: aws:RequestedRegion and aws:Referer are not', () => {
    const loose = statementOf({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:RequestedRegion': 'eu-west-1' },
        StringLike: { 'aws:Referer': 'https://example.com/*' },
      },
    });
    expect(hasConstrainingCondition(loose)).toBe(false);
    const tagged = statementOf({
      Effect: 'Allow',
      Action: 'ec2:StopInstances',
      Resource: '*',
      Condition: { StringEquals: { 'ec2:ResourceTag/env': 'dev' } },
    });
    expect(constrainingConditions(tagged).map(describeCondition)).toEqual([
      'StringEquals ec2:ResourceTag/env = dev',
    ]);
    expect(hasConstrainingCondition(tagged, ['aws:SourceVpce'])).toBe(false);
  });
});
