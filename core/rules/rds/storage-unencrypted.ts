import type { Rule, RuleHit } from '../rule.ts';
import {
  clusterResource,
  databaseLabel,
  instanceResource,
  rdsScope,
  standaloneInstances,
} from './support-databases.ts';

/**
 * A DB cluster, or a DB instance outside a cluster, with unencrypted storage. Cluster members share the
 * cluster's storage and are not reported again.
 */
export const storageUnencrypted = {
  id: 'aws.rds.storage-unencrypted',
  service: 'rds',
  category: 'security',
  severity: 'high',
  title: 'RDS storage not encrypted',
  rationale:
    'Unencrypted storage leaves the data, its automated backups, snapshots and read replicas readable by anyone who ' +
    'gets hold of a snapshot copy or the underlying media, and fails most compliance regimes (PCI DSS, HIPAA, ' +
    'SOC 2). Encryption cannot be switched on in place later. Security Hub RDS.3 and RDS.27 flag it.',
  remediation:
    'Encryption is set at creation: take a snapshot (`aws rds create-db-snapshot`), copy it with a KMS key ' +
    '(`aws rds copy-db-snapshot --kms-key-id <key> ...`), restore a new database from the encrypted copy, switch ' +
    'clients over and delete the old one (for Aurora, restore the cluster snapshot with `--kms-key-id`). Then ' +
    'enforce encryption for new databases with an SCP on rds:StorageEncrypted.',
  scope: 'regional',
  requires: [
    { service: 'rds', operation: 'DescribeDBInstances' },
    { service: 'rds', operation: 'DescribeDBClusters' },
  ],
  evaluate(scope) {
    const rds = rdsScope(scope);
    if (!rds) return [];
    const hits: RuleHit[] = [];
    for (const cluster of rds.clusters) {
      if (cluster.storageEncrypted) continue;
      hits.push({
        resource: clusterResource(cluster),
        message: `${databaseLabel('cluster', cluster.dbClusterIdentifier, cluster.engine)} in ${rds.region} has unencrypted storage (StorageEncrypted=false).`,
        evidence: {
          dbClusterIdentifier: cluster.dbClusterIdentifier,
          engine: cluster.engine,
          storageEncrypted: false,
        },
      });
    }
    for (const instance of standaloneInstances(rds.instances, rds.clusters)) {
      if (instance.storageEncrypted) continue;
      hits.push({
        resource: instanceResource(instance),
        message: `${databaseLabel('instance', instance.dbInstanceIdentifier, instance.engine)} in ${rds.region} has unencrypted storage (StorageEncrypted=false).`,
        evidence: {
          dbInstanceIdentifier: instance.dbInstanceIdentifier,
          dbInstanceClass: instance.dbInstanceClass,
          engine: instance.engine,
          allocatedStorageGiB: instance.allocatedStorageGiB,
          storageEncrypted: false,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
