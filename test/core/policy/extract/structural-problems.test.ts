import { describe, expect, it } from 'vitest';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';
import { showRange } from './position-harness.ts';

/** Problems and statement count of a bare JSON policy. */
function problemsOf(text: string) {
  const { documents, problems } = extractPolicies({ path: 'policy.json', text });
  return {
    statements: documents[0]?.statements.length,
    problems: problems.map((p) => [p.kind, p.message, showRange(p.range)]),
  };
}

describe('structural problems are data with a location', () => {
  it.each([
    [
      '{"Statement": "Allow"}',
      0,
      [['invalid-policy', 'Statement must be an object or an array of objects, not a string', '1:15-1:22']],
    ],
    [
      '{"Statement": [1, {"Effect": "Allow"}]}',
      1,
      [['invalid-policy', 'statement 0 must be an object, not a number', '1:16-1:17']],
    ],
    [
      '{"Statement": {"Action": 5}}',
      1,
      [['invalid-policy', 'Action must be a string, not a number', '1:26-1:27']],
    ],
    [
      '{"Statement": {"Resource": ["a", null, ["b"]]}}',
      1,
      [
        ['invalid-policy', 'each entry of Resource must be a string, not null', '1:34-1:38'],
        ['invalid-policy', 'each entry of Resource must be a string, not an array', '1:40-1:45'],
      ],
    ],
    [
      '{"Statement": {"Effect": "Allow", "Actions": "s3:*"}}',
      1,
      [
        [
          'invalid-policy',
          'unknown key "Actions" in statement 0; expected one of Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition',
          '1:35-1:44',
        ],
      ],
    ],
    [
      '{"Statement": [], "Versoin": "2012-10-17"}',
      0,
      [
        [
          'invalid-policy',
          'unknown key "Versoin" in the policy; expected one of Version, Id, Statement',
          '1:19-1:28',
        ],
      ],
    ],
    [
      '{"Statement": {"Action": "a", "Action": "b"}}',
      1,
      [
        [
          'invalid-policy',
          'Action appears more than once in statement 0; only the last one counts',
          '1:31-1:39',
        ],
      ],
    ],
    [
      // Key problems in source order, then the elements read in the order their keys first appear (the last of a
      // repeated key counting): Resource's wrong type is reported after both key problems.
      '{"Statement": {"Resource": 1, "Bad": 2, "Action": 5, "Resource": ["x", 3], "Action": "s3:*"}}',
      1,
      [
        [
          'invalid-policy',
          'unknown key "Bad" in statement 0; expected one of Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition',
          '1:31-1:36',
        ],
        [
          'invalid-policy',
          'Resource appears more than once in statement 0; only the last one counts',
          '1:54-1:64',
        ],
        [
          'invalid-policy',
          'Action appears more than once in statement 0; only the last one counts',
          '1:76-1:84',
        ],
        ['invalid-policy', 'each entry of Resource must be a string, not a number', '1:72-1:73'],
      ],
    ],
    [
      '{"Statement": {"Principal": "arn:aws:iam::111122223333:root"}}',
      1,
      [
        [
          'invalid-policy',
          'Principal must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}, not a string',
          '1:29-1:61',
        ],
      ],
    ],
    [
      '{"Statement": {"Principal": {"IAM": "x"}}}',
      1,
      [
        [
          'invalid-policy',
          'unknown principal type "IAM" in Principal; expected one of AWS, Service, Federated, CanonicalUser',
          '1:30-1:35',
        ],
      ],
    ],
    [
      '{"Statement": {"Condition": {"StringEquals": "x"}}}',
      1,
      [
        [
          'invalid-policy',
          'each condition operator must be an object of condition keys, not a string',
          '1:46-1:49',
        ],
      ],
    ],
    [
      '{"Statement": {"Condition": {"Bool": {"aws:SecureTransport": {"x": 1}}}}}',
      1,
      [
        [
          'invalid-policy',
          'a condition value must be a string or an array of strings, not an object',
          '1:62-1:70',
        ],
      ],
    ],
    [
      '{"Statement": {"Sid": true}}',
      1,
      [['invalid-policy', 'Sid must be a string, not a boolean', '1:23-1:27']],
    ],
  ])('%s', (text, statements, problems) => {
    expect(problemsOf(text)).toEqual({ statements, problems });
  });

  it('reports a policy that is not an object where one belongs, without a document', () => {
    const text = 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: [1]\n';
    const { documents, problems } = extractPolicies({ path: 't.yaml', text });
    expect(documents).toEqual([]);
    expect(problems.map((p) => [p.message, showRange(p.range)])).toEqual([
      ['a policy must be an object with Version and Statement, not an array', '5:23-5:26'],
    ]);
  });

  it('accepts numbers where CloudFormation converts them to strings, but not in JSON', () => {
    const yaml =
      'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Sid: 1\n            Principal: {AWS: 111122223333}\n';
    const fromYaml = extractPolicies({ path: 't.yaml', text: yaml });
    expect(fromYaml.problems).toEqual([]);
    expect(fromYaml.documents[0]?.statements[0]?.principal?.entries[0]?.value).toBe('111122223333');
    expect(problemsOf('{"Statement": {"Principal": {"AWS": 111122223333}}}').problems).toEqual([
      ['invalid-policy', 'Principal AWS must be a string, not a number', '1:37-1:49'],
    ]);
  });
});
