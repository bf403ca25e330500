/**
 * `axiom scan` end to end: the CLI assumes the role and runs every collector against the fake AWS, which
 * answers in the services' real wire formats; the JSON report is checked against its schema and for the
 * findings, coverage and counts the account implies; then the saved inventory is re-scanned offline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SCHEMA } from '../../core/report/report-schema.ts';
import { axiom, type CliRun } from '../cli/cli-harness.ts';
import { type FakeAws, startFakeAws } from '../helpers/fake-aws.ts';
import {
  ACCOUNT,
  ASSUMED,
  EXTERNAL_ID,
  IDS,
  ROLE_ARN,
  SOURCE,
  serveFullAccount,
  signedRegion,
} from './fake-account-full.ts';

const validate = new Ajv({ allErrors: true, strict: true }).compile(REPORT_SCHEMA);

/** The parts of the JSON report the tests read. */
interface Report {
  targets: { accountId?: string; regions?: string[] }[];
  coverage: {
    account?: string;
    region?: string;
    service: string;
    operation: string;
    status: string;
    detail: string;
  }[];
  notEvaluated: { ruleId: string; accountId: string; region: string; reason: string }[];
  stats: {
    apiCalls: number;
    apiCallsByOperation: Record<string, { calls: number; attempts: number }>;
    resources: number;
    resourcesByType: Record<string, number>;
  };
  findings: {
    ruleId: string;
    severity: string;
    fingerprint: string;
    resource?: { accountId: string; region: string; type: string; id: string };
  }[];
}

function environment(aws: FakeAws, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: aws.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: SOURCE.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SOURCE.secretAccessKey,
    ...extra,
  };
}

function findingOf(report: Report, ruleId: string, id: string) {
  return report.findings.find((finding) => finding.ruleId === ruleId && finding.resource?.id === id);
}

