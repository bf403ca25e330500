/** The scan's report context (counts, gaps, not-evaluated rules), its text section, and the progress display. */
import { describe, expect, it } from 'vitest';
import { createProgressDisplay, progressBar, progressLine } from '../../cli/progress.ts';
import { renderScanReport, renderScanText } from '../../cli/scan-render.ts';
import type { Finding } from '../../core/findings/finding.ts';
import { buildScanReportContext, countResources, coverageGaps } from '../../core/report/scan-report.ts';
import { renderText } from '../../core/report/text.ts';
import type { ScanProgress } from '../../core/scan/run-scan.ts';
import { fullInventory } from '../core/scan/full-inventory.ts';

const TOOL = { name: 'Axiom', version: '9.9.9' };

describe('countResources', () => {
  it('counts every collected collection per type, customer managed policies only, keys sorted', () => {
    expect(countResources(fullInventory())).toEqual({
      'AWS::EC2::EIP': 1,
      'AWS::EC2::Instance': 1,
      'AWS::EC2::NatGateway': 1,
      'AWS::EC2::SecurityGroup': 1,
      'AWS::EC2::Subnet': 1,
      'AWS::EC2::VPC': 1,
      'AWS::EC2::Volume': 1,
      'AWS::ElasticLoadBalancingV2::LoadBalancer': 1,
      'AWS::ElasticLoadBalancingV2::TargetGroup': 1,
      'AWS::IAM::Group': 1,
      'AWS::IAM::ManagedPolicy': 1,
      'AWS::IAM::Role': 1,
      'AWS::IAM::User': 1,
      'AWS::Logs::LogGroup': 2,
      'AWS::RDS::DBCluster': 1,
      'AWS::RDS::DBInstance': 1,
      'AWS::S3::Bucket': 1,
    });
  });

  it('leaves out what was not collected and keeps what was collected empty', () => {
    const inventory = fullInventory();
    const region = inventory.accounts[0]?.regional['us-east-1'];
    if (region?.ec2) {
      delete region.ec2.volumes;
      region.ec2.instances = [];
    }
    const counts = countResources(inventory);
    expect(counts['AWS::EC2::Volume']).toBeUndefined();
    expect(counts['AWS::EC2::Instance']).toBe(0);
  });
});

describe('buildScanReportContext', () => {
  it('carries the accounts, the gaps only, the rules not evaluated and the scan counters', () => {
    const inventory = fullInventory();
    const context = buildScanReportContext(
      inventory,
      {
        findings: [],
        notEvaluated: [
          {
            ruleId: 'aws.ec2.x',
            accountId: '111122223333',
            region: 'us-east-1',
            reason: 'ec2:DescribeInstances denied',
          },
        ],
      },
      { tool: TOOL, rules: [] },
    );
    expect(context).toMatchObject({
      tool: TOOL,
      targets: [
        { description: 'AWS account 111122223333 (prod)', accountId: '111122223333', regions: ['us-east-1'] },
      ],
      startedAt: inventory.startedAt,
      finishedAt: inventory.finishedAt,
      coverage: [
        {
          account: '111122223333',
          region: 'us-east-1',
          service: 'ec2',
          operation: 'DescribeInstances',
          status: 'denied',
          detail: 'UnauthorizedOperation: You are not authorized to perform this operation.',
        },
      ],
      notEvaluated: [{ ruleId: 'aws.ec2.x', region: 'us-east-1' }],
      stats: {
        durationMs: 72_500,
        apiCalls: 2,
        apiCallsByOperation: inventory.stats.apiCalls.byOperation,
        resources: 18,
      },
    });
  });

  it('names a gap without AWS detail by its operation and status', () => {
    expect(
      coverageGaps([
        { accountId: '1', region: 'global', service: 'iam', operation: 'GetAccountSummary', status: 'ok' },
        { accountId: '1', region: 'global', service: 'ce', operation: '*', status: 'skipped' },
      ]),
    ).toEqual([
      {
        account: '1',
        region: 'global',
        service: 'ce',
        operation: '*',
        status: 'skipped',
        detail: '* skipped',
      },
    ]);
  });
});

