import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../../core/connect/permissions.ts';
import { logsCollector } from '../../../../core/scan/collectors/logs.ts';
import { type FakeAws, json, jsonError, startFakeAws } from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

const ARN = 'arn:aws:logs:us-east-1:111122223333:log-group';

/** One log group as DescribeLogGroups sends it (JSON 1.1; creationTime in epoch milliseconds). */
function logGroup(name: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    logGroupName: name,
    creationTime: 1_735_689_600_000,
    metricFilterCount: 0,
    arn: `${ARN}:${name}:*`,
    storedBytes: 0,
    logGroupClass: 'STANDARD',
    logGroupArn: `${ARN}:${name}`,
    ...fields,
  };
}

describe('logsCollector', () => {
  it('declares exactly DescribeLogGroups, which is in the permission catalogue', () => {
    expect(logsCollector.operations).toEqual([{ client: 'CloudWatchLogs', operation: 'DescribeLogGroups' }]);
    expect(
      PERMISSIONS.some((p) => p.client === 'CloudWatchLogs' && p.operation === 'DescribeLogGroups'),
    ).toBe(true);
  });

  it('collects log groups across nextToken pages; absent retention means kept forever', async () => {
    aws.on('CloudWatchLogs', 'DescribeLogGroups', (request) => {
      switch (request.params.nextToken) {
        case undefined:
          return json({
            logGroups: [
              logGroup('/aws/lambda/api', { retentionInDays: 14, storedBytes: 1_048_576 }),
              logGroup('/app/forever', {
                storedBytes: 53_687_091_200,
                kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k1',
              }),
            ],
            nextToken: 'tok-2',
          });
        case 'tok-2':
          return json({ logGroups: [], nextToken: 'tok-3' });
        default: {
          const legacy = logGroup('/legacy');
          delete legacy.logGroupArn;
          delete legacy.storedBytes;
          return json({ logGroups: [legacy] });
        }
      }
    });
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await logsCollector.collect(context, target);

    expect(target.regional.logs?.logGroups).toEqual([
      {
        logGroupName: '/aws/lambda/api',
        arn: `${ARN}:/aws/lambda/api`,
        retentionInDays: 14,
        storedBytes: 1_048_576,
        creationTime: '2025-01-01T00:00:00.000Z',
      },
      {
        logGroupName: '/app/forever',
        arn: `${ARN}:/app/forever`,
        storedBytes: 53_687_091_200,
        creationTime: '2025-01-01T00:00:00.000Z',
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k1',
      },
      {
        logGroupName: '/legacy',
        arn: `${ARN}:/legacy`,
        storedBytes: 0,
        creationTime: '2025-01-01T00:00:00.000Z',
      },
    ]);
    expect(target.regional.logs?.logGroups?.[1]).not.toHaveProperty('retentionInDays');
    expect(aws.calls('CloudWatchLogs', 'DescribeLogGroups').map((call) => call.params)).toEqual([
      { limit: 50 },
      { limit: 50, nextToken: 'tok-2' },
      { limit: 50, nextToken: 'tok-3' },
    ]);
    expect(coverage).toEqual([
      {
        accountId: '111122223333',
        region: 'us-east-1',
        service: 'logs',
        operation: 'DescribeLogGroups',
        status: 'ok',
      },
    ]);
  });

  it('records AccessDeniedException as denied coverage and leaves log groups absent', async () => {
    aws.on('CloudWatchLogs', 'DescribeLogGroups', () =>
      jsonError(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/axiom/scan is not authorized to perform: logs:DescribeLogGroups with an explicit deny in a service control policy',
        400,
      ),
    );
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await logsCollector.collect(context, target);

    expect(target.regional.logs?.logGroups).toBeUndefined();
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeLogGroups',
        status: 'denied',
        detail: expect.stringContaining('AccessDeniedException'),
      }),
    ]);
  });

  it('retries ThrottlingException and then collects', async () => {
    let calls = 0;
    aws.on('CloudWatchLogs', 'DescribeLogGroups', () => {
      calls += 1;
      return calls === 1
        ? jsonError('ThrottlingException', 'Rate exceeded', 400)
        : json({ logGroups: [logGroup('/a')] });
    });
    const { context, coverage } = collectorContext({ aws, maxAttempts: 3 });
    const target = collectorTarget();
    await logsCollector.collect(context, target);

    expect(aws.calls('CloudWatchLogs', 'DescribeLogGroups')).toHaveLength(2);
    expect(target.regional.logs?.logGroups?.map((group) => group.logGroupName)).toEqual(['/a']);
    expect(coverage[0]?.status).toBe('ok');
  });

  it('costs one call in an empty region', async () => {
    aws.on('CloudWatchLogs', 'DescribeLogGroups', () => json({ logGroups: [] }));
    const { context } = collectorContext({ aws });
    const target = collectorTarget();
    await logsCollector.collect(context, target);

    expect(aws.requests).toHaveLength(1);
    expect(target.regional.logs).toEqual({ logGroups: [] });
  });
});
