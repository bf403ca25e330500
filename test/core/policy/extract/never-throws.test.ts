import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';
import { fixture } from './position-harness.ts';

const PATHS = ['policy.json', 'template.yaml', 'main.tf', 'policy.json.tpl', 'template', 'stack.template'];

const FIXTURES = [
  'json/identity-policy.json',
  'json/get-policy-version-encoded.json',
  'json/authorization-details.json',
  'terraform-plan/plan.json',
  'cloudformation/template.yaml',
  'cloudformation/template.json',
  'terraform/main.tf',
  'terraform/resource-policies.tf',
].map(fixture);

/** Text close to policy syntax: fragments of every format, so the generators reach deep into the parsers. */
const SYNTAX = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\n',
  ' ',
  '=',
  '${',
  '%{',
  '$${',
  '<<EOF\n',
  '<<-EOF\n',
  'EOF',
  '\\',
  '#',
  '//',
  '/*',
  '*/',
  '!Ref ',
  '!If [',
  '&a ',
  '*a',
  '- ',
  '"Statement"',
  '"Action"',
  'Statement:',
  'Resources:',
  'Type: AWS::IAM::Policy',
  'PolicyDocument:',
  'resource "aws_iam_policy" "p" {',
  'policy = ',
  'jsonencode(',
  'data.aws_iam_policy_document.d.json',
  'data "aws_iam_policy_document" "d" {',
  'statement {',
  '%7B',
  '\u00e9',
  '\ud800',
);

describe('extractPolicies never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.string({ maxLength: 200 }), (path, text) => {
        extractPolicies({ path, text });
      }),
      { numRuns: 300 },
    );
  });

  it('on strings made of policy syntax', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.array(SYNTAX, { maxLength: 60 }), (path, parts) => {
        extractPolicies({ path, text: parts.join('') });
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JSON values, bare and where policies belong', () => {
    const holders = [
      (value: unknown) => value,
      (value: unknown) => ({ Version: '2012-10-17', Statement: value }),
      (value: unknown) => ({
        Statement: [{ Effect: 'Allow', Action: value, Principal: value, Condition: value }],
      }),
      (value: unknown) => ({ PolicyVersion: { Document: value } }),
      (value: unknown) => ({ RoleDetailList: [{ AssumeRolePolicyDocument: value, RolePolicyList: value }] }),
      (value: unknown) => ({
        format_version: '1',
        resource_changes: [{ address: 'a', type: 'aws_iam_role', change: { after: value } }],
      }),
      (value: unknown) => ({ Resources: { R: { Type: 'AWS::Lambda::Permission', Properties: value } } }),
      (value: unknown) => ({ Resources: { R: { Type: 'AWS::IAM::Role', Properties: { Policies: value } } } }),
    ];
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.integer({ min: 0, max: holders.length - 1 }),
        (value, which) => {
          const text = JSON.stringify(holders[which]!(value), null, 1);
          extractPolicies({ path: 'policy.json', text });
          extractPolicies({ path: 'template.yaml', text });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on mutated fixtures', () => {
    const mutation = fc.record({
      file: fc.integer({ min: 0, max: FIXTURES.length - 1 }),
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 40 }),
      insert: fc.oneof(fc.string({ maxLength: 8 }), SYNTAX),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const source = FIXTURES[mutations[0]!.file]!;
        let text = source.text;
        for (const { at, remove, insert } of mutations) {
          const where = at % (text.length + 1);
          text = text.slice(0, where) + insert + text.slice(where + remove);
        }
        extractPolicies({ path: source.path, text });
      }),
      { numRuns: 400 },
    );
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])(
    'on a CloudFormation resource typed %j (a name Object.prototype has), which holds no policy',
    (type) => {
      for (const [path, text] of [
        [
          'template.json',
          JSON.stringify({
            AWSTemplateFormatVersion: '2010-09-09',
            Resources: { Odd: { Type: type, Properties: { Policy: {} } } },
          }),
        ],
        [
          'template.yaml',
          `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Odd:\n    Type: ${type}\n    Properties:\n      Policy: {}\n`,
        ],
      ] as const) {
        const result = extractPolicies({ path, text });
        expect(result.documents).toEqual([]);
        expect(result.problems).toEqual([]);
      }
    },
  );
});
