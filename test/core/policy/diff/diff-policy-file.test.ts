// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform and CloudFormation syntax under test.
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../../core/findings/finding.ts';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import type { AccessChange } from '../../../../core/policy/diff/access-change.ts';
import { NEW_ACCESS_RULE_ID, REMOVED_ACCESS_RULE_ID } from '../../../../core/policy/diff/access-findings.ts';
import { diffPolicyFile } from '../../../../core/policy/diff/diff-policy-file.ts';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';

const catalog = loadIamCatalog();

/** Bare policy JSON, pretty-printed so every array entry has its own line. */
function policy(statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** The 1-based line of the `occurrence`-th line holding `needle`. */
function lineOf(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.includes(needle) && ++seen === occurrence) return index + 1;
  }
  throw new Error(`"${needle}" is not in the text`);
}

/** The line a pretty-printed statement with this Sid starts on (its `{`, the line above the Sid). */
function statementLine(text: string, sid: string): number {
  return lineOf(text, `"Sid": "${sid}"`) - 1;
}

function documentsOf(path: string, text: string | null) {
  if (text === null) return [];
  const result = extractPolicies({ path, text });
  expect(result.problems).toEqual([]);
  return result.documents;
}

function diff(base: string | null, head: string | null, path = 'policy.json') {
  return diffPolicyFile(
    { file: path, base: documentsOf(path, base), head: documentsOf(path, head) },
    catalog,
  );
}

function count(pattern: string): number {
  return catalog.expandActionPattern(pattern).actions.length;
}

/** What a case expects of one access change. */
interface Expected {
  reason: AccessChange['reason'];
  /** Line of the location (in head). */
  line: number;
  severity?: Severity;
  /** The exact actions, in any order. */
  actions?: string[];
  /** How many actions, when too many to list. */
  actionCount?: number;
  message?: string;
}

interface DiffCase {
  name: string;
  path?: string;
  base: string | null;
  head: string | null;
  granted: Expected[];
  removed: Expected[];
}

function check(changes: readonly AccessChange[], expected: readonly Expected[]) {
  const { findings } = { findings: changes };
  const actual = [...findings].sort(
    (a, b) => a.location.line - b.location.line || a.reason.localeCompare(b.reason),
  );
  const wanted = [...expected].sort((a, b) => a.line - b.line || a.reason.localeCompare(b.reason));
  expect(
    actual.map((change) => [change.reason, change.location.line]),
    JSON.stringify(actual.map((change) => [change.reason, change.element, change.actions.slice(0, 5)])),
  ).toEqual(wanted.map((change) => [change.reason, change.line]));
  wanted.forEach((want, index) => {
    const change = actual[index]!;
    if (want.actions) expect([...change.actions].sort()).toEqual([...want.actions].sort());
    if (want.actionCount !== undefined) expect(change.actions).toHaveLength(want.actionCount);
  });
}

function testDiffs(cases: readonly DiffCase[]) {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = diff(testCase.base, testCase.head, testCase.path);
      check(result.granted, testCase.granted);
      check(result.removed, testCase.removed);
      // Every change is a finding, graded and worded as the case says.
      const granted = result.findings.filter((finding) => finding.ruleId === NEW_ACCESS_RULE_ID);
      const removed = result.findings.filter((finding) => finding.ruleId === REMOVED_ACCESS_RULE_ID);
      expect(granted).toHaveLength(testCase.granted.length);
      expect(removed).toHaveLength(testCase.removed.length);
      for (const finding of removed) expect(finding.severity).toBe('info');
      for (const want of testCase.granted) {
        const finding = granted.find(
          (candidate) => candidate.location?.line === want.line && candidate.evidence.reason === want.reason,
        );
        expect(finding, `${want.reason} at line ${want.line}`).toBeDefined();
        if (want.severity) expect(finding?.severity).toBe(want.severity);
        if (want.message) expect(finding?.message).toContain(want.message);
      }
      for (const want of testCase.removed) {
        if (!want.message) continue;
        const finding = removed.find((candidate) => candidate.evidence.reason === want.reason);
        expect(finding?.message).toContain(want.message);
      }
    });
  }
}

