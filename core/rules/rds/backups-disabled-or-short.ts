import type { RdsCluster, RdsInstance } from '../../scan/inventory.ts';
import type { Rule, RuleHit } from '../rule.ts';
import {
  clusterResource,
  databaseLabel,
  instanceResource,
  rdsScope,
  replicaSource,
  standaloneInstances,
} from './support-databases.ts';

/** Under a week of automated backups cannot restore from last week's mistake (AWS Security Hub RDS.11's floor). */
const MIN_RETENTION_DAYS = 7;

function verdict(days: number): { severity: 'high' | 'low'; text: string } | undefined {
  if (days === 0) return { severity: 'high', text: 'has automated backups off (BackupRetentionPeriod 0)' };
  if (days < MIN_RETENTION_DAYS)
    return {
      severity: 'low',
      text: `keeps automated backups for ${days} day${days === 1 ? '' : 's'} (under ${MIN_RETENTION_DAYS})`,
    };
  return undefined;
}

function hit(
  kind: 'instance' | 'cluster',
  database: RdsInstance | RdsCluster,
  region: string,
  id: string,
  resource: RuleHit['resource'],
): RuleHit | undefined {
  const found = verdict(database.backupRetentionPeriod);
  if (!found) return undefined;
  return {
    resource,
    message: `${databaseLabel(kind, id, database.engine)} in ${region} ${found.text}.`,
    evidence: {
      [kind === 'cluster' ? 'dbClusterIdentifier' : 'dbInstanceIdentifier']: id,
      engine: database.engine,
      backupRetentionPeriod: database.backupRetentionPeriod,
      minimumDays: MIN_RETENTION_DAYS,
    },
    severity: found.severity,
  };
}

/**
 * A DB cluster, or a DB instance outside a cluster, whose automated backups are off (high: no point-in-time
 * recovery at all) or kept under 7 days (low). Cluster members follow the cluster and are not reported again.
 * Read replicas (instances with a source instance or cluster) are exempt: the data is recovered from the source's
 * backups, which RDS requires to be on while the source has replicas, and RDS creates MySQL, MariaDB and
 * PostgreSQL replicas with backups off. A short source is reported as itself. An inventory saved before Axiom
 * recorded the source cannot tell replicas apart, so there they are still judged like any instance.
 */
export const backupsDisabledOrShort = {
  id: 'aws.rds.backups-disabled-or-short',
  service: 'rds',
  category: 'hygiene',
  severity: 'high',
  title: 'RDS automated backups off or short',
  rationale:
    'Automated backups give point-in-time recovery to any second of the retention window. Without them a dropped ' +
    'table, a bad migration or ransomware inside the database means data loss back to the last manual snapshot, ' +
    'if any; with a day or two a problem noticed after the weekend is already past recovery. Security Hub RDS.11 ' +
    'expects at least 7 days. Read replicas are not reported: their data is restored from the source, whose ' +
    'backups this rule judges, and RDS creates MySQL, MariaDB and PostgreSQL replicas with backups off.',
  remediation:
    'Set the retention to 7 days or more (up to 35): RDS console > the database > Modify > Backup > Backup ' +
    'retention period, or `aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period 14 ' +
    '--apply-immediately` (`aws rds modify-db-cluster --db-cluster-identifier <id> --backup-retention-period 14` ' +
    'for a cluster). For longer or cross-region copies use AWS Backup.',
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
      const found = hit(
        'cluster',
        cluster,
        rds.region,
        cluster.dbClusterIdentifier,
        clusterResource(cluster),
      );
      if (found) hits.push(found);
    }
    for (const instance of standaloneInstances(rds.instances, rds.clusters)) {
      // A replica's backups are its source's concern (the source instance or cluster is judged on its own).
      if (replicaSource(instance)) continue;
      const found = hit(
        'instance',
        instance,
        rds.region,
        instance.dbInstanceIdentifier,
        instanceResource(instance),
      );
      if (found) hits.push(found);
    }
    return hits;
  },
} satisfies Rule;
