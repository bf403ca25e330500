import { describe, expect, it } from 'vitest';
import { CallCounter } from '../../../core/aws/call-counter.ts';
import type { Collector } from '../../../core/scan/collector.ts';
import type { CoverageEntry } from '../../../core/scan/inventory.ts';
import { type RunScanOptions, runScan, type ScanProgress } from '../../../core/scan/run-scan.ts';
import type { ScanSession, ScanTarget } from '../../../core/scan/scan-account.ts';
import { type FakeRun, fakeCollector, fakeCollectors, gate } from './fake-collectors.ts';
import { fakeClock, manualSleep } from './fake-time.ts';

const A = '111122223333';
const B = '444455556666';
const credentials = { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' };

/** A connect that hands out sessions and records what happened to them. */
function fakeConnect(failFor: Record<string, unknown> = {}) {
  const connected: string[] = [];
  const dropped: string[] = [];
  const connect = async (target: ScanTarget): Promise<ScanSession> => {
    connected.push(target.accountId);
    const failure = failFor[target.accountId];
    if (failure !== undefined) throw failure;
    return { credentials, drop: () => dropped.push(target.accountId) };
  };
  return { connect, connected, dropped };
}

function scan(overrides: Partial<RunScanOptions<ScanTarget>> & { collectors: readonly Collector[] }) {
  const time = fakeClock();
  const timers = manualSleep();
  return runScan<ScanTarget>({
    targets: [{ accountId: A, name: 'prod' }],
    connect: fakeConnect().connect,
    regions: ['us-east-1'],
    clock: time.clock,
    sleep: timers.sleep,
    ...overrides,
  });
}

function statusOf(coverage: CoverageEntry[], accountId: string, region: string, service: string) {
  return coverage
    .filter((entry) => entry.accountId === accountId && entry.region === region && entry.service === service)
    .map(({ operation, status, detail }) => ({ operation, status, detail }));
}

describe('runScan with fake collectors', () => {
  it('scans every account and region into one inventory, connecting and dropping each session once', async () => {
    const log: FakeRun[] = [];
    const { connect, connected, dropped } = fakeConnect();
    const inventory = await scan({
      targets: [
        { accountId: A, name: 'prod', partition: 'aws' },
        { accountId: B, regions: ['eu-west-1'] },
      ],
      connect,
      regions: ['us-east-1', 'us-west-2'],
      collectors: fakeCollectors({ log }),
      axiomVersion: '0.1.0',
    });

    expect(connected).toEqual([A, B]);
    expect(dropped.sort()).toEqual([A, B]);
    expect(inventory.schemaVersion).toBe(1);
    expect(inventory.tool).toEqual({ name: 'axiom', version: '0.1.0' });
    expect(inventory.accounts.map((account) => [account.accountId, account.name, account.regions])).toEqual([
      [A, 'prod', ['us-east-1', 'us-west-2']],
      [B, undefined, ['eu-west-1']],
    ]);
    const [prod, other] = inventory.accounts;
    expect(prod?.iam?.users?.[0]?.userName).toBe('alice');
    expect(prod?.regional['us-west-2']?.ec2?.instances?.[0]?.instanceId).toBe('i-us-west-2');
    expect(other?.regional['eu-west-1']?.metrics?.series).toEqual({
      'i-eu-west-1': { 'CPUUtilization:Average': [1] },
    });
    // Cost Explorer is billed per request: left out unless asked for, and said so in `services`.
    expect(prod?.costs).toBeUndefined();
    expect(prod?.services).toEqual(['iam', 's3', 'ec2', 'elbv2', 'rds', 'logs', 'cloudwatch', 'tagging']);
    expect(log.some((run) => run.service === 'ce')).toBe(false);
    // Global collectors run in the home region and see every region of their account.
    expect(log.find((run) => run.service === 'iam' && run.accountId === A)).toMatchObject({
      region: 'us-east-1',
      regions: ['us-east-1', 'us-west-2'],
    });
    // 8 services: 2 global + 6 regional x 2 regions for A, 2 + 6 for B; each unit recorded one 'ok'.
    expect(inventory.coverage).toHaveLength(14 + 8);
    expect(inventory.coverage.every((entry) => entry.status === 'ok')).toBe(true);
    expect(
      inventory.coverage.slice(0, 3).map((entry) => [entry.accountId, entry.region, entry.service]),
    ).toEqual([
      [A, 'global', 'iam'],
      [A, 'global', 's3'],
      [A, 'us-east-1', 'ec2'],
    ]);
  });

  it('runs CloudWatch after EC2 of its region, so it sees the instances EC2 collected', async () => {
    const log: FakeRun[] = [];
    const inventory = await scan({
      regions: ['us-east-1', 'eu-west-1'],
      collectors: fakeCollectors({ log }),
    });
    const cloudwatch = log.filter((run) => run.service === 'cloudwatch');
    expect(cloudwatch.map((run) => [run.region, run.instancesSeen])).toEqual(
      expect.arrayContaining([
        ['us-east-1', ['i-us-east-1']],
        ['eu-west-1', ['i-eu-west-1']],
      ]),
    );
    expect(inventory.accounts[0]?.regional['eu-west-1']?.metrics?.series).toHaveProperty('i-eu-west-1');
  });

  it('collects Cost Explorer only when asked for', async () => {
    const inventory = await scan({
      collectors: fakeCollectors(),
      includeCostExplorer: true,
      services: ['ce'],
    });
    expect(inventory.accounts[0]?.costs).toEqual({ unit: 'USD', months: [] });
    expect(inventory.accounts[0]?.services).toEqual(['ce']);
  });

  it('never has more units in flight than the concurrency, across accounts', async () => {
    let inFlight = 0;
    let most = 0;
    const during = async (): Promise<void> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      // A few turns of the event loop, so other units get the chance to start if a slot is free.
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
    };
    const progress: ScanProgress[] = [];
    await scan({
      targets: [{ accountId: A }, { accountId: B }],
      regions: ['us-east-1', 'eu-west-1', 'ap-south-1'],
      collectors: fakeCollectors({ during }),
      concurrency: 3,
      onProgress: (step) => progress.push(step),
    });
    expect(progress).toHaveLength(2 * (2 + 6 * 3));
    expect(most).toBe(3);
  });

  it('starts units longest first, service by service, and CloudWatch as soon as its inputs are done', async () => {
    const log: FakeRun[] = [];
    const inventory = await scan({
      regions: ['us-east-1', 'eu-west-1'],
      collectors: fakeCollectors({ log }),
      includeCostExplorer: true,
      concurrency: 1,
    });
    const us = 'us-east-1';
    const eu = 'eu-west-1';
    expect(log.map((run) => `${run.service}@${run.region}`)).toEqual([
      `s3@${us}`,
      `iam@${us}`,
      `tagging@${us}`,
      `tagging@${eu}`,
      `ec2@${us}`,
      `ec2@${eu}`,
      `elbv2@${us}`,
      `elbv2@${eu}`,
      `rds@${us}`,
      `rds@${eu}`,
      // Each waited for its region's EC2, ELBv2 and RDS, then went ahead of the units still queued.
      `cloudwatch@${us}`,
      `cloudwatch@${eu}`,
      `logs@${us}`,
      `logs@${eu}`,
      `ce@${us}`,
    ]);
    // The inventory lists regions in the account's order, whatever order their units ran in.
    expect(Object.keys(inventory.accounts[0]?.regional ?? {})).toEqual([us, eu]);
  });

  it('reports progress after each unit: done counts up to a total known from the start', async () => {
    const progress: ScanProgress[] = [];
    await scan({
      regions: ['us-east-1', 'eu-west-1'],
      services: ['iam', 'ec2', 'cloudwatch'],
      collectors: fakeCollectors(),
      onProgress: (step) => progress.push(step),
    });
    expect(progress.map((step) => step.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every((step) => step.total === 5 && step.outcome === 'done')).toBe(true);
    expect(progress.map((step) => step.unit.id).sort()).toEqual(
      [
        `${A}/global/iam`,
        `${A}/us-east-1/ec2`,
        `${A}/us-east-1/cloudwatch`,
        `${A}/eu-west-1/ec2`,
        `${A}/eu-west-1/cloudwatch`,
      ].sort(),
    );
  });

  it('stops a unit at its deadline: coverage says so, what it had collected is kept, nothing after', async () => {
    const timers = manualSleep();
    const started = gate();
    const release = gate();
    let seenSignal: AbortSignal | undefined;
    const slow = fakeCollector('ec2', 'regional', {
      during: async (context, target) => {
        seenSignal = context.signal;
        target.regional.ec2 = { vpcs: [] };
        context.cover('DescribeVpcs', 'ok');
        started.open();
        await release.promise;
        // Past the deadline: neither the coverage nor the writes reach the inventory.
        context.cover('DescribeInstances', 'ok');
        target.regional.ec2.instances = [];
      },
    });
    const running = runScan<ScanTarget>({
      targets: [{ accountId: A }],
      connect: fakeConnect().connect,
      regions: ['us-east-1'],
      services: ['ec2', 'iam'],
      collectors: [slow, fakeCollector('iam', 'global')],
      unitDeadlineMs: 5_000,
      clock: fakeClock().clock,
      sleep: timers.sleep,
    });
    await started.promise;
    // Let the IAM unit finish, so the only deadline left is the held EC2 unit's.
    await new Promise((resolve) => setImmediate(resolve));
    expect(timers.fire((sleep) => sleep.ms === 5_000)).toBe(1);
    const inventory = await running;
    release.open();
    await new Promise((resolve) => setImmediate(resolve));

    expect(seenSignal?.aborted).toBe(true);
    expect(seenSignal?.reason).toMatchObject({ code: 'scan_unit_deadline' });
    expect(inventory.accounts[0]?.regional['us-east-1']?.ec2).toEqual({ vpcs: [] });
    expect(statusOf(inventory.coverage, A, 'us-east-1', 'ec2')).toEqual([
      {
        operation: '*',
        status: 'error',
        detail:
          'deadline exceeded: the ec2 scan did not finish within 5 s and was stopped; what it had collected by then is kept',
      },
      { operation: 'DescribeVpcs', status: 'ok', detail: undefined },
    ]);
    expect(statusOf(inventory.coverage, A, 'global', 'iam')).toEqual([
      { operation: 'Fakeiam', status: 'ok', detail: undefined },
    ]);
    // Finished units cancelled their deadline timers.
    expect(timers.pending).toEqual([]);
  });

  it('cancels: a running unit is stopped, no unit starts and no account connects after, sessions are dropped, and the scan rejects', async () => {
    const timers = manualSleep();
    const started = gate();
    const log: FakeRun[] = [];
    let seenSignal: AbortSignal | undefined;
    const held = fakeCollector('iam', 'global', {
      log,
      during: async (context) => {
        seenSignal = context.signal;
        started.open();
        await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
      },
    });
    const { connect, connected, dropped } = fakeConnect();
    const cancel = new AbortController();
    const running = runScan<ScanTarget>({
      targets: [{ accountId: A }, { accountId: B }],
      connect,
      regions: ['us-east-1'],
      services: ['iam', 'ec2'],
      collectors: [held, fakeCollector('ec2', 'regional', { log })],
      // One account and one unit at a time: B and A's EC2 unit are still waiting when the scan is cancelled.
      concurrency: 1,
      clock: fakeClock().clock,
      sleep: timers.sleep,
      signal: cancel.signal,
    });
    await started.promise;
    cancel.abort(new Error('job expired'));
    await expect(running).rejects.toMatchObject({
      code: 'scan_cancelled',
      message: 'The scan was cancelled before it finished; no inventory was made.',
    });

    expect(seenSignal?.reason).toMatchObject({ code: 'scan_cancelled' });
    expect(connected).toEqual([A]);
    expect(dropped).toEqual([A]);
    expect(log.map((run) => `${run.accountId}/${run.service}`)).toEqual([`${A}/iam`]);
    // Every deadline timer was cancelled with its unit.
    expect(timers.pending).toEqual([]);
  });

  it('does not connect at all when cancelled before it starts', async () => {
    const { connect, connected } = fakeConnect();
    await expect(
      scan({ connect, collectors: fakeCollectors({}), signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'scan_cancelled' });
    expect(connected).toEqual([]);
  });

  it("moves a unit's deadline when its collector asks, and stops it at the moved deadline", async () => {
    const timers = manualSleep();
    const extended = gate();
    const grow = fakeCollector('s3', 'global', {
      during: async (context) => {
        context.extendDeadline(3_000);
        context.extendDeadline(-1);
        extended.open();
        await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
      },
    });
    const running = runScan<ScanTarget>({
      targets: [{ accountId: A }],
      connect: fakeConnect().connect,
      regions: ['us-east-1'],
      services: ['s3'],
      collectors: [grow],
      unitDeadlineMs: 5_000,
      clock: fakeClock().clock,
      sleep: timers.sleep,
    });
    await extended.promise;
    // The unit's own deadline passes: the granted time is waited for in turn (the negative ask is ignored).
    expect(timers.fire((sleep) => sleep.ms === 5_000)).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(timers.pending.map((sleep) => sleep.ms)).toEqual([3_000]);
    expect(timers.fire()).toBe(1);
    const inventory = await running;
    expect(statusOf(inventory.coverage, A, 'global', 's3')).toEqual([
      {
        operation: '*',
        status: 'error',
        detail:
          'deadline exceeded: the s3 scan did not finish within 8 s and was stopped; what it had collected by then is kept',
      },
    ]);
  });

  it('turns a connection failure into error coverage for every unit of that account, and goes on', async () => {
    const denied = Object.assign(
      new Error('User: arn:aws:iam::999988887777:user/ci is not authorized to perform: sts:AssumeRole'),
      { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } },
    );
    const { connect, dropped } = fakeConnect({ [A]: denied });
    const progress: ScanProgress[] = [];
    const inventory = await scan({
      targets: [
        { accountId: A, roleArn: `arn:aws:iam::${A}:role/axiom`, regions: ['us-east-1', 'eu-west-1'] },
        { accountId: B },
      ],
      connect,
      services: ['iam', 'ec2'],
      collectors: fakeCollectors(),
      onProgress: (step) => progress.push(step),
    });
    const failed = inventory.coverage.filter((entry) => entry.accountId === A);
    expect(failed.map((entry) => [entry.region, entry.service, entry.operation, entry.status])).toEqual([
      ['global', 'iam', '*', 'error'],
      ['eu-west-1', 'ec2', '*', 'error'],
      ['us-east-1', 'ec2', '*', 'error'],
    ]);
    for (const entry of failed) {
      expect(entry.detail).toMatch(/^could not connect to account 111122223333: /);
      expect(entry.detail).toContain('is not authorized to perform: sts:AssumeRole');
    }
    expect(inventory.accounts[0]).toEqual({
      accountId: A,
      partition: 'aws',
      regions: ['us-east-1', 'eu-west-1'],
      services: ['iam', 'ec2'],
      regional: {},
    });
    expect(inventory.accounts[1]?.iam?.users).toHaveLength(1);
    expect(dropped).toEqual([B]);
    expect(progress.filter((step) => step.outcome === 'not-connected')).toHaveLength(3);
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5 });
  });

  it('with --regions all and no connection, covers the unlisted regions as "*"', async () => {
    const { connect } = fakeConnect({ [A]: new Error('no credentials in the environment') });
    const inventory = await scan({
      connect,
      regions: 'all',
      services: ['iam', 'ec2'],
      collectors: fakeCollectors(),
    });
    expect(inventory.coverage).toEqual([
      {
        accountId: A,
        region: 'global',
        service: 'iam',
        operation: '*',
        status: 'error',
        detail: 'could not obtain credentials for account 111122223333: no credentials in the environment',
      },
      expect.objectContaining({ region: '*', service: 'ec2', status: 'error' }),
    ]);
    expect(inventory.accounts[0]?.regions).toEqual([]);
  });

  it('records what context.attempt catches: denied, skipped (unimplemented), error; ok with the result', async () => {
    const awsError = (name: string, message: string, status: number) =>
      Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
    const results: unknown[] = [];
    const collector: Collector = {
      service: 's3',
      scope: 'global',
      operations: [],
      async collect(context) {
        results.push(await context.attempt('ListBuckets', async () => ['bucket-a']));
        results.push(
          await context.attempt(
            'GetBucketPolicy',
            async () => {
              throw awsError('AccessDenied', 'explicit deny in a service control policy', 403);
            },
            { region: 'eu-west-1' },
          ),
        );
        results.push(
          await context.attempt('GetBucketLogging', async () => {
            throw awsError('NotImplemented', 'not here', 501);
          }),
        );
        results.push(
          await context.attempt('GetBucketAcl', async () => {
            throw awsError('SlowDown', 'Please reduce your request rate.', 503);
          }),
        );
      },
    };
    const inventory = await scan({ collectors: [collector], services: ['s3'] });
    expect(results).toEqual([['bucket-a'], undefined, undefined, undefined]);
    expect(
      inventory.coverage.map(({ region, operation, status, detail }) => [region, operation, status, detail]),
    ).toEqual([
      ['global', 'GetBucketAcl', 'error', 'SlowDown: Please reduce your request rate.'],
      ['global', 'GetBucketLogging', 'skipped', 'NotImplemented: not here'],
      ['global', 'ListBuckets', 'ok', undefined],
      ['eu-west-1', 'GetBucketPolicy', 'denied', 'AccessDenied: explicit deny in a service control policy'],
    ]);
  });

  it('records a collector that throws as an internal error of its service, and finishes the others', async () => {
    const broken: Collector = {
      service: 'rds',
      scope: 'regional',
      operations: [],
      async collect() {
        throw new TypeError("Cannot read properties of undefined (reading 'DBInstances')");
      },
    };
    const progress: ScanProgress[] = [];
    const inventory = await scan({
      collectors: [broken, fakeCollector('ec2', 'regional')],
      services: ['rds', 'ec2'],
      onProgress: (step) => progress.push(step),
    });
    expect(statusOf(inventory.coverage, A, 'us-east-1', 'rds')).toEqual([
      {
        operation: '*',
        status: 'error',
        detail:
          "internal error in Axiom's rds collector (please report it): Cannot read properties of undefined (reading 'DBInstances')",
      },
    ]);
    expect(inventory.accounts[0]?.regional['us-east-1']?.ec2?.instances).toHaveLength(1);
    expect(progress.map((step) => step.outcome).sort()).toEqual(['done', 'failed']);
  });

  it('covers a service asked for that has no collector as skipped, in every scope', async () => {
    const inventory = await scan({
      regions: ['us-east-1', 'eu-west-1'],
      services: ['ec2', 'logs'],
      collectors: [fakeCollector('ec2', 'regional')],
    });
    expect(inventory.coverage.filter((entry) => entry.service === 'logs')).toEqual(
      ['global', 'eu-west-1', 'us-east-1'].map((region) => ({
        accountId: A,
        region,
        service: 'logs',
        operation: '*',
        status: 'skipped',
        detail: 'this build of Axiom has no logs collector',
      })),
    );
  });

  it('takes times from the clock and call statistics from the counter', async () => {
    const time = fakeClock('2026-03-01T10:00:00Z');
    const counter = new CallCounter();
    const collector = fakeCollector('iam', 'global', {
      during: async () => {
        counter.record('IAM:GetAccountSummary', 'call');
        counter.record('IAM:GetAccountSummary', 'attempt');
        time.advance(1_500);
      },
    });
    const inventory = await scan({ collectors: [collector], clock: time.clock, callCounter: counter });
    expect(inventory.startedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(inventory.finishedAt).toBe('2026-03-01T10:00:01.500Z');
    expect(inventory.stats).toEqual({
      durationMs: 1_500,
      apiCalls: { total: 1, byOperation: { 'IAM:GetAccountSummary': { calls: 1, attempts: 1 } } },
    });
  });

  it('refuses bad options before contacting any account', async () => {
    const { connect, connected } = fakeConnect();
    await expect(scan({ connect, collectors: fakeCollectors(), concurrency: 0 })).rejects.toThrow(
      /concurrency must be a positive whole number, not 0/,
    );
    await expect(
      scan({ connect, collectors: fakeCollectors(), targets: [{ accountId: A }, { accountId: A }] }),
    ).rejects.toThrow(/listed twice/);
    await expect(
      scan({ connect, collectors: fakeCollectors(), endpoint: 'localhost:4566' }),
    ).rejects.toMatchObject({
      code: 'invalid_endpoint',
    });
    await expect(scan({ connect, collectors: fakeCollectors(), unitDeadlineMs: 1.5 })).rejects.toThrow(
      /unitDeadlineMs must be a positive whole number/,
    );
    expect(connected).toEqual([]);
  });

  it('drops every session even when the progress callback throws, then rethrows', async () => {
    const { connect, dropped } = fakeConnect();
    await expect(
      scan({
        targets: [{ accountId: A }, { accountId: B }],
        connect,
        collectors: fakeCollectors(),
        onProgress: () => {
          throw new Error('terminal closed');
        },
      }),
    ).rejects.toThrow('terminal closed');
    expect(dropped.sort()).toEqual([A, B]);
  });
});