let aws: FakeAws;
let dir: string;
beforeAll(async () => {
  aws = await startFakeAws();
  dir = mkdtempSync(join(tmpdir(), 'axiom-e2e-'));
});
afterAll(async () => {
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('axiom scan --role-arn against a whole account', () => {
  let live: CliRun;
  let report: Report;
  let liveRequests: number;
  const inventoryFile = () => join(dir, 'inventory.json');

  beforeAll(async () => {
    aws.reset();
    serveFullAccount(aws, { deny: [{ service: 'EC2', operation: 'DescribeVolumes', region: 'eu-west-1' }] });
    live = await axiom(
      [
        'scan',
        '--role-arn',
        ROLE_ARN,
        '--external-id',
        EXTERNAL_ID,
        '--regions',
        'us-east-1,eu-west-1',
        '--format',
        'json',
        '--save-inventory',
        inventoryFile(),
      ],
      environment(aws),
    );
    liveRequests = aws.requests.length;
    report = JSON.parse(live.stdout) as Report;
  }, 60_000);

  it('exits 1 (findings at or above high), with a schema-valid JSON report on stdout', () => {
    expect(live.code).toBe(1);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.targets).toEqual([
      { description: `AWS account ${ACCOUNT}`, accountId: ACCOUNT, regions: ['us-east-1', 'eu-west-1'] },
    ]);
  });

  it('answered every request the scan made, each in its wire format', () => {
    expect(
      aws.requests.filter((request) => !request.handled).map((r) => `${r.service}:${r.operation}`),
    ).toEqual([]);
    // Every collector's service was called (Cost Explorer only with --include-cost).
    expect(new Set(aws.requests.map((request) => request.service))).toEqual(
      new Set([
        'STS',
        'IAM',
        'S3',
        'S3Control',
        'EC2',
        'ElasticLoadBalancingV2',
        'RDS',
        'CloudWatchLogs',
        'CloudWatch',
        'ResourceGroupsTaggingAPI',
      ]),
    );
  });

  it('assumed the role once with the External ID and signed every read with the session keys', () => {
    const assume = aws.calls('STS', 'AssumeRole');
    expect(assume).toHaveLength(1);
    expect(assume[0]?.params).toMatchObject({ RoleArn: ROLE_ARN, ExternalId: EXTERNAL_ID });
    expect(assume[0]?.headers.authorization).toContain(`Credential=${SOURCE.accessKeyId}/`);
    const reads = aws.requests.filter((request) => request.service !== 'STS');
    expect(
      reads.every((request) => request.headers.authorization?.includes(`Credential=${ASSUMED.accessKeyId}/`)),
    ).toBe(true);
    // EC2 was read in both regions, each request signed for its own.
    expect(new Set(aws.calls('EC2', 'DescribeInstances').map(signedRegion))).toEqual(
      new Set(['us-east-1', 'eu-west-1']),
    );
  });

  it('reports the open SSH group, the exposed instance, the unencrypted volume and the public bucket', () => {
    expect(findingOf(report, 'aws.ec2.security-group-open-to-internet', IDS.securityGroup)).toMatchObject({
      severity: 'high',
      resource: { accountId: ACCOUNT, region: 'us-east-1', type: 'AWS::EC2::SecurityGroup' },
    });
    expect(findingOf(report, 'aws.ec2.instance-exposed-to-internet', IDS.instance)).toMatchObject({
      severity: 'critical',
    });
    expect(findingOf(report, 'aws.ec2.ebs-volume-unencrypted', IDS.volume)).toMatchObject({
      resource: { region: 'us-east-1', type: 'AWS::EC2::Volume' },
    });
    expect(findingOf(report, 'aws.ec2.ebs-encryption-by-default-off', 'us-east-1')).toBeDefined();
    expect(findingOf(report, 'aws.s3.bucket-public-acl', IDS.publicBucket)).toMatchObject({
      resource: { region: 'global', type: 'AWS::S3::Bucket' },
    });
    expect(findingOf(report, 'aws.s3.account-public-access-block-missing', ACCOUNT)).toBeDefined();
    expect(findingOf(report, 'aws.logs.log-group-retention-unset', IDS.logGroup)).toBeDefined();
    // The locked-down bucket and the empty region are clean.
    expect(report.findings.filter((finding) => finding.resource?.id === IDS.privateBucket)).toEqual([]);
    expect(report.findings.filter((finding) => finding.resource?.region === 'eu-west-1')).toEqual([]);
  });

  it('reports the IAM problems: root without MFA, a console user without MFA, a trust without External ID', () => {
    expect(findingOf(report, 'aws.iam.root-mfa-disabled', ACCOUNT)).toMatchObject({ severity: 'critical' });
    expect(findingOf(report, 'aws.iam.console-user-without-mfa', 'dev')).toBeDefined();
    expect(
      findingOf(report, 'aws.iam.role-cross-account-trust-without-external-id', 'ci-partner'),
    ).toBeDefined();
    expect(findingOf(report, 'aws.iam.weak-password-policy', ACCOUNT)).toBeDefined();
  });

  it('records the denied operation as a coverage gap and the rules it feeds as not evaluated there', () => {
    expect(report.coverage).toEqual([
      {
        account: ACCOUNT,
        region: 'eu-west-1',
        service: 'ec2',
        operation: 'DescribeVolumes',
        status: 'denied',
        detail: 'UnauthorizedOperation: You are not authorized to perform this operation.',
      },
    ]);
    const volumeRules = report.notEvaluated
      .filter((item) => item.region === 'eu-west-1')
      .map((item) => item.ruleId);
    expect(volumeRules).toEqual(
      expect.arrayContaining([
        'aws.ec2.ebs-volume-unencrypted',
        'aws.ec2.ebs-volume-unattached',
        'aws.ec2.ebs-volume-gp2',
        'aws.ec2.instance-stopped-long',
      ]),
    );
    for (const item of report.notEvaluated.filter((entry) => entry.region === 'eu-west-1'))
      expect(item.reason).toMatch(/^ec2:DescribeVolumes denied \(UnauthorizedOperation/);
    // The same rules ran in us-east-1, where the volumes were read.
    expect(
      report.notEvaluated.filter((item) => item.region === 'us-east-1').map((item) => item.ruleId),
    ).toEqual([]);
    // Cost Explorer was not asked for: its rule says so rather than passing.
    expect(report.notEvaluated).toContainEqual({
      ruleId: 'aws.ce.service-cost-increase',
      accountId: ACCOUNT,
      region: 'global',
      reason: 'ce was not scanned in global',
    });
  });

  it('counts exactly the requests the server saw, per operation, and the resources per type', () => {
    expect(report.stats.apiCalls).toBe(liveRequests);
    const byOperation = report.stats.apiCallsByOperation;
    const seen = new Map<string, number>();
    for (const request of aws.requests.slice(0, liveRequests)) {
      const name = `${request.service}:${request.operation}`;
      seen.set(name, (seen.get(name) ?? 0) + 1);
    }
    expect(
      Object.fromEntries(Object.entries(byOperation).map(([name, stats]) => [name, stats.attempts])),
    ).toEqual(Object.fromEntries(seen));
    expect(byOperation['STS:AssumeRole']).toEqual({ calls: 1, attempts: 1 });
    expect(byOperation['S3:GetBucketAcl']).toEqual({ calls: 2, attempts: 2 });
    expect(report.stats.resourcesByType).toMatchObject({
      'AWS::EC2::Instance': 1,
      'AWS::EC2::SecurityGroup': 2,
      'AWS::EC2::Volume': 1,
      'AWS::S3::Bucket': 2,
      'AWS::IAM::User': 1,
      'AWS::IAM::Role': 1,
      'AWS::Logs::LogGroup': 1,
    });
  });

  it('keeps stdout to the report and the External ID out of every output', () => {
    expect(live.stderr).toMatch(
      /^axiom scan: scanned 1 of 1 account, 2 regions: \d+ API calls in [\d.]+ s\.$/m,
    );
    expect(live.stderr).toContain(`axiom scan: saved the inventory to ${inventoryFile()}.`);
    for (const text of [live.stdout, live.stderr, readFileSync(inventoryFile(), 'utf8')]) {
      expect(text).not.toContain(EXTERNAL_ID);
      expect(text).not.toContain(ASSUMED.secretAccessKey);
      expect(text).not.toContain(ASSUMED.sessionToken);
    }
  });

  it('re-runs the rules offline on the saved inventory: the same report, no request at all', async () => {
    const offline = await axiom(
      ['scan', '--inventory', inventoryFile(), '--format', 'json'],
      environment(aws),
    );
    expect(aws.requests.length).toBe(liveRequests);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toBe('');
    const again = JSON.parse(offline.stdout) as Report;
    expect(validate(again)).toBe(true);
    expect(again.findings).toEqual(report.findings);
    expect(again.coverage).toEqual(report.coverage);
    expect(again.notEvaluated).toEqual(report.notEvaluated);
    expect(again.stats).toEqual(report.stats);
  });
});

describe('axiom scan with the credentials it runs with', () => {
  it('names the account with one sts:GetCallerIdentity and scans it with those credentials', async () => {
    aws.reset();
    serveFullAccount(aws);
    const run = await axiom(
      ['scan', '--services', 'logs', '--format', 'json', '--fail-on', 'none'],
      environment(aws),
    );
    expect(run.code).toBe(0);
    expect(aws.requests.map((request) => `${request.service}:${request.operation}`)).toEqual([
      'STS:GetCallerIdentity',
      'CloudWatchLogs:DescribeLogGroups',
    ]);
    expect(
      aws.requests.every((request) =>
        request.headers.authorization?.includes(`Credential=${SOURCE.accessKeyId}/`),
      ),
    ).toBe(true);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.targets[0]).toMatchObject({ accountId: ACCOUNT, regions: ['us-east-1'] });
    expect(report.stats.apiCalls).toBe(2);
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['aws.logs.log-group-retention-unset']);
  });
});