const READ_OBJECTS = {
  Sid: 'Objects',
  Effect: 'Allow',
  Action: ['s3:GetObject'],
  Resource: 'arn:aws:s3:::b/*',
};
const PASS_ROLE_TO_EC2 = {
  Sid: 'Pass',
  Effect: 'Allow',
  Action: 'iam:PassRole',
  Resource: 'arn:aws:iam::111122223333:role/app-*',
  Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
};

const newAction = policy([{ ...READ_OBJECTS, Action: ['s3:GetObject', 's3:PutObject'] }]);
const widened = {
  base: policy([{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }]),
  head: policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
};
const conditionRemoved = policy([{ ...PASS_ROLE_TO_EC2, Condition: undefined }]);
const conditionChanged = policy([
  { ...PASS_ROLE_TO_EC2, Condition: { StringLike: { 'iam:PassedToService': '*.amazonaws.com' } } },
]);
const conditionAdded = policy([
  {
    ...PASS_ROLE_TO_EC2,
    Condition: {
      StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com', 'aws:ResourceTag/team': 'app' },
    },
  },
]);
const notAction = policy([{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }]);
const newResource = policy([{ ...READ_OBJECTS, Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'] }]);
const twoStatements = policy([READ_OBJECTS, PASS_ROLE_TO_EC2]);
const reordered = JSON.stringify(
  {
    Statement: [
      {
        Condition: { StringEquals: { 'IAM:passedToService': ['ec2.amazonaws.com'] } },
        Resource: ['arn:aws:iam::111122223333:role/app-*'],
        Action: ['iam:passrole'],
        Effect: 'Allow',
        Sid: 'Pass',
      },
      { Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/*'], Effect: 'Allow', Action: 's3:GetObject' },
    ],
    Version: '2012-10-17',
  },
  null,
  4,
);
const removedAction = policy([
  { ...READ_OBJECTS, Action: ['s3:GetObject'] },
  { Sid: 'Pass', Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
]);

describe('diffPolicyFile: what a change newly grants, and what it removes', () => {
  testDiffs([
    {
      name: 'a new action is new access at its own line, graded by its access level',
      base: policy([READ_OBJECTS]),
      head: newAction,
      granted: [
        {
          reason: 'new-action',
          line: lineOf(newAction, '"s3:PutObject"'),
          severity: 'medium',
          actions: ['s3:PutObject'],
          message: 'Action "s3:PutObject" newly allows s3:PutObject (Write) on "arn:aws:s3:::b/*".',
        },
      ],
      removed: [],
    },
    {
      name: 'a widened wildcard: only the actions it adds, counted, with the most sensitive named',
      base: widened.base,
      head: widened.head,
      granted: [
        {
          reason: 'new-action',
          line: lineOf(widened.head, '"s3:*"'),
          severity: 'high',
          actionCount: count('s3:*') - count('s3:Get*'),
          message: 'the most sensitive: s3:PutBucketPolicy, s3:PutBucketAcl',
        },
      ],
      removed: [],
    },
    {
      name: 'a removed condition is new access on the action entry; the conditional grant is not "removed"',
      base: policy([PASS_ROLE_TO_EC2]),
      head: conditionRemoved,
      granted: [
        {
          reason: 'condition-removed',
          line: lineOf(conditionRemoved, '"iam:PassRole"'),
          severity: 'medium',
          actions: ['iam:PassRole'],
          message: 'without conditions; before, only when StringEquals iam:PassedToService ec2.amazonaws.com',
        },
      ],
      removed: [],
    },
    {
      name: 'a changed condition: reported on the Condition, one step lower, both ways',
      base: policy([PASS_ROLE_TO_EC2]),
      head: conditionChanged,
      granted: [
        {
          reason: 'condition-changed',
          line: lineOf(conditionChanged, '"Condition"'),
          severity: 'low',
          message: 'changed to StringLike iam:PassedToService *.amazonaws.com (before: StringEquals',
        },
      ],
      removed: [{ reason: 'condition-changed', line: statementLine(conditionChanged, 'Pass') }],
    },
    {
      name: 'an added condition only narrows: nothing new, the unconditional grant is removed',
      base: policy([
        { ...PASS_ROLE_TO_EC2, Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } },
      ]),
      head: conditionAdded,
      granted: [],
      removed: [
        {
          reason: 'condition-added',
          line: statementLine(conditionAdded, 'Pass'),
          message: 'is now allowed only under more conditions: ',
        },
      ],
    },
    {
      name: 'dropping one of two conditions is a removed condition, even with one left',
      base: conditionAdded,
      head: policy([PASS_ROLE_TO_EC2]),
      granted: [
        {
          reason: 'condition-removed',
          line: lineOf(policy([PASS_ROLE_TO_EC2]), '"iam:PassRole"'),
          severity: 'medium',
          message: 'under fewer conditions: StringEquals iam:PassedToService ec2.amazonaws.com (before: ',
        },
      ],
      removed: [],
    },
    {
      name: 'NotAction grants every other action, at the NotAction element',
      base: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
      head: notAction,
      granted: [
        {
          reason: 'new-action',
          line: lineOf(notAction, '"NotAction"'),
          severity: 'high',
          actionCount: catalog.invertNotAction(['iam:*', 'organizations:*']).length - 1,
          message: 'NotAction "iam:*, organizations:*" newly allows',
        },
      ],
      // s3:GetObject is still granted: NotAction covers it.
      removed: [],
    },
    {
      name: 'the same NotAction written in another order is no change',
      base: notAction,
      head: policy([{ Effect: 'Allow', NotAction: ['organizations:*', 'iam:*'], Resource: '*' }]),
      granted: [],
      removed: [],
    },
    {
      name: 'a new resource is new access at the resource entry',
      base: policy([READ_OBJECTS]),
      head: newResource,
      granted: [
        {
          reason: 'new-resource',
          line: lineOf(newResource, '"arn:aws:s3:::c/*"'),
          severity: 'low',
          actions: ['s3:GetObject'],
          message: 'Resource "arn:aws:s3:::c/*" is new for s3:GetObject (Read)',
        },
      ],
      removed: [],
    },
    {
      name: 'narrowing a resource is not new access',
      base: policy([{ ...READ_OBJECTS, Resource: 'arn:aws:s3:::*' }]),
      head: policy([READ_OBJECTS]),
      granted: [],
      removed: [{ reason: 'removed-resource', line: statementLine(policy([READ_OBJECTS]), 'Objects') }],
    },
    {
      name: 'actions a new resource cannot apply to grant nothing (s3:* on an object ARN has no bucket actions)',
      base: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]),
      head: policy([
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 'iam:PassRole', 's3:PutBucketPolicy'],
          Resource: 'arn:aws:s3:::b/*',
        },
      ]),
      granted: [],
      removed: [],
    },
    {
      name: 'a new document in the file: all its access is new',
      base: null,
      head: twoStatements,
      granted: [
        { reason: 'new-document', line: lineOf(twoStatements, '"s3:GetObject"'), severity: 'low' },
        {
          reason: 'new-document',
          line: lineOf(twoStatements, '"iam:PassRole"'),
          severity: 'medium',
          message:
            'Action "iam:PassRole" in this new policy allows iam:PassRole (Write) on "arn:aws:iam::111122223333:role/app-*".',
        },
      ],
      removed: [],
    },
    {
      name: 'a deleted document: all its access is removed, reported at the start of the file',
      base: twoStatements,
      head: null,
      granted: [],
      removed: [
        {
          reason: 'removed-document',
          line: 1,
          message: 'The policy is gone; it allowed s3:GetObject (Read)',
        },
        { reason: 'removed-document', line: 1 },
      ],
    },
    {
      name: 'removed access is reported on the head statement with the same Sid, naming the base line',
      base: twoStatements,
      head: removedAction,
      granted: [],
      removed: [
        {
          reason: 'removed-action',
          line: statementLine(removedAction, 'Pass'),
          message: `Action "iam:PassRole" no longer allows iam:PassRole (Write) on "arn:aws:iam::111122223333:role/app-*" (in the base version, statement at line ${statementLine(twoStatements, 'Pass')}; reported here as the base is not part of this change).`,
        },
      ],
    },
    {
      name: 'an unchanged policy, re-ordered, re-indented and re-cased, yields nothing',
      base: twoStatements,
      head: reordered,
      granted: [],
      removed: [],
    },
    {
      name: 'Deny statements grant nothing: adding one is no new access',
      base: policy([READ_OBJECTS]),
      head: policy([READ_OBJECTS, { Effect: 'Deny', Action: '*', Resource: '*' }]),
      granted: [],
      removed: [],
    },
    {
      name: 'an action the catalogue does not know is new access of unknown level',
      base: policy([READ_OBJECTS]),
      head: policy([{ ...READ_OBJECTS, Action: ['s3:GetObject', 's3:TeleportObject'] }]),
      granted: [
        {
          reason: 'new-action',
          line: lineOf(
            policy([{ ...READ_OBJECTS, Action: ['s3:GetObject', 's3:TeleportObject'] }]),
            'Teleport',
          ),
          severity: 'low',
          actions: ['s3:teleportobject'],
          message: '(Unknown)',
        },
      ],
      removed: [],
    },
    {
      name: '`*` on `*` against itself is no change',
      base: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      head: policy([{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }]),
      granted: [],
      removed: [],
    },
  ]);
});

describe('diffPolicyFile: resource and trust policies compare principals', () => {
  const bucketPolicy = (principals: string[]) =>
    policy([
      {
        Effect: 'Allow',
        Principal: { AWS: principals },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
      },
    ]);
  const head = bucketPolicy(['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root']);
  testDiffs([
    {
      name: 'a new principal is new access at the principal entry',
      base: bucketPolicy(['arn:aws:iam::111122223333:root']),
      head,
      granted: [
        {
          reason: 'new-principal',
          line: lineOf(head, '444455556666'),
          actions: ['s3:GetObject'],
          message:
            'Principal "AWS:arn:aws:iam::444455556666:root" is newly allowed s3:GetObject (Read) on "arn:aws:s3:::b/*"',
        },
      ],
      removed: [],
    },
    {
      name: 'a principal replaced by everyone ("*") is new access',
      base: bucketPolicy(['arn:aws:iam::111122223333:root']),
      head: bucketPolicy(['*']),
      granted: [{ reason: 'new-principal', line: lineOf(bucketPolicy(['*']), '"*"') }],
      // Everyone includes the account trusted before: nothing is taken away.
      removed: [],
    },
    {
      name: 'a principal taken away is removed access, on the head document (no Sid to pair with)',
      base: head,
      head: bucketPolicy(['arn:aws:iam::111122223333:root']),
      granted: [],
      removed: [
        {
          reason: 'removed-principal',
          line: 1,
          message: 'Principal "AWS:arn:aws:iam::444455556666:root" is no longer allowed s3:GetObject (Read)',
        },
      ],
    },
  ]);
});

describe('diffPolicyFile: documents are paired by identity, in every format', () => {
  const terraform = (extra: string, actions: string) => `${extra}
resource "aws_iam_role_policy" "deploy" {
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = [${actions}]
      Resource = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`;
  const other = `resource "aws_iam_policy" "other" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = "*" }]
  })
}
`;
  const tfHead = terraform(other, '"s3:GetObject", "s3:PutObject"');
  testDiffs([
    {
      name: 'Terraform: a resource inserted above is a new document; the moved one only gains its new action',
      path: 'main.tf',
      base: terraform('', '"s3:GetObject"'),
      head: tfHead,
      granted: [
        { reason: 'new-document', line: lineOf(tfHead, '"sqs:SendMessage"'), severity: 'medium' },
        { reason: 'new-action', line: lineOf(tfHead, '"s3:PutObject"'), actions: ['s3:PutObject'] },
      ],
      removed: [],
    },
    {
      name: 'Terraform: the same placeholder resource is the same resource; another one is new',
      path: 'main.tf',
      base: terraform('', '"s3:GetObject"'),
      head: terraform('', '"s3:GetObject"').replace('aws_s3_bucket.site.arn', 'aws_s3_bucket.logs.arn'),
      granted: [
        { reason: 'new-resource', line: 9, message: 'Resource "${aws_s3_bucket.logs.arn}/*" is new' },
      ],
      // No Sid to pair the statement with: reported on the head document, `jsonencode(` on line 4.
      removed: [{ reason: 'removed-resource', line: 4 }],
    },
  ]);

  const role = (policies: string) => `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
${policies}`;
  const named = (name: string, actions: string) => `        - PolicyName: ${name}
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [${actions}]
                Resource: !Sub 'arn:aws:s3:::\${Bucket}/*'
`;
  const cfnHead = role(named('write', 's3:PutObject, s3:DeleteObject') + named('read', 's3:GetObject'));
  testDiffs([
    {
      name: 'CloudFormation YAML: policies re-ordered in the list stay paired by PolicyName',
      path: 'template.yaml',
      base: role(named('read', 's3:GetObject') + named('write', 's3:PutObject')),
      head: cfnHead,
      granted: [
        { reason: 'new-action', line: lineOf(cfnHead, 's3:DeleteObject'), actions: ['s3:DeleteObject'] },
      ],
      removed: [],
    },
    {
      name: 'CloudFormation YAML: a new trusted service is new access at its line',
      path: 'template.yaml',
      base: role(named('read', 's3:GetObject')),
      head: role(named('read', 's3:GetObject')).replace(
        '{ Service: lambda.amazonaws.com }',
        '{ Service: [lambda.amazonaws.com, ec2.amazonaws.com] }',
      ),
      granted: [
        {
          reason: 'new-principal',
          line: 9,
          actions: ['sts:AssumeRole'],
          message: 'Principal "Service:ec2.amazonaws.com"',
        },
      ],
      removed: [],
    },
  ]);
});

describe('diffPolicyFile: findings', () => {
  it('fingerprints do not move with lines, and differ per element', () => {
    const base = policy([READ_OBJECTS]);
    const shifted = `\n\n${newAction}`;
    const first = diff(base, newAction).findings;
    const second = diff(base, shifted).findings;
    expect(first).toHaveLength(1);
    expect(second[0]?.location?.line).toBe(first[0]!.location!.line + 2);
    expect(second[0]?.fingerprint).toBe(first[0]?.fingerprint);
    const other = diff(base, newAction.replace('s3:PutObject', 's3:DeleteObject')).findings;
    expect(other[0]?.fingerprint).not.toBe(first[0]?.fingerprint);
  });

  it('a new finding carries its evidence: levels, actions, resources, statement', () => {
    const [finding] = diff(widened.base, widened.head).findings;
    expect(finding).toMatchObject({
      ruleId: 'iam.diff.new-access',
      category: 'security',
      title: 'New Permissions management access (policy.json Statement[0])',
      location: { file: 'policy.json', line: lineOf(widened.head, '"s3:*"') },
      evidence: {
        direction: 'granted',
        reason: 'new-action',
        element: 'Action=s3:*',
        actionCount: count('s3:*') - count('s3:Get*'),
        resources: ['*'],
        statement: 'Statement[0]',
        policyKind: 'identity',
      },
    });
    expect((finding!.evidence.actions as string[]).length).toBeLessThanOrEqual(20);
    const levels = finding!.evidence.levels as Record<string, number>;
    expect(Object.values(levels).reduce((sum, value) => sum + value, 0)).toBe(
      count('s3:*') - count('s3:Get*'),
    );
  });

  it('groups actions by access level, most sensitive first', () => {
    const head = policy([
      {
        Effect: 'Allow',
        Action: ['s3:ListBucket', 's3:GetObject', 's3:PutBucketPolicy', 's3:PutObject'],
        Resource: '*',
      },
    ]);
    const { granted } = diff(null, head);
    expect(granted.flatMap((change) => change.byLevel.map((group) => group.level))).toEqual([
      'List',
      'Read',
      'Permissions management',
      'Write',
    ]);
    expect(granted.map((change) => change.location.line)).toEqual([7, 8, 9, 10]);
  });

  it('a new `*` names how many actions it adds and the most sensitive few, without listing them all', () => {
    const [finding] = diff(
      policy([READ_OBJECTS]),
      policy([READ_OBJECTS, { Effect: 'Allow', Action: '*', Resource: '*' }]),
    ).findings;
    expect(finding?.severity).toBe('high');
    expect(finding?.message).toMatch(
      /^Action "\*" newly allows [\d,]+ actions on "\*" \(Permissions management [\d,]+, Write [\d,]+, .*; the most sensitive: iam:CreatePolicyVersion, iam:AttachRolePolicy, /,
    );
    expect(finding?.message.length).toBeLessThan(400);
  });
});
