import { describe, expect, it } from 'vitest';
import { type IamPolicyKind, validateIamPolicy } from '../../../core/connect/iam-policy-schema.ts';

const allow = { Effect: 'Allow', Action: 's3:GetBucketAcl', Resource: '*' };
const trust = {
  Effect: 'Allow',
  Action: 'sts:AssumeRole',
  Principal: { AWS: 'arn:aws:iam::123456789012:root' },
};

interface ValidCase {
  name: string;
  kind: IamPolicyKind;
  document: unknown;
}

const valid: ValidCase[] = [
  {
    name: 'one statement as an object',
    kind: 'identity',
    document: { Version: '2012-10-17', Statement: allow },
  },
  {
    name: 'statements as a list',
    kind: 'identity',
    document: { Version: '2012-10-17', Statement: [allow, allow] },
  },
  { name: 'no Version (IAM defaults it)', kind: 'identity', document: { Statement: [allow] } },
  { name: 'an Id', kind: 'identity', document: { Id: 'axiom', Statement: [allow] } },
  {
    name: 'NotAction with NotResource and Deny',
    kind: 'identity',
    document: { Statement: [{ Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::x/*' }] },
  },
  {
    name: 'every condition value type and set operators',
    kind: 'identity',
    document: {
      Statement: [
        {
          ...allow,
          Condition: {
            StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] },
            'ForAnyValue:StringLike': { 'aws:TagKeys': 'team*' },
            BoolIfExists: { 'aws:SecureTransport': true },
            NumericLessThan: { 's3:max-keys': 10 },
            Null: { 'aws:TokenIssueTime': 'false' },
          },
        },
      ],
    },
  },
  { name: 'a trust policy', kind: 'trust', document: { Version: '2012-10-17', Statement: [trust] } },
  {
    name: 'a trust policy with every principal type',
    kind: 'trust',
    document: {
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Principal: {
            AWS: ['123456789012', 'arn:aws:iam::123456789012:role/x'],
            Service: 'ec2.amazonaws.com',
            Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
            CanonicalUser: 'abc123',
          },
        },
      ],
    },
  },
  { name: 'Principal "*"', kind: 'resource', document: { Statement: [{ ...allow, Principal: '*' }] } },
];

interface InvalidCase {
  name: string;
  kind: IamPolicyKind;
  document: unknown;
  errors: { path: string; message: string }[];
}

const invalid: InvalidCase[] = [
  {
    name: 'missing Effect',
    kind: 'identity',
    document: { Version: '2012-10-17', Statement: [{ Action: 's3:GetBucketAcl', Resource: '*' }] },
    errors: [{ path: 'Statement[0].Effect', message: 'is required' }],
  },
  {
    name: 'missing Effect in a single-statement object',
    kind: 'identity',
    document: { Statement: { Action: 's3:GetBucketAcl', Resource: '*' } },
    errors: [{ path: 'Statement.Effect', message: 'is required' }],
  },
  {
    name: 'both Action and NotAction',
    kind: 'identity',
    document: { Statement: [{ ...allow, NotAction: 's3:GetObject' }] },
    errors: [{ path: 'Statement[0]', message: 'a statement cannot have both Action and NotAction' }],
  },
  {
    name: 'neither Action nor NotAction',
    kind: 'identity',
    document: { Statement: [{ Effect: 'Allow', Resource: '*' }] },
    errors: [{ path: 'Statement[0]', message: 'a statement needs Action or NotAction' }],
  },
  {
    name: 'both Resource and NotResource',
    kind: 'identity',
    document: { Statement: [{ ...allow, NotResource: '*' }] },
    errors: [{ path: 'Statement[0]', message: 'a statement cannot have both Resource and NotResource' }],
  },
  {
    name: 'no Resource in an identity policy',
    kind: 'identity',
    document: { Statement: [{ Effect: 'Allow', Action: 's3:GetBucketAcl' }] },
    errors: [{ path: 'Statement[0]', message: 'a statement needs Resource or NotResource' }],
  },
  {
    name: 'a bad Effect value',
    kind: 'identity',
    document: { Statement: [{ ...allow, Effect: 'allow' }] },
    errors: [{ path: 'Statement[0].Effect', message: 'must be one of "Allow", "Deny"' }],
  },
  {
    name: 'an extra key in a statement',
    kind: 'identity',
    document: { Statement: [{ ...allow, Actions: 's3:GetBucketAcl' }] },
    errors: [
      { path: 'Statement[0].Actions', message: 'is not allowed in a statement of an identity policy' },
    ],
  },
  {
    name: 'an extra key in the document',
    kind: 'identity',
    document: { Statement: [allow], Statements: [] },
    errors: [{ path: 'Statements', message: 'is not a policy element (Version, Id, Statement)' }],
  },
  {
    name: 'a Principal in an identity policy',
    kind: 'identity',
    document: { Statement: [{ ...allow, Principal: '*' }] },
    errors: [
      { path: 'Statement[0].Principal', message: 'is not allowed in a statement of an identity policy' },
    ],
  },
  {
    name: 'a Resource in a trust policy',
    kind: 'trust',
    document: { Statement: [{ ...trust, Resource: '*' }] },
    errors: [{ path: 'Statement[0].Resource', message: 'is not allowed in a statement of a trust policy' }],
  },
  {
    name: 'no Principal in a trust policy',
    kind: 'trust',
    document: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] },
    errors: [{ path: 'Statement[0]', message: 'a statement needs Principal or NotPrincipal' }],
  },
  {
    name: 'both Principal and NotPrincipal',
    kind: 'resource',
    document: { Statement: [{ ...allow, Principal: '*', NotPrincipal: '*' }] },
    errors: [{ path: 'Statement[0]', message: 'a statement cannot have both Principal and NotPrincipal' }],
  },
  {
    name: 'a string Principal other than "*"',
    kind: 'trust',
    document: { Statement: [{ ...trust, Principal: '123456789012' }] },
    errors: [{ path: 'Statement[0].Principal', message: 'a Principal written as a string must be "*"' }],
  },
  {
    name: 'an unknown principal type',
    kind: 'trust',
    document: { Statement: [{ ...trust, Principal: { Account: '123456789012' } }] },
    errors: [
      {
        path: 'Statement[0].Principal.Account',
        message: 'is not a principal type (AWS, Service, Federated or CanonicalUser)',
      },
    ],
  },
  {
    name: 'an action without a service prefix, and a resource that is not an ARN',
    kind: 'identity',
    document: {
      Statement: [{ Effect: 'Allow', Action: ['GetBucketAcl', 's3:GetBucketAcl'], Resource: 'bucket' }],
    },
    errors: [
      { path: 'Statement[0].Action[0]', message: "must be 'service:Action' (e.g. 's3:GetBucketAcl') or '*'" },
      { path: 'Statement[0].Resource', message: "must be '*' or an ARN" },
    ],
  },
  {
    name: 'an empty action list',
    kind: 'identity',
    document: { Statement: [{ ...allow, Action: [] }] },
    errors: [{ path: 'Statement[0].Action', message: 'must not be an empty list' }],
  },
  {
    name: 'an unknown condition operator',
    kind: 'identity',
    document: {
      Statement: [{ ...allow, Condition: { StringEqual: { 'aws:RequestedRegion': 'eu-west-1' } } }],
    },
    errors: [{ path: 'Statement[0].Condition.StringEqual', message: 'is not an IAM condition operator' }],
  },
  {
    name: 'Null does not take IfExists',
    kind: 'identity',
    document: { Statement: [{ ...allow, Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } }] },
    errors: [{ path: 'Statement[0].Condition.NullIfExists', message: 'is not an IAM condition operator' }],
  },
  {
    name: 'an object as a condition value',
    kind: 'identity',
    document: { Statement: [{ ...allow, Condition: { Bool: { 'aws:SecureTransport': { value: true } } } }] },
    errors: [
      {
        path: 'Statement[0].Condition.Bool["aws:SecureTransport"]',
        message: 'must be a string, number, boolean or a list of them',
      },
    ],
  },
  {
    name: 'a Sid with spaces',
    kind: 'identity',
    document: { Statement: [{ ...allow, Sid: 'Axiom read' }] },
    errors: [{ path: 'Statement[0].Sid', message: 'may hold only letters and digits' }],
  },
  {
    name: 'an unknown Version',
    kind: 'identity',
    document: { Version: '2012-10-18', Statement: [allow] },
    errors: [{ path: 'Version', message: 'must be one of "2012-10-17", "2008-10-17"' }],
  },
  {
    name: 'no statements',
    kind: 'identity',
    document: { Version: '2012-10-17', Statement: [] },
    errors: [{ path: 'Statement', message: 'must hold at least one statement' }],
  },
  {
    name: 'no Statement at all',
    kind: 'identity',
    document: { Version: '2012-10-17' },
    errors: [{ path: 'Statement', message: 'is required' }],
  },
  {
    name: 'a Statement that is a string',
    kind: 'identity',
    document: { Statement: 'Allow everything' },
    errors: [{ path: 'Statement', message: 'must be a statement or a list of statements' }],
  },
  {
    name: 'not an object',
    kind: 'identity',
    document: '[]',
    errors: [{ path: '', message: 'must be a JSON object' }],
  },
];

describe('validateIamPolicy', () => {
  it.each(valid)('accepts $name', ({ kind, document }) => {
    const result = validateIamPolicy(document, kind);
    expect(result).toEqual({ valid: true, policy: document });
  });

  it.each(invalid)('rejects $name, saying where', ({ kind, document, errors }) => {
    const result = validateIamPolicy(document, kind);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors).toEqual(errors);
  });

  it('reports every problem of a document, not just the first', () => {
    const result = validateIamPolicy(
      {
        Statement: [
          { Action: 's3:GetBucketAcl', Resource: '*' },
          { Effect: 'Maybe', Action: 's3:GetBucketAcl', Resource: '*', Extra: 1 },
        ],
      },
      'identity',
    );
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.errors.map((error) => error.path).sort()).toEqual([
        'Statement[0].Effect',
        'Statement[1].Effect',
        'Statement[1].Extra',
      ]);
    }
  });
});
