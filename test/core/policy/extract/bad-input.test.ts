import { describe, expect, it } from 'vitest';
import { extractPolicies, MAX_POLICY_FILE_BYTES } from '../../../../core/policy/extract/extract-policies.ts';
import { extractFixture, showRange } from './position-harness.ts';

describe('bad input', () => {
  it.each([
    [
      'other/invalid.json',
      "cannot parse JSON: unexpected character \"\\\"\", expected ',' or '}'",
      '4:51-4:52',
    ],
    [
      'other/invalid-template.yaml',
      'cannot parse YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '7:1-7:1',
    ],
    ['other/invalid.tf', 'cannot parse HCL: expected an expression, found "}"', '4:3-4:4'],
  ])('%s gives one parse problem at the parser position', (name, message, range) => {
    const { documents, problems } = extractFixture(name);
    expect(documents).toEqual([]);
    expect(problems.map((p) => [p.kind, p.file, p.message, showRange(p.range)])).toEqual([
      ['parse-error', `test/fixtures/policy/${name}`, message, range],
    ]);
  });

  it.each(['other/workflow.yml', 'other/package.json', 'other/helm-deployment.yaml', 'other/variables.tf'])(
    '%s is not a policy source and yields nothing',
    (name) => {
      expect(extractFixture(name)).toEqual({ documents: [], problems: [], suppressionComments: [] });
    },
  );

  it('yields nothing for a file of no known kind', () => {
    expect(extractPolicies({ path: 'README.md', text: '# Policies\nStatement: none' }).documents).toEqual([]);
  });

  it('skips a file over 5 MB without reading it', () => {
    const text = `{"Statement": "${'x'.repeat(MAX_POLICY_FILE_BYTES)}"}`;
    const { documents, problems } = extractPolicies({ path: 'big.json', text });
    expect(documents).toEqual([]);
    expect(problems.map((p) => [p.kind, p.message])).toEqual([
      ['skipped', 'file skipped: 5.0 MB is over the 5 MB limit for policy files'],
    ]);
  });

  it('skips a binary file', () => {
    const { problems } = extractPolicies({ path: 'policy.json', text: '{"Statement": []}\u0000\u0001' });
    expect(problems.map((p) => [p.kind, p.message, showRange(p.range)])).toEqual([
      ['skipped', 'file skipped: it is binary (holds NUL bytes)', '1:1-1:1'],
    ]);
  });

  it('reports a policy string that is not JSON where the string is', () => {
    const text = 'resource "aws_iam_policy" "p" {\n  policy = "not json"\n}\n';
    const { problems } = extractPolicies({ path: 'main.tf', text });
    expect(problems.map((p) => [p.kind, p.message, showRange(p.range)])).toEqual([
      [
        'parse-error',
        'cannot parse the policy JSON in aws_iam_policy.p: unexpected character "n"',
        '2:13-2:14',
      ],
    ]);
  });
});
