import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../../core/findings/finding.ts';
import { ALL_POLICY_CHECKS } from '../../../../core/policy/checks/index.ts';
import type { PolicyCheck } from '../../../../core/policy/checks/policy-check.ts';
import { createRiskyPolicyRule, riskyPolicy } from '../../../../core/rules/iam/risky-policy.ts';
import { TEST_ACCOUNT, testRule } from '../../../helpers/rule-harness.ts';
import {
  authorizationDetails,
  denied,
  findingsOf,
  group,
  iamInventory,
  managedPolicy,
  OTHER_ACCOUNT,
  policy,
  role,
  user,
} from './iam-fixtures.ts';

/**
 * A stand-in security check: flags every Allow statement whose Sid starts with "Bad", at the severity the Sid's
 * suffix names ("BadLow" -> low), so the mapping is tested whatever the real checks do.
 */
function standIn(id: string, category: PolicyCheck['category'] = 'security'): PolicyCheck & { runs: number } {
  const check = {
    id,
    title: `Stand-in ${id}`,
    category,
    defaultSeverity: 'high' as Severity,
    docs: 'Test check.',
    remediation: 'Remove the Bad statement.',
    runs: 0,
    evaluate(document: Parameters<PolicyCheck['evaluate']>[0]) {
      check.runs += 1;
      return document.statements.flatMap((statement) => {
        const sid = typeof statement.sid?.value === 'string' ? statement.sid.value : '';
        if (!sid.startsWith('Bad')) return [];
        const severity: Severity = sid === 'BadLow' ? 'low' : sid === 'BadCritical' ? 'critical' : 'high';
        return [
          {
            message: `statement ${sid} is bad`,
            range: statement.range,
            statement,
            severity,
            evidence: { sid },
            anchor: sid,
          },
        ];
      });
    },
  };
  return check;
}

