import { deletionProtectionDisabled } from '../../../../core/rules/rds/deletion-protection-disabled.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { auroraMember, dbCluster, dbInstance, denied } from './fixtures.ts';

const unprotected = dbCluster('catalog-aurora', { deletionProtection: false });
const protectedCluster = dbCluster('ledger-aurora');

testRule(deletionProtectionDisabled, [
  {
    name: 'an unprotected instance and an unprotected cluster, once each',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            dbInstance('billing-db', { deletionProtection: false }),
            auroraMember('catalog-aurora-1', unprotected),
            auroraMember('catalog-aurora-2', unprotected),
          ],
          clusters: [unprotected],
        },
      },
    }),
    expected: [
      {
        resourceId: 'billing-db',
        severity: 'medium',
        message: 'DB instance billing-db (postgres) in us-east-1 has deletion protection off.',
      },
      {
        resourceId: 'catalog-aurora',
        severity: 'medium',
        message: 'DB cluster catalog-aurora (aurora-postgresql)',
      },
    ],
  },
  {
    name: 'Aurora members report false at instance level; a protected cluster covers them',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [dbInstance('orders-db'), auroraMember('ledger-aurora-1', protectedCluster)],
          clusters: [protectedCluster],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeDBClusters was denied',
    inventory: inventoryFor({
      region: { rds: { instances: [dbInstance('billing-db', { deletionProtection: false })] } },
      coverage: [denied('rds', 'DescribeDBClusters')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
