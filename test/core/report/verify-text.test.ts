import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeRole } from '../../../core/connect/assume-role.ts';
import { buildPermissionPolicy } from '../../../core/connect/permission-policy.ts';
import type { ConnectionHealth, VerifyReport } from '../../../core/connect/verify.ts';
import { verifyConnection } from '../../../core/connect/verify.ts';
import { loadIamCatalog } from '../../../core/policy/catalog/iam-catalog.ts';
import { renderVerifyText } from '../../../core/report/verify-text.ts';
import {
  ASSUMED,
  AXIOM_POLICY_ARN,
  answerHealthyAccount,
  denialMessage,
  deniedReply,
  EXTERNAL_ID,
  PROBES,
  ROLE_ARN,
} from '../../cli/fake-account.ts';
import { FAKE_CREDENTIALS, type FakeAws, queryError, startFakeAws } from '../../helpers/fake-aws.ts';

function report(health: ConnectionHealth, extra: Partial<VerifyReport> = {}): VerifyReport {
  return { roleArn: ROLE_ARN, health, probes: [], diagnoses: [], ...extra };
}

describe('renderVerifyText: the verdict comes first', () => {
  it.each([
    ['healthy', /^Connected: the role is read-only and every service answered\.$/],
    ['degraded', /^Connected with gaps: .*coverage gaps/],
    ['no-access', /^Connected, but the role cannot read anything\.$/],
    ['cannot-connect', /^Not connected: Axiom could not use the role\.$/],
    ['over-privileged', /^Onboarding halted: the role can do more than read\.$/],
  ] as const)('%s', (health, verdict) => {
    const [first, second] = renderVerifyText(report(health)).split('\n');
    expect(first).toMatch(verdict);
    expect(second).toBe(`Role: ${ROLE_ARN}`);
  });

  it('every verdict differs', () => {
    const healths: ConnectionHealth[] = [
      'healthy',
      'degraded',
      'no-access',
      'cannot-connect',
      'over-privileged',
    ];
    const lines = healths.map((health) => renderVerifyText(report(health)).split('\n')[0]);
    expect(new Set(lines).size).toBe(healths.length);
  });
});

