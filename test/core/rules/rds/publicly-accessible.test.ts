import { publiclyAccessible } from '../../../../core/rules/rds/publicly-accessible.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { auroraMember, dbCluster, dbInstance, denied } from './fixtures.ts';

const aurora = dbCluster('ledger-aurora');
const multiAzCluster = dbCluster('orders-maz', { engine: 'postgres', publiclyAccessible: true });

testRule(publiclyAccessible, [
  {
    name: 'a public standalone instance and a public Aurora member are reported one by one',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [
            dbInstance('reporting-replica', { publiclyAccessible: true, engine: 'mysql' }),
            auroraMember('ledger-aurora-1', aurora, { publiclyAccessible: true }),
            auroraMember('ledger-aurora-2', aurora),
          ],
          clusters: [aurora],
        },
      },
    }),
    expected: [
      {
        resourceId: 'reporting-replica',
        severity: 'high',
        message: 'DB instance reporting-replica (mysql) in us-east-1 is publicly accessible.',
      },
      {
        resourceId: 'ledger-aurora-1',
        message: 'is publicly accessible (member of cluster ledger-aurora)',
      },
    ],
  },
  {
    name: 'a public Multi-AZ DB cluster is reported once, not again for its members',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: ['orders-maz-instance-1', 'orders-maz-instance-2', 'orders-maz-instance-3'].map((id) =>
            dbInstance(id, { dbClusterIdentifier: 'orders-maz', publiclyAccessible: true }),
          ),
          clusters: [multiAzCluster],
        },
      },
    }),
    expected: [
      {
        resourceId: 'orders-maz',
        message: 'DB cluster orders-maz (postgres) in us-east-1 is publicly accessible.',
      },
    ],
  },
  {
    name: 'private databases do not fire',
    inventory: inventoryFor({
      region: {
        rds: {
          instances: [dbInstance('orders-db'), auroraMember('ledger-aurora-1', aurora)],
          clusters: [aurora],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'instances alone settle it: still evaluated when DescribeDBClusters was denied',
    inventory: inventoryFor({
      region: { rds: { instances: [dbInstance('reporting-replica', { publiclyAccessible: true })] } },
      coverage: [denied('rds', 'DescribeDBClusters')],
    }),
    expected: [{ resourceId: 'reporting-replica' }],
  },
  {
    name: 'not evaluated when DescribeDBInstances was denied',
    inventory: inventoryFor({
      region: { rds: { clusters: [multiAzCluster] } },
      coverage: [denied('rds', 'DescribeDBInstances')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
