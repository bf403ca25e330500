/**
 * The client factory's `beforeSend` hook, which the scan's rate limiter waits in: it runs right after the
 * read-only guard, once per logical call, with the operation's name and the caller's abort signal.
 */
import {
  DescribeRegionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallCounter } from '../../../core/aws/call-counter.ts';
import { type BeforeSend, createClient } from '../../../core/aws/client-factory.ts';
import { ec2Error, ec2Response, type FakeAws, startFakeAws } from '../../helpers/fake-aws.ts';

let aws: FakeAws;
beforeEach(async () => {
  aws = await startFakeAws();
  aws.on('EC2', 'DescribeRegions', () => ec2Response('DescribeRegions', '<regionInfo/>'));
});
afterEach(async () => {
  await aws.close();
});

function recording(): { hook: BeforeSend; seen: { operation: string; signal: AbortSignal | undefined }[] } {
  const seen: { operation: string; signal: AbortSignal | undefined }[] = [];
  return {
    seen,
    hook: async (operation, signal) => {
      seen.push({ operation, signal });
    },
  };
}

describe('ClientSettings.beforeSend', () => {
  it('is awaited before an allowed call, with its name and the abortSignal given to send', async () => {
    const { hook, seen } = recording();
    const ec2 = createClient(EC2Client, { ...aws.settings, beforeSend: hook });
    const controller = new AbortController();
    await ec2.send(new DescribeRegionsCommand({}), { abortSignal: controller.signal });
    await ec2.send(new DescribeRegionsCommand({}));
    expect(seen).toEqual([
      { operation: 'EC2:DescribeRegions', signal: controller.signal },
      { operation: 'EC2:DescribeRegions', signal: undefined },
    ]);
    expect(aws.calls('EC2', 'DescribeRegions')).toHaveLength(2);
  });

  it('is never reached by an operation the read-only guard refuses', async () => {
    const { hook, seen } = recording();
    const ec2 = createClient(EC2Client, { ...aws.settings, beforeSend: hook });
    await expect(ec2.send(new TerminateInstancesCommand({ InstanceIds: ['i-1'] }))).rejects.toMatchObject({
      code: 'readonly_guard_refused',
    });
    expect(seen).toEqual([]);
    expect(aws.requests).toEqual([]);
  });

  it('fails the call before it is sent or counted when it rejects', async () => {
    const counter = new CallCounter();
    const ec2 = createClient(EC2Client, {
      ...aws.settings,
      callCounter: counter,
      beforeSend: async () => {
        throw new Error('deadline passed');
      },
    });
    await expect(ec2.send(new DescribeRegionsCommand({}))).rejects.toThrow('deadline passed');
    expect(aws.requests).toEqual([]);
    expect(counter.totalCalls).toBe(0);
  });

  it('runs once per logical call, not per retry', async () => {
    let first = true;
    aws.on('EC2', 'DescribeVpcs', () => {
      if (!first) return ec2Response('DescribeVpcs', '<vpcSet/>');
      first = false;
      return ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503);
    });
    const { hook, seen } = recording();
    const ec2 = createClient(EC2Client, { ...aws.settings, maxAttempts: 2, beforeSend: hook });
    await ec2.send(new DescribeVpcsCommand({}));
    expect(aws.calls('EC2', 'DescribeVpcs')).toHaveLength(2);
    expect(seen.map((call) => call.operation)).toEqual(['EC2:DescribeVpcs']);
  });

  it('sits right after the guard, ahead of the call counter', () => {
    const ec2 = createClient(EC2Client, {
      ...aws.settings,
      callCounter: new CallCounter(),
      beforeSend: async () => {},
    });
    const command = new DescribeRegionsCommand({});
    command.resolveMiddleware(ec2.middlewareStack, ec2.config, undefined);
    const stack = ec2.middlewareStack.concat(command.middlewareStack).identify();
    const names = stack.map((entry) => entry.split(' ')[0]);
    expect(names.slice(0, 2)).toEqual(['axiomReadOnlyGuard', 'axiomBeforeSend']);
    expect(names.indexOf('axiomCallCounter')).toBeGreaterThan(1);
  });
});
