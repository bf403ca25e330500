import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import type { AccessChange } from '../../../../core/policy/diff/access-change.ts';
import { diffPolicyFile } from '../../../../core/policy/diff/diff-policy-file.ts';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';

const catalog = loadIamCatalog();

const ACTIONS = [
  's3:GetObject',
  's3:Get*',
  's3:PutObject',
  's3:*',
  'iam:PassRole',
  'iam:*',
  'sqs:SendMessage',
  'ec2:Describe*',
];
const RESOURCES = [
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/logs/*',
  'arn:aws:s3:::c/*',
  'arn:aws:iam::111122223333:role/app-*',
];
const CONDITIONS = [
  undefined,
  { StringEquals: { 'aws:ResourceTag/team': 'app' } },
  { StringEquals: { 'aws:ResourceTag/team': ['app', 'ops'] } },
  { StringEquals: { 'aws:ResourceTag/team': 'app' }, Bool: { 'aws:SecureTransport': 'true' } },
];

const statement = fc.record({
  effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
  not: fc.boolean(),
  actions: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 3 }),
  resources: fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 2 }),
  condition: fc.constantFrom(...CONDITIONS),
});
const statements = fc.array(statement, { maxLength: 4 });

type Statement = typeof statement extends fc.Arbitrary<infer T> ? T : never;

function policyText(list: readonly Statement[]): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: list.map((item) => ({
        Effect: item.effect,
        [item.not ? 'NotAction' : 'Action']: item.actions,
        Resource: item.resources,
        ...(item.condition ? { Condition: item.condition } : {}),
      })),
    },
    null,
    2,
  );
}

function diff(base: readonly Statement[], head: readonly Statement[]) {
  const documents = (list: readonly Statement[]) =>
    extractPolicies({ path: 'policy.json', text: policyText(list) }).documents;
  return diffPolicyFile({ file: 'policy.json', base: documents(base), head: documents(head) }, catalog);
}

/** Every (action, resource) pair the changes name, as a sorted list: what they are about, not where. */
function pairs(changes: readonly AccessChange[]): string[] {
  return changes
    .flatMap((change) =>
      change.actions.flatMap((action) =>
        change.resources.map(
          (resource) => `${action} ${resource} ${change.reason.replace(/^(new|removed)-/, '')}`,
        ),
      ),
    )
    .sort();
}

describe('diffPolicyFile: properties', () => {
  it('a policy compared with itself changes nothing', () => {
    fc.assert(
      fc.property(statements, (list) => {
        const result = diff(list, list);
        expect(result.findings).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('what a change grants is exactly what its reverse removes', () => {
    const reverseReason = (reason: string) => (reason === 'condition-added' ? 'condition-removed' : reason);
    fc.assert(
      fc.property(statements, statements, (base, head) => {
        const forward = diff(base, head).granted;
        const backward = diff(head, base).removed.map((change) => ({
          ...change,
          reason: reverseReason(change.reason),
        }));
        expect(pairs(backward as AccessChange[])).toEqual(pairs(forward));
      }),
      { numRuns: 40 },
    );
  });

  it('adding statements never removes access, and adding Deny statements grants none', () => {
    fc.assert(
      fc.property(statements, statements, (base, extra) => {
        const result = diff(base, [...base, ...extra]);
        expect(result.removed).toEqual([]);
        const denies = extra.map((item) => ({ ...item, effect: 'Deny' as const }));
        expect(diff(base, [...base, ...denies]).findings).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
