import type { Rule, RuleHit } from '../rule.ts';
import {
  clusterResource,
  databaseLabel,
  instanceResource,
  rdsScope,
  standaloneInstances,
} from './support-databases.ts';

/**
 * A DB cluster, or a DB instance outside a cluster, without deletion protection. For Aurora the setting belongs
 * to the cluster (members are not reported); the tags are in the evidence so a "production" database stands out.
 */
export const deletionProtectionDisabled = {
  id: 'aws.rds.deletion-protection-disabled',
  service: 'rds',
  category: 'hygiene',
  severity: 'medium',
  title: 'RDS deletion protection off',
  rationale:
    'Without deletion protection one API call, a console slip, a CloudFormation or Terraform change that replaces ' +
    'the resource, or a compromised credential deletes the database, and with it its automated backups unless ' +
    'they were retained. Deletion protection makes deletion a deliberate two-step act. Security Hub RDS.7 and ' +
    'RDS.8 flag it.',
  remediation:
    'Turn it on: RDS console > the database > Modify > Deletion protection, or `aws rds modify-db-instance ' +
    '--db-instance-identifier <id> --deletion-protection --apply-immediately` (`aws rds modify-db-cluster ' +
    '--db-cluster-identifier <id> --deletion-protection` for a cluster); in IaC set DeletionProtection / ' +
    'deletion_protection = true. Short-lived test databases can be suppressed with that reason.',
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
      if (cluster.deletionProtection) continue;
      hits.push({
        resource: clusterResource(cluster),
        message: `${databaseLabel('cluster', cluster.dbClusterIdentifier, cluster.engine)} in ${rds.region} has deletion protection off.`,
        evidence: {
          dbClusterIdentifier: cluster.dbClusterIdentifier,
          engine: cluster.engine,
          deletionProtection: false,
          tags: cluster.tags,
        },
      });
    }
    for (const instance of standaloneInstances(rds.instances, rds.clusters)) {
      if (instance.deletionProtection) continue;
      hits.push({
        resource: instanceResource(instance),
        message: `${databaseLabel('instance', instance.dbInstanceIdentifier, instance.engine)} in ${rds.region} has deletion protection off.`,
        evidence: {
          dbInstanceIdentifier: instance.dbInstanceIdentifier,
          engine: instance.engine,
          deletionProtection: false,
          tags: instance.tags,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