const LAMBDA_TRUST = [
  { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
];
const bad = (sid = 'Bad') => policy({ Sid: sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });

describe('aws.iam.risky-policy with a stand-in check', () => {
  const check = standIn('test.bad-statement');
  const rule = createRiskyPolicyRule([check, standIn('test.correctness', 'correctness')]);
  const CUSTOMER_ARN = `arn:aws:iam::${TEST_ACCOUNT}:policy/app-policy`;
  const AWS_ARN = 'arn:aws:iam::aws:policy/SomeAwsPolicy';

  testRule(rule, [
    {
      name: 'maps inline findings to the user, group (with members) and role holding them',
      inventory: iamInventory(
        authorizationDetails({
          users: [
            user('alice', { inlinePolicies: [{ policyName: 'mine', document: bad() }], groups: ['devs'] }),
            user('bob', { groups: ['devs'] }),
          ],
          groups: [group('devs', { inlinePolicies: [{ policyName: 'team', document: bad('BadCritical') }] })],
          roles: [role('app', LAMBDA_TRUST, { inlinePolicies: [{ policyName: 'app', document: bad() }] })],
        }),
      ),
      expected: [
        {
          resourceId: 'alice',
          severity: 'high',
          message:
            'IAM user alice, inline policy "mine" (Stand-in test.bad-statement): statement Bad is bad (Statement "Bad").',
        },
        { resourceId: 'app', message: 'IAM role app, inline policy "app"' },
        {
          resourceId: 'devs',
          severity: 'critical',
          message: 'IAM group devs (members: alice, bob), inline policy "team"',
        },
      ],
    },
    {
      name: 'reports attached customer managed policies on the policy, unattached ones not at all',
      inventory: iamInventory(
        authorizationDetails({
          roles: [role('app', LAMBDA_TRUST, { attachedPolicyArns: [CUSTOMER_ARN] })],
          policies: [
            managedPolicy(CUSTOMER_ARN, bad()),
            managedPolicy(`arn:aws:iam::${TEST_ACCOUNT}:policy/unused`, bad(), { attachmentCount: 0 }),
          ],
        }),
      ),
      expected: [
        { resourceId: 'app-policy', message: 'customer managed policy app-policy (attached to role/app)' },
      ],
    },
    {
      name: 'reports AWS managed policies on each principal only for escalation and admin checks',
      inventory: iamInventory(
        authorizationDetails({
          users: [user('carol', { attachedPolicyArns: [AWS_ARN] })],
          policies: [managedPolicy(AWS_ARN, bad())],
        }),
      ),
      expected: [],
    },
    {
      name: 'keeps medium and worse security findings only, and leaves service-linked roles out',
      inventory: iamInventory(
        authorizationDetails({
          users: [user('dave', { inlinePolicies: [{ policyName: 'low', document: bad('BadLow') }] })],
          roles: [
            role('AWSServiceRoleForX', LAMBDA_TRUST, {
              path: '/aws-service-role/x.amazonaws.com/',
              inlinePolicies: [{ policyName: 'p', document: bad() }],
            }),
          ],
        }),
      ),
      expected: [],
    },
    {
      name: 'merges several statements flagged by one check in one policy into one finding',
      inventory: iamInventory(
        authorizationDetails({
          users: [
            user('erin', {
              inlinePolicies: [
                {
                  policyName: 'two',
                  document: policy(
                    { Sid: 'Bad', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
                    { Sid: 'BadCritical', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
                  ),
                },
              ],
            }),
          ],
        }),
      ),
      expected: [
        {
          resourceId: 'erin',
          severity: 'critical',
          message:
            'statement BadCritical is bad (Statement "BadCritical"); and 1 more: statement Bad is bad (Statement "Bad")',
        },
      ],
    },
    {
      name: 'not evaluated when GetAccountAuthorizationDetails is denied',
      inventory: iamInventory({}, [denied('GetAccountAuthorizationDetails')]),
      expected: [],
      notEvaluatedIn: 'global',
    },
  ]);

  it('keeps the check id, policy and problems in evidence, with a fingerprint per check and policy', () => {
    const inventory = iamInventory(
      authorizationDetails({
        users: [
          user('frank', {
            inlinePolicies: [
              { policyName: 'one', document: bad() },
              { policyName: 'two', document: bad() },
            ],
          }),
        ],
      }),
    );
    const findings = findingsOf(rule, inventory);
    expect(findings).toHaveLength(2);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(2);
    expect(findingsOf(rule, inventory).map((finding) => finding.fingerprint)).toEqual(
      findings.map((finding) => finding.fingerprint),
    );
    expect(findings[0]?.evidence).toEqual({
      checkId: 'test.bad-statement',
      checkTitle: 'Stand-in test.bad-statement',
      policyName: 'one',
      policyType: 'inline',
      principalType: 'user',
      principal: 'frank',
      problems: [
        {
          severity: 'high',
          message: 'statement Bad is bad',
          statement: 'Statement "Bad"',
          line: 4,
          evidence: { sid: 'Bad', policyKind: 'identity', statement: 'Bad' },
        },
      ],
    });
    expect(findings[0]?.remediation).toBe(
      'Edit inline policy "one" of user frank (IAM console > Users > frank > Permissions): Remove the Bad statement.',
    );
  });

  it('analyses an AWS managed policy once per version, however many principals and scans use it', () => {
    const counted = standIn('iam.policy.privilege-escalation');
    const countingRule = createRiskyPolicyRule([counted]);
    const inventory = iamInventory(
      authorizationDetails({
        users: [
          user('gina', { attachedPolicyArns: [AWS_ARN] }),
          user('hank', { attachedPolicyArns: [AWS_ARN] }),
        ],
        policies: [managedPolicy(AWS_ARN, bad())],
      }),
    );
    const findings = findingsOf(countingRule, inventory);
    findingsOf(countingRule, inventory);
    expect(findings.map((finding) => finding.resource?.id)).toEqual(['gina', 'hank']);
    expect(findings[0]?.message).toContain('IAM user gina, AWS managed policy SomeAwsPolicy');
    expect(findings[0]?.evidence).toMatchObject({ policyType: 'aws-managed', policyArn: AWS_ARN });
    expect(counted.runs).toBe(1);
  });
});

const ESCALATION = 'iam.policy.privilege-escalation';
const hasEscalationCheck = ALL_POLICY_CHECKS.some((check) => check.id === ESCALATION);

describe('aws.iam.risky-policy with ALL_POLICY_CHECKS', () => {
  const attachUserPolicy = policy({
    Sid: 'SelfAdmin',
    Effect: 'Allow',
    Action: 'iam:AttachUserPolicy',
    Resource: '*',
  });
  const inventory = iamInventory(
    authorizationDetails({
      users: [
        user('intern', { inlinePolicies: [{ policyName: 'oops', document: attachUserPolicy }] }),
        user('root-like', {
          inlinePolicies: [
            { policyName: 'all', document: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) },
          ],
        }),
      ],
      roles: [
        role('open', [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }]),
        role('own-account', [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` },
            Action: 'sts:AssumeRole',
          },
        ]),
        role('vendor', [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            Action: 'sts:AssumeRole',
          },
        ]),
        role('gha-no-sub', [
          {
            Effect: 'Allow',
            Principal: {
              Federated: `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
            },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
          },
        ]),
      ],
    }),
  );

  it.skipIf(!hasEscalationCheck)('reports a privilege escalation path on the user holding it', () => {
    const findings = findingsOf(riskyPolicy, inventory);
    const intern = findings.filter((finding) => finding.resource?.id === 'intern');
    expect(intern.map((finding) => finding.evidence.checkId)).toContain(ESCALATION);
    const escalation = intern.find((finding) => finding.evidence.checkId === ESCALATION);
    expect(escalation?.severity).toBe('critical');
    expect(escalation?.resource?.type).toBe('AWS::IAM::User');
    expect(escalation?.message).toContain('IAM user intern, inline policy "oops"');
    expect(escalation?.message).toContain('iam:AttachUserPolicy');
  });

  it('leaves to the dedicated rules: *:* statements, Principal "*", cross-account and sub-less OIDC trust', () => {
    const checkIds = findingsOf(riskyPolicy, inventory).map(
      (finding) => `${finding.resource?.id} ${finding.evidence.checkId}`,
    );
    expect(checkIds.filter((entry) => !entry.startsWith('intern '))).toEqual([]);
  });

  it('keeps web-identity findings the OIDC rule does not report (a sub naming a whole organisation)', () => {
    const orgWide = iamInventory(
      authorizationDetails({
        roles: [
          role('gha-org', [
            {
              Effect: 'Allow',
              Principal: {
                Federated: `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
              },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
                StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:my-org/*' },
              },
            },
          ]),
        ],
      }),
    );
    const webIdentityCheck = ALL_POLICY_CHECKS.some(
      (check) => check.id === 'iam.trust.web-identity-unscoped',
    );
    const findings = findingsOf(riskyPolicy, orgWide);
    if (!webIdentityCheck) {
      expect(findings).toEqual([]);
      return;
    }
    expect(
      findings.map((finding) => [finding.resource?.id, finding.evidence.checkId, finding.severity]),
    ).toEqual([['gha-org', 'iam.trust.web-identity-unscoped', 'high']]);
    expect(findings[0]?.message).toContain('IAM role gha-org, trust policy');
  });

  it('reports a NotAction form of full access that the *:* rule does not see', () => {
    const notAction = iamInventory(
      authorizationDetails({
        users: [
          user('almost-root', {
            inlinePolicies: [
              {
                policyName: 'all-but-s3',
                document: policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }),
              },
            ],
          }),
        ],
      }),
    );
    const ids = findingsOf(riskyPolicy, notAction).map((finding) => finding.evidence.checkId);
    if (ALL_POLICY_CHECKS.some((check) => check.id === 'iam.policy.full-admin'))
      expect(ids).toContain('iam.policy.full-admin');
  });

  it('reports AWS managed IAMFullAccess for escalation, and not ReadOnlyAccess-style reads', () => {
    const IAM_FULL = 'arn:aws:iam::aws:policy/IAMFullAccess';
    const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const managed = iamInventory(
      authorizationDetails({
        groups: [group('iam-admins', { attachedPolicyArns: [IAM_FULL, READ_ONLY] })],
        policies: [
          managedPolicy(
            IAM_FULL,
            policy({
              Effect: 'Allow',
              Action: ['iam:*', 'organizations:DescribeAccount', 'organizations:ListRoots'],
              Resource: '*',
            }),
            { defaultVersionId: 'v2' },
          ),
          managedPolicy(
            READ_ONLY,
            policy({
              Effect: 'Allow',
              Action: ['s3:Get*', 's3:List*', 'secretsmanager:ListSecrets', 'ec2:Describe*', 'dynamodb:Scan'],
              Resource: '*',
            }),
          ),
        ],
      }),
    );
    const findings = findingsOf(riskyPolicy, managed);
    expect(findings.every((finding) => finding.evidence.policyName === 'IAMFullAccess')).toBe(true);
    if (hasEscalationCheck) expect(findings.map((finding) => finding.evidence.checkId)).toContain(ESCALATION);
  });
});
