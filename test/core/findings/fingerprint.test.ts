import { describe, expect, it } from 'vitest';
import { fingerprintFinding, normalizeFilePath } from '../../../core/findings/fingerprint.ts';
import { statementAnchor } from '../../../core/findings/policy-anchor.ts';
import type { PolicyDocument } from '../../../core/policy/document.ts';
import { extractPolicies } from '../../../core/policy/extract/extract-policies.ts';

const bucket = { accountId: '111122223333', region: 'eu-west-1', type: 'AWS::S3::Bucket', id: 'logs' };

function documentsOf(path: string, text: string): PolicyDocument[] {
  const result = extractPolicies({ path, text });
  expect(result.problems).toEqual([]);
  return result.documents;
}

/** Fingerprints of every statement of every document, for the element a check would name. */
function policyFingerprints(path: string, text: string, ruleId = 'iam.policy.resource-star'): string[] {
  return documentsOf(path, text).flatMap((document) =>
    document.statements.map((statement) =>
      fingerprintFinding({
        ruleId,
        file: path,
        anchor: statementAnchor(document, statement),
        element: 'Resource=*',
      }),
    ),
  );
}

const POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadLogs', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
    { Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:DescribeVolumes'], Resource: '*' },
  ],
};

describe('fingerprintFinding', () => {
  it('is 32 lowercase hex characters', () => {
    expect(fingerprintFinding({ ruleId: 'aws.s3.bucket-public-acl', resource: bucket })).toMatch(
      /^[0-9a-f]{32}$/,
    );
  });

  it('is the same for the same rule on the same resource, whatever else the resource carries', () => {
    const a = fingerprintFinding({ ruleId: 'aws.s3.bucket-public-acl', resource: bucket });
    const b = fingerprintFinding({ ruleId: 'aws.s3.bucket-public-acl', resource: { ...bucket } });
    expect(a).toBe(b);
  });

  it.each([
    ['another rule', { ruleId: 'aws.s3.bucket-no-encryption', resource: bucket }],
    [
      'another account',
      { ruleId: 'aws.s3.bucket-public-acl', resource: { ...bucket, accountId: '444455556666' } },
    ],
    ['another region', { ruleId: 'aws.s3.bucket-public-acl', resource: { ...bucket, region: 'us-east-1' } }],
    [
      'another type',
      { ruleId: 'aws.s3.bucket-public-acl', resource: { ...bucket, type: 'AWS::S3::AccessPoint' } },
    ],
    ['another id', { ruleId: 'aws.s3.bucket-public-acl', resource: { ...bucket, id: 'logs2' } }],
    ['a detail', { ruleId: 'aws.s3.bucket-public-acl', resource: bucket, detail: 'grant-1' }],
  ])('differs for %s', (_name, parts) => {
    expect(fingerprintFinding(parts)).not.toBe(
      fingerprintFinding({ ruleId: 'aws.s3.bucket-public-acl', resource: bucket }),
    );
  });

  it('keeps field boundaries: moving a character between fields changes the fingerprint', () => {
    const a = fingerprintFinding({ ruleId: 'r', resource: { ...bucket, type: 'a:b', id: 'c' } });
    const b = fingerprintFinding({ ruleId: 'r', resource: { ...bucket, type: 'a', id: 'b:c' } });
    expect(a).not.toBe(b);
  });

  it('does not confuse a live finding with a policy finding built from the same strings', () => {
    const live = fingerprintFinding({
      ruleId: 'r',
      resource: { accountId: 'f', region: 'a', type: 'e', id: '' },
    });
    const policy = fingerprintFinding({ ruleId: 'r', file: 'f', anchor: 'a', element: 'e' });
    expect(live).not.toBe(policy);
  });

  it('spells a path one way: ./ and backslashes do not matter', () => {
    const parts = { ruleId: 'r', anchor: 'a' };
    const plain = fingerprintFinding({ ...parts, file: 'infra/iam/role.json' });
    expect(fingerprintFinding({ ...parts, file: './infra/iam/role.json' })).toBe(plain);
    expect(fingerprintFinding({ ...parts, file: 'infra\\iam\\role.json' })).toBe(plain);
    expect(normalizeFilePath('././a\\b')).toBe('a/b');
  });
});

describe('policy fingerprints with statementAnchor', () => {
  const text = JSON.stringify(POLICY, null, 2);

  it('do not change when lines are inserted above the statements', () => {
    const before = policyFingerprints('policy.json', text);
    const padded = `\n\n\n${text.replace('"Statement": [', '"Id": "padding",\n\n  "Statement": [\n\n')}`;
    const after = policyFingerprints('policy.json', padded);
    expect(before).toHaveLength(2);
    expect(after).toEqual(before);
  });

  it('do not change when the statements swap places or a Sid-less statement re-orders its actions', () => {
    const [first, second] = POLICY.Statement;
    const swapped = {
      ...POLICY,
      Statement: [{ ...second!, Action: [...second!.Action].reverse() }, first!],
    };
    const before = policyFingerprints('policy.json', text);
    const after = policyFingerprints('policy.json', JSON.stringify(swapped, null, 2));
    expect(new Set(after)).toEqual(new Set(before));
  });

  it('keep a statement with a Sid while its content changes, and follow content when there is no Sid', () => {
    const changed = {
      ...POLICY,
      Statement: POLICY.Statement.map((statement) => ({
        ...statement,
        Action: [...statement.Action, 'kms:Decrypt'],
      })),
    };
    const [sidBefore, noSidBefore] = policyFingerprints('policy.json', text);
    const [sidAfter, noSidAfter] = policyFingerprints('policy.json', JSON.stringify(changed, null, 2));
    expect(sidAfter).toBe(sidBefore);
    expect(noSidAfter).not.toBe(noSidBefore);
  });

  it('differ between files, rules and statements', () => {
    const here = policyFingerprints('a.json', text);
    expect(new Set(here).size).toBe(2);
    expect(policyFingerprints('b.json', text)[0]).not.toBe(here[0]);
    expect(policyFingerprints('a.json', text, 'iam.policy.other')[0]).not.toBe(here[0]);
  });

  it('tell apart the same Sid in two Terraform resources of one file', () => {
    const block = (name: string) =>
      `resource "aws_iam_role_policy" "${name}" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Sid = "Same", Effect = "Allow", Action = "s3:*", Resource = "*" }]\n  })\n}\n`;
    const fingerprints = policyFingerprints('main.tf', `${block('one')}\n${block('two')}`);
    expect(fingerprints).toHaveLength(2);
    expect(fingerprints[0]).not.toBe(fingerprints[1]);
    // ... and keep them when a resource is added above both.
    const moved = policyFingerprints('main.tf', `${block('zero')}\n${block('one')}\n${block('two')}`);
    expect(moved.slice(1)).toEqual(fingerprints);
  });
});
