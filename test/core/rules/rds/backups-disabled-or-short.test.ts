import { backupsDisabledOrShort } from '../../../../core/rules/rds/backups-disabled-or-short.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { auroraMember, dbCluster, dbInstance, denied, readReplica } from './fixtures.ts';

const defaultAurora = dbCluster('search-aurora', { backupRetentionPeriod: 1 });
const wellKept = dbCluster('ledger-aurora', { backupRetentionPeriod: 21 });
const orders = dbInstance('orders-db', { engine: 'mysql', backupRetentionPeriod: 14 });
const shortSource = dbInstance('billing-db', { backupRetentionPeriod: 2 });

testRule(backupsDisabledOrShort, [
  {
    name: 'off is high, under 7 days is low, for instances and clusters',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            dbInstance('analytics-db', { backupRetentionPeriod: 0 }),
            dbInstance('staging-db', { backupRetentionPeriod: 3 }),
            auroraMember('search-aurora-1', defaultAurora),
          ],
          clusters: [defaultAurora],
        },
      },
    }),
    expected: [
      {
        resourceId: 'analytics-db',
        severity: 'high',
        message:
          'DB instance analytics-db (postgres) in us-east-1 has automated backups off (BackupRetentionPeriod 0).',
      },
      { resourceId: 'staging-db', severity: 'low', message: 'keeps automated backups for 3 days (under 7)' },
      {
        resourceId: 'search-aurora',
        severity: 'low',
        message:
          'DB cluster search-aurora (aurora-postgresql) in us-east-1 keeps automated backups for 1 day (under 7).',
      },
    ],
  },
  {
    name: '7 days or more, and members of a well-kept cluster whatever they report, do not fire',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            dbInstance('orders-db', { backupRetentionPeriod: 7 }),
            auroraMember('ledger-aurora-1', wellKept, { backupRetentionPeriod: 0 }),
          ],
          clusters: [wellKept],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'read replicas, with backups off or short, do not fire: their source is judged, once',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            orders,
            readReplica('orders-replica', orders),
            readReplica('orders-replica-2', orders, { backupRetentionPeriod: 1 }),
            shortSource,
            readReplica('billing-replica', shortSource),
            readReplica('payments-dr', 'arn:aws:rds:eu-west-1:123456789012:db:payments-db'),
            // A replica of a Multi-AZ DB cluster names its source cluster instead.
            dbInstance('ledger-replica', {
              backupRetentionPeriod: 0,
              readReplicaSourceDbClusterIdentifier: 'ledger-cluster',
            }),
          ],
          clusters: [],
        },
      },
    }),
    expected: [
      {
        resourceId: 'billing-db',
        severity: 'low',
        message:
          'DB instance billing-db (postgres) in us-east-1 keeps automated backups for 2 days (under 7).',
      },
    ],
  },
  {
    name: 'not evaluated when DescribeDBInstances was denied',
    inventory: inventoryFor({
      region: { rds: { clusters: [defaultAurora] } },
      coverage: [denied('rds', 'DescribeDBInstances')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
