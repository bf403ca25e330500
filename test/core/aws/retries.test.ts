import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { CallCounter } from '../../../core/aws/call-counter.ts';
import { createClient, DEFAULT_MAX_ATTEMPTS } from '../../../core/aws/client-factory.ts';
import type { LocalEndpoint, Replier, WireReply } from './local-endpoint.ts';
import { startLocalEndpoint } from './local-endpoint.ts';
import {
  ACCOUNT_ID,
  accountSummary,
  callerIdentity,
  ec2Error,
  ec2Regions,
  jsonError,
  logGroups,
  queryError,
} from './wire-replies.ts';

// Retries run through the SDK's real adaptive strategy: jittered backoff plus the client-side rate limiter,
// which after a throttle can hold the next send for up to about two seconds. Each retry here sleeps for real,
// so attempt counts stay small (2-3), and the default of five is checked through the header the SDK sends.

const credentials = { accessKeyId: 'AKIAAXIOMTESTFAKE000', secretAccessKey: 'axiom-test-secret' };

let endpoint: LocalEndpoint | undefined;

afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function serve(reply: Replier): Promise<LocalEndpoint> {
  endpoint = await startLocalEndpoint(reply);
  return endpoint;
}

function settings(local: LocalEndpoint, maxAttempts: number, callCounter?: CallCounter) {
  return {
    region: 'us-east-1',
    endpoint: local.url,
    credentials,
    maxAttempts,
    ...(callCounter ? { callCounter } : {}),
  };
}

/** `amz-sdk-request` headers: the SDK numbers each attempt against the maximum. */
function attemptHeaders(local: LocalEndpoint): (string | string[] | undefined)[] {
  return local.requests.map((request) => request.headers['amz-sdk-request']);
}

/** Throttles the first request, then answers `success`. */
function throttleOnce(throttled: WireReply, success: WireReply): Replier {
  return (_request, index) => (index === 0 ? throttled : success);
}

describe('retries through the client factory', () => {
  it('retries STS Throttling (Query protocol, HTTP 400), then succeeds: 1 call, 2 attempts', async () => {
    const local = await serve(throttleOnce(queryError(400, 'Throttling', 'Rate exceeded'), callerIdentity()));
    const counter = new CallCounter();
    const sts = createClient(STSClient, settings(local, 3, counter));

    const identity = await sts.send(new GetCallerIdentityCommand({}));

    expect(identity.Account).toBe(ACCOUNT_ID);
    expect(identity.$metadata.attempts).toBe(2);
    expect(local.requests.map((request) => request.body)).toEqual([
      'Action=GetCallerIdentity&Version=2011-06-15',
      'Action=GetCallerIdentity&Version=2011-06-15',
    ]);
    expect(attemptHeaders(local)).toEqual(['attempt=1; max=3', 'attempt=2; max=3']);
    expect(counter.snapshot()).toEqual({ 'STS:GetCallerIdentity': { calls: 1, attempts: 2 } });
  });

  // The STS case above covers the Query protocol; these cover EC2's own error format and AWS JSON.
  it.each([
    {
      name: 'EC2 RequestLimitExceeded (EC2 protocol, HTTP 503)',
      throttled: ec2Error(503, 'RequestLimitExceeded', 'Request limit exceeded.'),
      success: ec2Regions(),
      call: async (local: LocalEndpoint) => {
        const ec2 = createClient(EC2Client, settings(local, 2));
        const regions = await ec2.send(new DescribeRegionsCommand({}));
        return regions.Regions?.map((region) => region.RegionName);
      },
      expected: ['us-east-1'],
    },
    {
      name: 'CloudWatch Logs ThrottlingException (AWS JSON 1.1)',
      throttled: jsonError(400, 'ThrottlingException', 'Rate exceeded'),
      success: logGroups(),
      call: async (local: LocalEndpoint) => {
        const logs = createClient(CloudWatchLogsClient, settings(local, 2));
        const groups = await logs.send(new DescribeLogGroupsCommand({}));
        return groups.logGroups?.map((group) => group.storedBytes);
      },
      expected: [2048],
    },
  ])('retries $name once and then succeeds', async ({ throttled, success, call, expected }) => {
    const local = await serve(throttleOnce(throttled, success));
    expect(await call(local)).toEqual(expected);
    expect(local.requests).toHaveLength(2);
  });

  it('stops after exactly maxAttempts when throttling persists, and surfaces the throttle', async () => {
    const local = await serve(() => queryError(400, 'Throttling', 'Rate exceeded'));
    const counter = new CallCounter();
    const sts = createClient(STSClient, settings(local, 3, counter));

    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400, attempts: 3 },
    });
    expect(local.requests).toHaveLength(3);
    expect(attemptHeaders(local)).toEqual(['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3']);
    expect(counter.snapshot()).toEqual({ 'STS:GetCallerIdentity': { calls: 1, attempts: 3 } });
  });

  it('does not retry an AccessDenied: it is an answer, not a transient failure', async () => {
    const denied = queryError(
      403,
      'AccessDenied',
      `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/AxiomReadOnly/axiom-scan is not authorized to perform: iam:GetAccountSummary`,
    );
    const local = await serve(() => denied);
    const counter = new CallCounter();
    const iam = createClient(IAMClient, settings(local, 3, counter));

    await expect(iam.send(new GetAccountSummaryCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(local.requests).toHaveLength(1);
    expect(counter.snapshot()).toEqual({ 'IAM:GetAccountSummary': { calls: 1, attempts: 1 } });
  });

  it('counts calls and attempts per operation across clients sharing one counter', async () => {
    const local = await serve((request) =>
      request.body.startsWith('Action=GetCallerIdentity') ? callerIdentity() : accountSummary(),
    );
    const counter = new CallCounter();
    const sts = createClient(STSClient, settings(local, 3, counter));
    const iam = createClient(IAMClient, settings(local, 3, counter));

    await sts.send(new GetCallerIdentityCommand({}));
    await sts.send(new GetCallerIdentityCommand({}));
    await iam.send(new GetAccountSummaryCommand({}));

    expect(counter.snapshot()).toEqual({
      'IAM:GetAccountSummary': { calls: 1, attempts: 1 },
      'STS:GetCallerIdentity': { calls: 2, attempts: 2 },
    });
    expect(counter.totalCalls).toBe(3);
  });

  it(`allows ${DEFAULT_MAX_ATTEMPTS} attempts by default`, async () => {
    const local = await serve(() => callerIdentity());
    const sts = createClient(STSClient, { region: 'us-east-1', endpoint: local.url, credentials });
    await sts.send(new GetCallerIdentityCommand({}));
    expect(attemptHeaders(local)).toEqual([`attempt=1; max=${DEFAULT_MAX_ATTEMPTS}`]);
  });
});
