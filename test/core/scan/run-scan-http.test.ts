/**
 * The engine against the fake AWS: tiny collectors make real SDK calls through `context.client`, so the
 * factory's guard, rate-limit hook, counter and adaptive retries are all on the path, in AWS's wire formats.
 */
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collector } from '../../../core/scan/collector.ts';
import { runScan } from '../../../core/scan/run-scan.ts';
import type { ScanTarget } from '../../../core/scan/scan-account.ts';
import { type Sleep, systemSleep } from '../../../core/scan/scan-time.ts';
import {
  ec2Error,
  ec2Response,
  type FakeAws,
  type FakeRequest,
  json,
  jsonError,
  queryError,
  startFakeAws,
} from '../../helpers/fake-aws.ts';
import { fakeClock } from './fake-time.ts';

const ACCOUNT = '111122223333';
const SESSION_KEYS = {
  accessKeyId: 'ASIAAXIOMSCANSESSION',
  secretAccessKey: 'session-secret',
  sessionToken: 'token',
};

/** Logs in each region: DescribeLogGroups, one page. */
const logsCollector: Collector = {
  service: 'logs',
  scope: 'regional',
  operations: [{ client: 'CloudWatchLogs', operation: 'DescribeLogGroups' }],
  async collect(context, target) {
    const logs = context.client(CloudWatchLogsClient);
    const output = await context.attempt('DescribeLogGroups', () =>
      logs.send(new DescribeLogGroupsCommand({ limit: 50 }), { abortSignal: context.signal }),
    );
    if (output)
      target.regional.logs = {
        logGroups: (output.logGroups ?? []).map((group) => ({
          logGroupName: group.logGroupName ?? '',
          storedBytes: group.storedBytes ?? 0,
        })),
      };
  },
};

/** IAM: the account summary and the password policy. */
const iamCollector: Collector = {
  service: 'iam',
  scope: 'global',
  operations: [
    { client: 'IAM', operation: 'GetAccountSummary' },
    { client: 'IAM', operation: 'GetAccountPasswordPolicy' },
  ],
  async collect(context, target) {
    const iam = context.client(IAMClient);
    const send = { abortSignal: context.signal };
    const summary = await context.attempt('GetAccountSummary', () =>
      iam.send(new GetAccountSummaryCommand({}), send),
    );
    const policy = await context.attempt('GetAccountPasswordPolicy', () =>
      iam.send(new GetAccountPasswordPolicyCommand({}), send),
    );
    target.account.iam = {};
    if (summary) target.account.iam.accountSummary = summary.SummaryMap ?? {};
    if (policy)
      target.account.iam.passwordPolicy = {
        minimumPasswordLength: policy.PasswordPolicy?.MinimumPasswordLength ?? 0,
      };
  },
};

/** The region a request was signed for (SigV4 credential scope). */
function signedRegion(request: FakeRequest): string {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
}

function regionItem(name: string): string {
  return `<item><regionName>${name}</regionName><regionEndpoint>ec2.${name}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`;
}

let aws: FakeAws;
beforeEach(async () => {
  aws = await startFakeAws();
});
afterEach(async () => {
  await aws.close();
});