describe('axiom scan that cannot connect', () => {
  it('exits 3 when the only role cannot be assumed, with the reason on stderr and nothing on stdout', async () => {
    aws.reset();
    serveFullAccount(aws, { refuseAssumeRole: true });
    const run = await axiom(
      ['scan', '--role-arn', ROLE_ARN, '--external-id', EXTERNAL_ID, '--format', 'json'],
      environment(aws),
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^axiom scan: ${ACCOUNT}: .*AccessDenied`, 'm'));
    expect(run.stderr).toContain('axiom scan: could not connect to the account; nothing was scanned.');
    expect(run.stderr).not.toContain(EXTERNAL_ID);
    expect(aws.requests.map((request) => request.operation)).toEqual(['AssumeRole']);
  });

  it('exits 3 when the endpoint is unreachable, with ambient credentials', async () => {
    const closed = await startFakeAws();
    const url = closed.url;
    await closed.close();
    const run = await axiom(['scan', '--format', 'json'], { ...environment(aws), AWS_ENDPOINT_URL: url });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^axiom scan: Could not connect with the credentials Axiom runs with: /);
  }, 30_000);

  it('scans the accounts it can reach and names the one it cannot, in a target list', async () => {
    aws.reset();
    serveFullAccount(aws);
    const other = 'arn:aws:iam::444455556666:role/axiom-readonly';
    const targets = JSON.stringify([
      { arn: ROLE_ARN, external_id: EXTERNAL_ID, name: 'prod', regions: ['eu-west-1'] },
      { arn: other, name: 'sandbox', regions: ['eu-west-1'] },
    ]);
    const run = await axiom(
      ['scan', '--targets', targets, '--services', 'ec2', '--format', 'json', '--fail-on', 'none'],
      environment(aws),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^axiom scan: sandbox: .*AccessDenied/m);
    expect(run.stderr).toMatch(/^axiom scan: scanned 1 of 2 accounts, 1 region: /m);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.targets.map((target) => target.accountId)).toEqual([ACCOUNT, '444455556666']);
    const gaps = report.coverage.filter((gap) => gap.account === '444455556666');
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((gap) => gap.status === 'error' && gap.detail.startsWith('could not connect'))).toBe(
      true,
    );
  });
});
