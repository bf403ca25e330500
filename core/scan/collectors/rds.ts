import {
  type DBCluster,
  type DBInstance,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  RDSClient,
} from '@aws-sdk/client-rds';
import type { Collector, CollectorContext } from '../collector.ts';
import type { RdsCluster, RdsInstance, RdsRegionInventory } from '../inventory.ts';
import { allPages } from './support/all-pages.ts';
import { isoTime } from './support/iso-time.ts';
import { optionalFields } from './support/optional-fields.ts';
import { tagsToRecord } from './support/tags-to-record.ts';

/** The largest page RDS allows (MaxRecords): the fewest calls per region. */
const PAGE_SIZE = 100;

function toInstance(raw: DBInstance): RdsInstance {
  return {
    dbInstanceIdentifier: raw.DBInstanceIdentifier ?? '',
    dbInstanceArn: raw.DBInstanceArn ?? '',
    dbInstanceClass: raw.DBInstanceClass ?? '',
    engine: raw.Engine ?? '',
    publiclyAccessible: raw.PubliclyAccessible ?? false,
    storageEncrypted: raw.StorageEncrypted ?? false,
    backupRetentionPeriod: raw.BackupRetentionPeriod ?? 0,
    deletionProtection: raw.DeletionProtection ?? false,
    multiAz: raw.MultiAZ ?? false,
    tags: tagsToRecord(raw.TagList),
    ...optionalFields({
      status: raw.DBInstanceStatus,
      allocatedStorageGiB: raw.AllocatedStorage,
      dbClusterIdentifier: raw.DBClusterIdentifier,
      readReplicaSourceDbInstanceIdentifier: raw.ReadReplicaSourceDBInstanceIdentifier,
      readReplicaSourceDbClusterIdentifier: raw.ReadReplicaSourceDBClusterIdentifier,
      instanceCreateTime: isoTime(raw.InstanceCreateTime),
    }),
  };
}

function toCluster(raw: DBCluster): RdsCluster {
  return {
    dbClusterIdentifier: raw.DBClusterIdentifier ?? '',
    dbClusterArn: raw.DBClusterArn ?? '',
    engine: raw.Engine ?? '',
    storageEncrypted: raw.StorageEncrypted ?? false,
    backupRetentionPeriod: raw.BackupRetentionPeriod ?? 0,
    deletionProtection: raw.DeletionProtection ?? false,
    tags: tagsToRecord(raw.TagList),
    ...optionalFields({ status: raw.Status, publiclyAccessible: raw.PubliclyAccessible }),
  };
}

async function collectRds(context: CollectorContext, rds: RdsRegionInventory): Promise<void> {
  const client = context.client(RDSClient);
  const send = { abortSignal: context.signal };
  const pager = { client, stopOnSameToken: true };
  // Tags come inline (TagList), so no per-database ListTagsForResource call is needed.
  await Promise.all([
    context
      .attempt('DescribeDBInstances', () =>
        allPages(
          paginateDescribeDBInstances(pager, { MaxRecords: PAGE_SIZE }, send),
          (page) => page.DBInstances,
        ),
      )
      .then((raw) => {
        if (raw) rds.instances = raw.map(toInstance);
      }),
    context
      .attempt('DescribeDBClusters', () =>
        allPages(
          paginateDescribeDBClusters(pager, { MaxRecords: PAGE_SIZE }, send),
          (page) => page.DBClusters,
        ),
      )
      .then((raw) => {
        if (raw) rds.clusters = raw.map(toCluster);
      }),
  ]);
}

/** RDS in one region: DB instances and clusters with their encryption, exposure, backup and protection settings. */
export const rdsCollector: Collector = {
  service: 'rds',
  scope: 'regional',
  operations: [
    { client: 'RDS', operation: 'DescribeDBInstances' },
    { client: 'RDS', operation: 'DescribeDBClusters' },
  ],
  async collect(context, target) {
    target.regional.rds ??= {};
    await collectRds(context, target.regional.rds);
  },
};