describe('runScan against the fake AWS', () => {
  it('lists enabled regions, rides out a throttle (ok), records AccessDenied (denied), counts every call', async () => {
    aws.on('EC2', 'DescribeRegions', () =>
      ec2Response(
        'DescribeRegions',
        `<regionInfo>${regionItem('eu-west-1')}${regionItem('us-east-1')}</regionInfo>`,
      ),
    );
    let throttled = false;
    aws.on('CloudWatchLogs', 'DescribeLogGroups', (request) => {
      if (!throttled) {
        throttled = true;
        return jsonError('ThrottlingException', 'Rate exceeded', 400);
      }
      return json({
        logGroups: [
          {
            logGroupName: `/app/${signedRegion(request)}`,
            storedBytes: 1024,
            creationTime: 1_700_000_000_000,
          },
        ],
      });
    });
    aws.on('IAM', 'GetAccountSummary', () =>
      queryError(
        'AccessDenied',
        `User: arn:aws:sts::${ACCOUNT}:assumed-role/axiom/scan is not authorized to perform: iam:GetAccountSummary with an explicit deny in a service control policy`,
        403,
      ),
    );
    aws.on('IAM', 'GetAccountPasswordPolicy', () =>
      queryError('NoSuchEntity', `The Password Policy with domain name ${ACCOUNT} cannot be found.`, 404),
    );
    const waits: number[] = [];
    const sleep: Sleep = (ms, signal) => {
      if (ms < 1_000) waits.push(ms);
      return systemSleep(ms, signal);
    };
    let dropped = 0;

    const inventory = await runScan<ScanTarget>({
      targets: [{ accountId: ACCOUNT, name: 'prod' }],
      connect: async () => ({ credentials: SESSION_KEYS, drop: () => (dropped += 1) }),
      collectors: [logsCollector, iamCollector],
      services: ['iam', 'logs'],
      regions: 'all',
      endpoint: aws.url,
      maxAttempts: 3,
      // A one-token IAM bucket refilling in 1 ms: the second IAM call waits for exactly one token.
      rateLimits: { iam: { burst: 1, perSecond: 1_000 } },
      clock: fakeClock().clock,
      sleep,
    });

    const account = inventory.accounts[0];
    expect(account?.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(account?.regional['eu-west-1']?.logs?.logGroups).toEqual([
      { logGroupName: '/app/eu-west-1', storedBytes: 1024 },
    ]);
    expect(account?.regional['us-east-1']?.logs?.logGroups).toEqual([
      { logGroupName: '/app/us-east-1', storedBytes: 1024 },
    ]);
    expect(account?.iam).toEqual({});
    expect(
      inventory.coverage.map(({ region, service, operation, status }) => [
        region,
        service,
        operation,
        status,
      ]),
    ).toEqual([
      ['global', 'iam', 'GetAccountPasswordPolicy', 'error'],
      ['global', 'iam', 'GetAccountSummary', 'denied'],
      ['global', 'ec2', 'DescribeRegions', 'ok'],
      ['eu-west-1', 'logs', 'DescribeLogGroups', 'ok'],
      ['us-east-1', 'logs', 'DescribeLogGroups', 'ok'],
    ]);
    expect(inventory.coverage[1]?.detail).toBe(
      `AccessDenied: User: arn:aws:sts::${ACCOUNT}:assumed-role/axiom/scan is not authorized to perform: iam:GetAccountSummary with an explicit deny in a service control policy`,
    );
    expect(inventory.stats.apiCalls).toEqual({
      total: 5,
      byOperation: {
        'CloudWatchLogs:DescribeLogGroups': { calls: 2, attempts: 3 },
        'EC2:DescribeRegions': { calls: 1, attempts: 1 },
        'IAM:GetAccountPasswordPolicy': { calls: 1, attempts: 1 },
        'IAM:GetAccountSummary': { calls: 1, attempts: 1 },
      },
    });
    // Every request carried the session's keys, signed for the region it went to; IAM from the home region.
    expect(
      aws.requests.every((request) => request.headers.authorization?.includes('ASIAAXIOMSCANSESSION/')),
    ).toBe(true);
    // Throttled once in one region, then retried there: three attempts in all, each region at least once.
    expect(aws.calls('CloudWatchLogs').map(signedRegion)).toHaveLength(3);
    expect(new Set(aws.calls('CloudWatchLogs').map(signedRegion))).toEqual(
      new Set(['eu-west-1', 'us-east-1']),
    );
    expect(aws.calls('IAM').map(signedRegion)).toEqual(['us-east-1', 'us-east-1']);
    expect(waits).toEqual([1]);
    expect(dropped).toBe(1);
  });

  it('scans the home region only, and says so, when DescribeRegions is denied', async () => {
    aws.on('EC2', 'DescribeRegions', () =>
      ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403),
    );
    aws.on('CloudWatchLogs', 'DescribeLogGroups', () => json({ logGroups: [] }));
    const inventory = await runScan<ScanTarget>({
      targets: [{ accountId: ACCOUNT, partition: 'aws' }],
      connect: async () => ({ credentials: SESSION_KEYS, drop: () => {} }),
      collectors: [logsCollector],
      services: ['logs'],
      regions: 'all',
      endpoint: aws.url,
      maxAttempts: 1,
    });
    expect(inventory.accounts[0]?.regions).toEqual(['us-east-1']);
    expect(inventory.accounts[0]?.regional['us-east-1']?.logs).toEqual({ logGroups: [] });
    expect(inventory.coverage[0]).toEqual({
      accountId: ACCOUNT,
      region: 'global',
      service: 'ec2',
      operation: 'DescribeRegions',
      status: 'denied',
      detail:
        'UnauthorizedOperation: You are not authorized to perform this operation. (could not list the enabled regions, so only us-east-1 was scanned)',
    });
  });

  it('does not list regions when the scan has no regional service', async () => {
    aws.on('IAM', 'GetAccountSummary', () => queryError('AccessDenied', 'denied', 403));
    aws.on('IAM', 'GetAccountPasswordPolicy', () => queryError('AccessDenied', 'denied', 403));
    const inventory = await runScan<ScanTarget>({
      targets: [{ accountId: ACCOUNT }],
      connect: async () => ({ credentials: SESSION_KEYS, drop: () => {} }),
      collectors: [logsCollector, iamCollector],
      services: ['iam'],
      regions: 'all',
      endpoint: aws.url,
      maxAttempts: 1,
    });
    expect(aws.calls('EC2')).toEqual([]);
    expect(inventory.accounts[0]?.regions).toEqual([]);
    expect(inventory.coverage.map((entry) => entry.status)).toEqual(['denied', 'denied']);
  });
});