describe('renderScanText', () => {
  const finding: Finding = {
    ruleId: 'aws.ec2.ebs-volume-unencrypted',
    title: 'EBS volume not encrypted: vol-1',
    severity: 'medium',
    category: 'security',
    message: 'Volume vol-1 is not encrypted.',
    remediation: 'Encrypt it.',
    evidence: {},
    fingerprint: 'f1',
  };
  const context = {
    tool: TOOL,
    notEvaluated: [
      { ruleId: 'aws.logs.a', accountId: '1', region: 'us-west-2', reason: 'logs:DescribeLogGroups denied' },
      { ruleId: 'aws.logs.b', accountId: '1', region: 'us-west-2', reason: 'logs:DescribeLogGroups denied' },
      { ruleId: 'aws.logs.a', accountId: '1', region: 'eu-west-1', reason: 'logs:DescribeLogGroups denied' },
    ],
  };

  it('adds the rules not evaluated, grouped by scope and reason, before a summary that counts them', () => {
    const text = renderScanText([finding], context);
    const plain = renderText([finding], { tool: TOOL });
    const summary = plain.trimEnd().split('\n').at(-1);
    expect(text.startsWith(plain.slice(0, plain.lastIndexOf('\nSummary: ')))).toBe(true);
    expect(text).toContain(
      [
        'NOT EVALUATED (2 rules): these could not run where an input they need is missing, so they did not pass there',
        '  1 us-west-2  logs:DescribeLogGroups denied',
        '    aws.logs.a, aws.logs.b',
        '  1 eu-west-1  logs:DescribeLogGroups denied',
        '    aws.logs.a',
        '',
        `${summary} · 2 rules not evaluated`,
        '',
      ].join('\n'),
    );
  });

  it('is renderText itself when every rule ran, and JSON carries no notEvaluated outside scans', () => {
    expect(renderScanText([finding], { tool: TOOL })).toBe(renderText([finding], { tool: TOOL }));
    expect(
      JSON.parse(renderScanReport([finding], { tool: TOOL }, { format: 'json', failOn: 'high' })),
    ).not.toHaveProperty('notEvaluated');
  });

  it('keeps control characters in scanned text out of the terminal', () => {
    const text = renderScanText([], {
      tool: TOOL,
      notEvaluated: [
        { ruleId: 'r', accountId: '1', region: 'x', reason: 'denied \u001b[2J by \u0007 policy' },
      ],
    });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
  });
});

function step(done: number, total: number): ScanProgress {
  return {
    done,
    total,
    outcome: 'done',
    unit: {
      id: `111122223333/us-east-1/ec2`,
      accountId: '111122223333',
      region: 'us-east-1',
      service: 'ec2',
      after: [],
      collector: { service: 'ec2', scope: 'regional', operations: [], collect: async () => {} },
    },
  };
}

describe('the progress display', () => {
  it('draws a bar of done over total', () => {
    expect(progressBar(0, 4, 8)).toBe('░░░░░░░░');
    expect(progressBar(1, 4, 8)).toBe('██░░░░░░');
    expect(progressBar(9, 4, 8)).toBe('████████');
    expect(progressBar(0, 0, 4)).toBe('░░░░');
    expect(progressLine(step(3, 12), 4)).toBe('Scanning █░░░ 3/12 units · 111122223333 us-east-1 ec2');
  });

  it('on a terminal: redraws one line at most every interval, always the last step, and erases it at the end', () => {
    let written = '';
    let now = 0;
    const display = createProgressDisplay(
      { isTTY: true, write: (text: string) => (written += text) },
      { now: () => now, width: 4, intervalMs: 100 },
    );
    display.update(step(1, 3));
    now = 50;
    display.update(step(2, 3));
    now = 60;
    display.update(step(3, 3));
    display.finish();
    expect(written).toBe(
      '\r\u001b[2KScanning █░░░ 1/3 units · 111122223333 us-east-1 ec2' +
        '\r\u001b[2KScanning ████ 3/3 units · 111122223333 us-east-1 ec2' +
        '\r\u001b[2K',
    );
  });

  it('anywhere else: writes nothing', () => {
    let written = '';
    const display = createProgressDisplay({ write: (text: string) => (written += text) });
    display.update(step(1, 1));
    display.finish();
    expect(written).toBe('');
  });
});
