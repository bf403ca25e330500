import { idleInstance } from '../../../../core/rules/rds/idle-instance.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { dbInstance, denied, metrics, readReplica, twoWeeks } from './fixtures.ts';

const CONNECTIONS = 'DatabaseConnections:Maximum';
const IDLE_WEEK = [0, 0, 0, 0, 0, 0, 0];

/** Connections for `id`: busy the first week, `lastWeek` the second. */
function connections(lastWeek: (number | null)[], earlier: number | null = 12) {
  return { [CONNECTIONS]: twoWeeks(earlier, lastWeek) };
}

testRule(idleInstance, [
  {
    name: 'no connection on each of the last 7 days: instance hours at list price',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            dbInstance('old-crm-db'),
            dbInstance('never-used-db', { dbInstanceClass: 'db.t3.micro' }),
          ],
        },
        metrics: metrics({
          'old-crm-db': connections(IDLE_WEEK),
          'never-used-db': connections(IDLE_WEEK, 0),
        }),
      },
    }),
    expected: [
      {
        resourceId: 'old-crm-db',
        severity: 'low',
        // $0.171 x 730
        savings: 124.83,
        message:
          'DB instance old-crm-db (postgres), db.m5.large, in us-east-1 had no connections (daily maximum ' +
          'DatabaseConnections 0) on each of the 7 days 2026-11-18 to 2026-11-24; its instance hours cost about ' +
          '$124.83/month (estimate, list prices as of 2026-11-01), storage excluded.',
      },
      // $0.017 x 730
      { resourceId: 'never-used-db', savings: 12.41 },
    ],
  },
  {
    name: 'Multi-AZ doubles the hours and the region multiplier applies',
    inventory: inventoryFor({
      regional: {
        'eu-west-1': {
          rds: {
            instances: [
              dbInstance(
                'shop-mysql',
                { engine: 'mysql', dbInstanceClass: 'db.t3.medium', multiAz: true },
                'eu-west-1',
              ),
            ],
          },
          metrics: metrics({ 'shop-mysql': connections(IDLE_WEEK) }),
        },
      },
    }),
    // $0.068 x 730 x 2 x 1.08
    expected: [
      { resourceId: 'shop-mysql', savings: 107.22, message: 'db.t3.medium, Multi-AZ, in eu-west-1' },
    ],
  },
  {
    name: 'engines or classes missing from the price table still fire, without a figure',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            dbInstance('search-aurora-1', { engine: 'aurora-postgresql', dbInstanceClass: 'db.r6g.large' }),
            dbInstance('big-pg', { dbInstanceClass: 'db.x2g.4xlarge' }),
          ],
        },
        metrics: metrics({ 'search-aurora-1': connections(IDLE_WEEK), 'big-pg': connections(IDLE_WEEK) }),
      },
    }),
    expected: [
      { resourceId: 'big-pg', message: 'the price table has no figure for postgres db.x2g.4xlarge' },
      { resourceId: 'search-aurora-1', message: 'no saving is estimated' },
    ],
  },
  {
    name: 'one connection, a day without data, a new, stopped, unmeasured or 6-day-idle instance does not fire',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            dbInstance('health-checked-db'),
            dbInstance('stopped-midweek-db'),
            dbInstance('new-db', { instanceCreateTime: '2026-11-21T10:00:00.000Z' }),
            dbInstance('stopped-db', { status: 'stopped' }),
            dbInstance('unmeasured-db'),
            dbInstance('six-days-db'),
          ],
        },
        metrics: metrics({
          'health-checked-db': connections([0, 0, 0, 1, 0, 0, 0]),
          'stopped-midweek-db': connections([0, 0, 0, null, null, 0, 0]),
          'new-db': connections([null, null, null, 0, 0, 0, 0], null),
          'stopped-db': connections([null, null, null, null, null, null, null]),
          'six-days-db': connections([2, 0, 0, 0, 0, 0, 0]),
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'an idle replica in its source region fires naming its source; one of a source in another region does not',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            readReplica('orders-replica', dbInstance('orders-db')),
            readReplica('orders-dr', 'arn:aws:rds:eu-west-1:123456789012:db:orders-eu'),
            dbInstance('ledger-dr', {
              readReplicaSourceDbClusterIdentifier: 'arn:aws:rds:eu-west-1:123456789012:cluster:ledger',
            }),
            dbInstance('ledger-reader', { readReplicaSourceDbClusterIdentifier: 'ledger' }),
          ],
        },
        metrics: metrics({
          'orders-replica': connections(IDLE_WEEK),
          'orders-dr': connections(IDLE_WEEK),
          'ledger-dr': connections(IDLE_WEEK),
          'ledger-reader': connections(IDLE_WEEK),
        }),
      },
    }),
    expected: [
      {
        resourceId: 'orders-replica',
        savings: 124.83,
        message:
          'DB instance orders-replica (postgres), db.m5.large, in us-east-1, a read replica of orders-db, had no ' +
          'connections (daily maximum DatabaseConnections 0) on each of the 7 days 2026-11-18 to 2026-11-24; its ' +
          'instance hours cost about $124.83/month (estimate, list prices as of 2026-11-01), storage excluded.',
      },
      { resourceId: 'ledger-reader' },
    ],
  },
  {
    name: 'not evaluated when GetMetricData was denied',
    inventory: inventoryFor({
      region: { rds: { instances: [dbInstance('old-crm-db')] } },
      coverage: [denied('cloudwatch', 'GetMetricData')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