describe('renderVerifyText: the service table and the diagnoses', () => {
  const sample = report('degraded', {
    identity: { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/axiom-readonly/s' },
    probes: [
      { client: 'EC2', action: 'ec2:DescribeInstances', status: 'ok', items: 3 },
      {
        client: 'ElasticLoadBalancingV2',
        action: 'elasticloadbalancing:DescribeLoadBalancers',
        status: 'denied',
        detail: 'AccessDenied: with an explicit deny in a service control policy',
      },
      { client: 'CostExplorer', action: 'ce:GetCostAndUsage', status: 'skipped', detail: 'billed' },
      {
        client: 'ResourceGroupsTaggingAPI',
        action: 'tag:GetResources',
        status: 'unimplemented',
        detail: 'NotImplemented: x',
      },
      {
        client: 'RDS',
        action: 'rds:DescribeDBInstances',
        status: 'error',
        detail: 'Throttling: Rate exceeded',
      },
    ],
    privilege: {
      status: 'read-only',
      problems: [],
      simulation: 'unavailable',
      notes: ['This endpoint does not implement iam:SimulatePrincipalPolicy; the simulation was skipped.'],
    },
    diagnoses: [
      {
        code: 'scp-denied',
        level: 'warning',
        title: 'elasticloadbalancing:DescribeLoadBalancers is blocked by a service control policy',
        explanation: 'An AWS Organizations SCP denies it.',
        fix: 'Ask your AWS Organizations administrator.',
      },
      {
        code: 'privilege-check-note',
        level: 'info',
        title: 'This endpoint does not implement iam:SimulatePrincipalPolicy; the simulation was skipped.',
        explanation:
          'This endpoint does not implement iam:SimulatePrincipalPolicy; the simulation was skipped.',
        fix: '',
      },
      { code: 'x', level: 'info', title: 'Nothing to do', explanation: 'Just so you know.', fix: '' },
    ],
  });
  const text = renderVerifyText(sample);
  const lines = text.split('\n');

  it('names the account and the session', () => {
    expect(text).toContain(
      'Account: 111122223333 (as arn:aws:sts::111122223333:assumed-role/axiom-readonly/s)',
    );
  });

  it('lists every read with an aligned status column, counts for ok reads and AWS’s code for the others', () => {
    const start = lines.indexOf('Service reads:');
    const rows = lines.slice(start + 1, start + 6);
    expect(rows).toEqual([
      '  ec2:DescribeInstances                       ok (3 item(s) sampled)',
      '  elasticloadbalancing:DescribeLoadBalancers  DENIED  AccessDenied: with an explicit deny in a service control policy',
      '  ce:GetCostAndUsage                          skipped  billed',
      '  tag:GetResources                            n/a  NotImplemented: x',
      '  rds:DescribeDBInstances                     ERROR  Throttling: Rate exceeded',
    ]);
  });

  it('shows the privilege check with its notes once', () => {
    expect(text).toContain('Privilege check: read-only; policy simulation: unavailable.');
    expect(text.split('does not implement iam:SimulatePrincipalPolicy')).toHaveLength(2);
  });

  it('shows each diagnosis with its level, explanation and fix, and no empty fix', () => {
    const start = lines.indexOf('Diagnosis:');
    expect(lines.slice(start + 1)).toEqual([
      '  [warning] elasticloadbalancing:DescribeLoadBalancers is blocked by a service control policy',
      '    An AWS Organizations SCP denies it.',
      '    Fix: Ask your AWS Organizations administrator.',
      '  [info] Nothing to do',
      '    Just so you know.',
      '',
    ]);
  });

  it('leaves out sections with nothing in them', () => {
    const bare = renderVerifyText(report('cannot-connect'));
    expect(bare).not.toContain('Service reads:');
    expect(bare).not.toContain('Privilege check');
    expect(bare).not.toContain('Diagnosis:');
    expect(bare.endsWith('\n')).toBe(true);
  });
});

describe('renderVerifyText over real verify reports: no secrets in text or JSON', () => {
  let aws: FakeAws;
  beforeAll(async () => {
    aws = await startFakeAws();
  });
  afterAll(async () => {
    await aws.close();
  });

  const secrets = [
    EXTERNAL_ID,
    ASSUMED.accessKeyId,
    ASSUMED.secretAccessKey,
    ASSUMED.sessionToken,
    FAKE_CREDENTIALS.accessKeyId,
    FAKE_CREDENTIALS.secretAccessKey,
  ];

  async function run(): Promise<VerifyReport> {
    return verifyConnection({
      roleArn: ROLE_ARN,
      regions: ['us-east-1'],
      endpoint: aws.url,
      resolver: loadIamCatalog(),
      maxAttempts: 1,
      connect: () =>
        assumeRole({
          roleArn: ROLE_ARN,
          externalId: EXTERNAL_ID,
          region: 'us-east-1',
          endpoint: aws.url,
          maxAttempts: 1,
          sourceCredentials: FAKE_CREDENTIALS,
        }),
    });
  }

  it.each([
    ['healthy', () => answerHealthyAccount(aws)],
    [
      'over-privileged with denied reads',
      () => {
        answerHealthyAccount(aws, {
          policies: {
            attached: {
              [AXIOM_POLICY_ARN]: buildPermissionPolicy(),
              'arn:aws:iam::aws:policy/ReadOnlyAccess': undefined,
            },
            inline: {},
          },
        });
        for (const probe of PROBES.slice(0, 3))
          aws.on(probe.service, probe.operation, () =>
            deniedReply(probe, denialMessage(probe.action, 'scp')),
          );
      },
    ],
    [
      'assume denied by an endpoint that echoes the External ID',
      () =>
        aws.on('STS', 'AssumeRole', () =>
          queryError('AccessDenied', `ExternalId=${EXTERNAL_ID} rejected`, 403),
        ),
    ],
  ])('%s', async (_name, arrange) => {
    aws.reset();
    arrange();
    const verified = await run();
    const outputs = [renderVerifyText(verified), JSON.stringify(verified, null, 2)];
    for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
  });
});
