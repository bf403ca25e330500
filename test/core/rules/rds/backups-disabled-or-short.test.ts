import { backupsDisabledOrShort } from '../../../../core/rules/rds/backups-disabled-or-short.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { auroraMember, dbCluster, dbInstance, denied } from './fixtures.ts';

const defaultAurora = dbCluster('search-aurora', { backupRetentionPeriod: 1 });
const wellKept = dbCluster('ledger-aurora', { backupRetentionPeriod: 21 });

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
    name: 'not evaluated when DescribeDBInstances was denied',
    inventory: inventoryFor({
      region: { rds: { clusters: [defaultAurora] } },
      coverage: [denied('rds', 'DescribeDBInstances')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
