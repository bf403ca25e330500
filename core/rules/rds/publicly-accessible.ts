import type { Rule, RuleHit } from '../rule.ts';
import { clusterResource, databaseLabel, instanceResource, rdsScope } from './support-databases.ts';

/**
 * A DB instance, or a Multi-AZ DB cluster, marked publicly accessible: its endpoint resolves to a public IP.
 * Whether the internet can actually connect also depends on its security groups and subnets, which this rule
 * does not join, so it stays high rather than critical. A cluster reported here is not repeated for its
 * members; Aurora clusters carry no such flag, so their instances are judged one by one (each has its own).
 */
export const publiclyAccessible = {
  id: 'aws.rds.publicly-accessible',
  service: 'rds',
  category: 'security',
  severity: 'high',
  title: 'RDS database publicly accessible',
  rationale:
    'A publicly accessible database gets a public IP address, so a single security group rule open to the ' +
    'internet (or added later by mistake) exposes the database port to the scanning and credential stuffing that ' +
    'hits every public endpoint. Databases belong in private subnets, reached through the application, a bastion ' +
    'or Session Manager. Security Hub RDS.2 flags it.',
  remediation:
    'Turn public access off: RDS console > the database > Modify > Connectivity > Public access: Not publicly ' +
    'accessible, or `aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible ' +
    '--apply-immediately` (`aws rds modify-db-cluster ... --no-publicly-accessible` for a Multi-AZ DB cluster). ' +
    'Clients outside the VPC then connect through a VPN, Direct Connect or a bastion.',
  scope: 'regional',
  // Every endpoint is an instance, so instances alone settle it; clusters, when collected, group Multi-AZ members.
  requires: [{ service: 'rds', operation: 'DescribeDBInstances' }],
  evaluate(scope) {
    const rds = rdsScope(scope);
    if (!rds) return [];
    const hits: RuleHit[] = [];
    const reportedClusters = new Set<string>();
    for (const cluster of rds.clusters) {
      if (cluster.publiclyAccessible !== true) continue;
      reportedClusters.add(cluster.dbClusterIdentifier);
      hits.push({
        resource: clusterResource(cluster),
        message: `${databaseLabel('cluster', cluster.dbClusterIdentifier, cluster.engine)} in ${rds.region} is publicly accessible.`,
        evidence: {
          dbClusterIdentifier: cluster.dbClusterIdentifier,
          engine: cluster.engine,
          status: cluster.status,
          publiclyAccessible: true,
        },
      });
    }
    for (const instance of rds.instances) {
      if (!instance.publiclyAccessible) continue;
      if (instance.dbClusterIdentifier !== undefined && reportedClusters.has(instance.dbClusterIdentifier))
        continue;
      hits.push({
        resource: instanceResource(instance),
        message:
          `${databaseLabel('instance', instance.dbInstanceIdentifier, instance.engine)} in ${rds.region} is publicly ` +
          `accessible${instance.dbClusterIdentifier ? ` (member of cluster ${instance.dbClusterIdentifier})` : ''}.`,
        evidence: {
          dbInstanceIdentifier: instance.dbInstanceIdentifier,
          dbInstanceClass: instance.dbInstanceClass,
          engine: instance.engine,
          status: instance.status,
          dbClusterIdentifier: instance.dbClusterIdentifier,
          publiclyAccessible: true,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
