import type { RdsCluster, RdsInstance } from '../../scan/inventory.ts';
import type { RuleHit, RuleScope } from '../rule.ts';

/** One region's RDS data, for a regional rule. */
export interface RdsScope {
  /** The region. */
  region: string;
  /** DB instances, or [] when none were collected (coverage then names the gap). */
  instances: readonly RdsInstance[];
  /** DB clusters (Aurora, Multi-AZ DB clusters, DocumentDB, Neptune), or [] when not collected. */
  clusters: readonly RdsCluster[];
}

/**
 * The source of a read replica: its source instance, or its source DB cluster; an ARN when the source is in
 * another region (RDS names a same-region source by its identifier). Undefined for other instances, and in
 * inventories saved before Axiom recorded it.
 */
export function replicaSource(instance: RdsInstance): string | undefined {
  return instance.readReplicaSourceDbInstanceIdentifier || instance.readReplicaSourceDbClusterIdentifier;
}

/** The regional scope's RDS data; undefined for the global scope or a region where RDS was not collected. */
export function rdsScope(scope: RuleScope): RdsScope | undefined {
  if (scope.kind !== 'regional') return undefined;
  const rds = scope.inventory.rds;
  if (!rds || (rds.instances === undefined && rds.clusters === undefined)) return undefined;
  return { region: scope.region, instances: rds.instances ?? [], clusters: rds.clusters ?? [] };
}

/** The finding resource for a DB instance. */
export function instanceResource(instance: RdsInstance): RuleHit['resource'] {
  return {
    type: 'AWS::RDS::DBInstance',
    id: instance.dbInstanceIdentifier,
    ...(instance.dbInstanceArn ? { arn: instance.dbInstanceArn } : {}),
  };
}

/** The finding resource for a DB cluster. */
export function clusterResource(cluster: RdsCluster): RuleHit['resource'] {
  return {
    type: 'AWS::RDS::DBCluster',
    id: cluster.dbClusterIdentifier,
    ...(cluster.dbClusterArn ? { arn: cluster.dbClusterArn } : {}),
  };
}

/**
 * The instances that stand on their own for a cluster-wide setting (storage encryption, backup retention,
 * deletion protection): every instance except the members of a listed cluster. For Aurora and Multi-AZ DB
 * clusters those settings belong to the cluster (the members only mirror them, and AWS documents the instance
 * values as "not applicable"), so the cluster is judged once and its members are not reported again.
 */
export function standaloneInstances(
  instances: readonly RdsInstance[],
  clusters: readonly RdsCluster[],
): RdsInstance[] {
  const listed = new Set(clusters.map((cluster) => cluster.dbClusterIdentifier));
  return instances.filter(
    (instance) => instance.dbClusterIdentifier === undefined || !listed.has(instance.dbClusterIdentifier),
  );
}

/** "DB instance orders-db (postgres)" / "DB cluster ledger (aurora-mysql)", for messages. */
export function databaseLabel(kind: 'instance' | 'cluster', id: string, engine: string): string {
  return `DB ${kind} ${id}${engine ? ` (${engine})` : ''}`;
}
