import { storageUnencrypted } from '../../../../core/rules/rds/storage-unencrypted.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { auroraMember, dbCluster, dbInstance, denied } from './fixtures.ts';

const plainCluster = dbCluster('legacy-aurora', { engine: 'aurora-mysql', storageEncrypted: false });
const encryptedCluster = dbCluster('ledger-aurora');

testRule(storageUnencrypted, [
  {
    name: 'an unencrypted standalone instance and an unencrypted cluster (not its members)',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            dbInstance('wordpress-db', { engine: 'mysql', storageEncrypted: false }),
            auroraMember('legacy-aurora-1', plainCluster),
            auroraMember('legacy-aurora-2', plainCluster),
          ],
          clusters: [plainCluster],
        },
      },
    }),
    expected: [
      {
        resourceId: 'wordpress-db',
        severity: 'high',
        message:
          'DB instance wordpress-db (mysql) in us-east-1 has unencrypted storage (StorageEncrypted=false).',
      },
      {
        resourceId: 'legacy-aurora',
        severity: 'high',
        message: 'DB cluster legacy-aurora (aurora-mysql) in us-east-1 has unencrypted storage',
      },
    ],
  },
  {
    name: 'a member whose cluster was not listed is judged on its own values',
    inventory: inventoryFor({
      region: {
        rds: { instances: [auroraMember('orphan-1', plainCluster)], clusters: [encryptedCluster] },
      },
    }),
    expected: [{ resourceId: 'orphan-1' }],
  },
  {
    name: 'encrypted instances and clusters do not fire',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [dbInstance('orders-db'), auroraMember('ledger-aurora-1', encryptedCluster)],
          clusters: [encryptedCluster],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeDBClusters was denied (clusters could hide unencrypted storage)',
    inventory: inventoryFor({
      region: { rds: { instances: [dbInstance('wordpress-db', { storageEncrypted: false })] } },
      coverage: [denied('rds', 'DescribeDBClusters')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
