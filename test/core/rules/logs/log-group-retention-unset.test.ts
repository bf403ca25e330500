import { logGroupRetentionUnset } from '../../../../core/rules/logs/log-group-retention-unset.ts';
import type { LogGroup } from '../../../../core/scan/inventory.ts';
import { inventoryFor, TEST_ACCOUNT, testRule } from '../../../helpers/rule-harness.ts';

const GiB = 1024 ** 3;

function logGroup(name: string, overrides: Partial<LogGroup> = {}, region = 'us-east-1'): LogGroup {
  return {
    logGroupName: name,
    arn: `arn:aws:logs:${region}:${TEST_ACCOUNT}:log-group:${name}`,
    storedBytes: 0,
    creationTime: '2024-07-09T14:03:11.000Z',
    ...overrides,
  };
}

testRule(logGroupRetentionUnset, [
  {
    name: 'no retention: reported with what the stored bytes cost per month, and no claimed saving',
    inventory: inventoryFor({
      region: {
        logs: {
          logGroups: [
            logGroup('/aws/lambda/orders-api', { storedBytes: 50 * GiB }),
            // As an older inventory might hold it: no ARN, so the rule builds one.
            { logGroupName: '/ecs/new-service', storedBytes: 0 },
            logGroup('/aws/rds/instance/orders-db/postgresql', {
              storedBytes: 20 * GiB,
              retentionInDays: 30,
            }),
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: '/aws/lambda/orders-api',
        severity: 'low',
        message:
          'Log group /aws/lambda/orders-api in us-east-1 has no retention (events never expire) and stores 50.0 GiB, ' +
          'which costs about $1.50/month to keep (estimate, list prices as of 2026-11-01) and grows for as long ' +
          'as nothing expires.',
      },
      { resourceId: '/ecs/new-service', message: 'stores 0 bytes, which costs about $0.00/month' },
    ],
  },
  {
    name: 'the region multiplier applies to the storage price',
    inventory: inventoryFor({
      regional: {
        'eu-central-1': {
          logs: { logGroups: [logGroup('/aws/apigateway/shop', { storedBytes: 100 * GiB }, 'eu-central-1')] },
        },
      },
    }),
    // 100 GiB x $0.03 x 1.14
    expected: [{ resourceId: '/aws/apigateway/shop', message: 'about $3.42/month' }],
  },
  {
    name: 'groups with any retention do not fire',
    inventory: inventoryFor({
      region: {
        logs: {
          logGroups: [
            logGroup('/aws/lambda/a', { retentionInDays: 1, storedBytes: GiB }),
            logGroup('/aws/lambda/b', { retentionInDays: 3653, storedBytes: 900 * GiB }),
          ],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeLogGroups was denied',
    inventory: inventoryFor({
      region: { logs: {} },
      coverage: [
        {
          accountId: TEST_ACCOUNT,
          region: 'us-east-1',
          service: 'logs',
          operation: 'DescribeLogGroups',
          status: 'denied',
          detail: 'AccessDeniedException: not authorized to perform: logs:DescribeLogGroups',
        },
      ],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
