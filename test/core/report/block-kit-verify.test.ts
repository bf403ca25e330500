import { describe, expect, it } from 'vitest';
import type { ConnectionHealth, VerifyReport } from '../../../core/connect/verify.ts';
import type { MessageBlock } from '../../../core/report/block-kit-types.ts';
import { renderVerifyBlocks } from '../../../core/report/block-kit-verify.ts';
import { expectWithinSlackLimits } from '../../bot/slack-limits.ts';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/axiom-readonly';

function report(health: ConnectionHealth, extra: Partial<VerifyReport> = {}): VerifyReport {
  return { roleArn: ROLE_ARN, health, probes: [], diagnoses: [], ...extra };
}

function texts(blocks: readonly MessageBlock[]): string {
  return JSON.stringify(blocks);
}

const OVER_PRIVILEGED: VerifyReport = report('over-privileged', {
  identity: { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/axiom-readonly/s' },
  probes: [{ client: 'EC2', action: 'ec2:DescribeInstances', status: 'ok', items: 1 }],
  privilege: {
    status: 'over-privileged',
    simulation: 'done',
    notes: [],
    problems: [
      {
        source: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        reason: 'grants read access to data (S3 objects, DynamoDB items, secrets)',
        fix: 'Detach ReadOnlyAccess from the role; attach only the Axiom permission policy.',
        actions: ['s3:GetObject'],
      },
      {
        source: 'inline:extra',
        reason: 'allows writes',
        fix: 'Delete the inline policy extra.',
        actions: ['s3:PutObject'],
      },
    ],
  },
  diagnoses: [
    {
      code: 'over-privileged',
      level: 'blocker',
      title: 'The role can do more than read: the AWS managed policy ReadOnlyAccess',
      explanation:
        'The AWS managed policy ReadOnlyAccess grants read access to data. Onboarding stops until the role is read-only.',
      fix: 'Detach ReadOnlyAccess from the role; attach only the Axiom permission policy.',
    },
  ],
});

describe('renderVerifyBlocks', () => {
  it.each([
    ['healthy', '✅ prod is connected'],
    ['degraded', '⚠️ prod is connected, with gaps'],
    ['no-access', '⚠️ prod is connected but cannot read anything'],
    ['cannot-connect', '❌ prod is not connected'],
    ['over-privileged', '🛑 Onboarding halted: prod'],
  ] as const)('%s: the header gives the verdict', (health, header) => {
    const message = renderVerifyBlocks(report(health), { connection: 'prod' });
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: header, emoji: true },
    });
    expect(message.text.startsWith(header)).toBe(true);
  });

  it('an over-privileged role halts onboarding and names each policy to remove with its fix', () => {
    const text = texts(renderVerifyBlocks(OVER_PRIVILEGED, { connection: 'prod' }).blocks);
    expect(text).toContain('Axiom stops onboarding until the role is read-only');
    expect(text).toContain('*What to remove before onboarding continues:*');
    expect(text).toContain(
      '• *the AWS managed policy ReadOnlyAccess* (`arn:aws:iam::aws:policy/ReadOnlyAccess`): Detach ReadOnlyAccess from the role; attach only the Axiom permission policy.',
    );
    expect(text).toContain('• *the inline policy extra*: Delete the inline policy extra.');
  });

  it('shows each service read with its status, and each diagnosis with its fix', () => {
    const message = renderVerifyBlocks(
      report('degraded', {
        probes: [
          { client: 'EC2', action: 'ec2:DescribeInstances', status: 'ok', items: 3 },
          {
            client: 'S3',
            action: 's3:ListAllMyBuckets',
            status: 'denied',
            detail: 'AccessDenied: explicit deny in an SCP',
          },
          {
            client: 'CostExplorer',
            action: 'ce:GetCostAndUsage',
            status: 'skipped',
            detail: 'AWS bills each request',
          },
        ],
        diagnoses: [
          {
            code: 'probe-denied-scp',
            level: 'warning',
            title: 's3:ListAllMyBuckets is blocked by a service control policy',
            explanation: 'An SCP denies it.',
            fix: 'Ask the organisation admins <to> allow it.',
          },
        ],
      }),
      { connection: 'prod', next: 'Scans may run in <#C0PROD>.' },
    );
    const text = texts(message.blocks);
    expect(text).toContain('`ec2:DescribeInstances`\\n✅ ok (3 sampled)');
    expect(text).toContain('`s3:ListAllMyBuckets`\\n⛔ denied\\nAccessDenied: explicit deny in an SCP');
    expect(text).toContain('⚠️ *s3:ListAllMyBuckets is blocked by a service control policy*');
    expect(text).toContain('*Fix:* Ask the organisation admins &lt;to&gt; allow it.');
    // The caller's next step is mrkdwn: its channel link stays a link.
    expect(text).toContain('Scans may run in <#C0PROD>.');
  });

  it('stays within Slack’s limits with a diagnosis per service and long texts', () => {
    const many = report('no-access', {
      probes: Array.from({ length: 25 }, (_, index) => ({
        client: 'EC2' as const,
        action: `ec2:Describe${index}`,
        status: 'denied' as const,
        detail: 'x'.repeat(5000),
      })),
      diagnoses: Array.from({ length: 80 }, (_, index) => ({
        code: 'probe-denied',
        level: 'warning' as const,
        title: `Denied ${index} ${'t'.repeat(400)}`,
        explanation: 'e'.repeat(4000),
        fix: 'f'.repeat(3000),
      })),
    });
    const message = renderVerifyBlocks(many, { connection: 'prod' });
    expectWithinSlackLimits(message.blocks);
    expect(texts(message.blocks)).toContain('more; run `axiom verify` for the full list.');
  });
});
