import type {
  CoverageEntry,
  DailySeries,
  MetricsRegionInventory,
  RdsCluster,
  RdsInstance,
  ScanService,
} from '../../../../core/scan/inventory.ts';
import { TEST_ACCOUNT, TEST_REGION } from '../../../helpers/rule-harness.ts';

/** Builders for realistic RDS inventory pieces, shared by the RDS rule tests. */

/** The 14-day metric window the collector sets for TEST_NOW (2026-11-25): 2026-11-11 to 2026-11-24. */
export const WINDOW_START = '2026-11-11';
export const WINDOW_DAYS = 14;

/** A coverage entry saying `service:operation` was denied in `region`. */
export function denied(service: ScanService, operation: string, region = TEST_REGION): CoverageEntry {
  return {
    accountId: TEST_ACCOUNT,
    region,
    service,
    operation,
    status: 'denied',
    detail: `AccessDenied: User is not authorized to perform: ${service}:${operation}`,
  };
}

/**
 * A well-run standalone PostgreSQL instance (private, encrypted, 14 days of backups, deletion protection),
 * changed by `overrides`.
 */
export function dbInstance(
  id: string,
  overrides: Partial<RdsInstance> = {},
  region = TEST_REGION,
): RdsInstance {
  return {
    dbInstanceIdentifier: id,
    dbInstanceArn: `arn:aws:rds:${region}:${TEST_ACCOUNT}:db:${id}`,
    dbInstanceClass: 'db.m5.large',
    engine: 'postgres',
    status: 'available',
    publiclyAccessible: false,
    storageEncrypted: true,
    backupRetentionPeriod: 14,
    deletionProtection: true,
    multiAz: false,
    allocatedStorageGiB: 100,
    instanceCreateTime: '2025-02-10T08:30:00.000Z',
    tags: { Environment: 'production', Team: 'payments' },
    ...overrides,
  };
}

/**
 * A read replica of `source` (an instance, or a source's ARN for a cross-region replica), with automated
 * backups off as RDS creates it, changed by `overrides`.
 */
export function readReplica(
  id: string,
  source: RdsInstance | string,
  overrides: Partial<RdsInstance> = {},
): RdsInstance {
  const from = typeof source === 'string' ? undefined : source;
  return dbInstance(id, {
    engine: from?.engine ?? 'postgres',
    storageEncrypted: from?.storageEncrypted ?? true,
    backupRetentionPeriod: 0,
    deletionProtection: false,
    readReplicaSourceDbInstanceIdentifier: typeof source === 'string' ? source : source.dbInstanceIdentifier,
    ...overrides,
  });
}

/** A well-run Aurora PostgreSQL cluster, changed by `overrides`. */
export function dbCluster(id: string, overrides: Partial<RdsCluster> = {}): RdsCluster {
  return {
    dbClusterIdentifier: id,
    dbClusterArn: `arn:aws:rds:${TEST_REGION}:${TEST_ACCOUNT}:cluster:${id}`,
    engine: 'aurora-postgresql',
    status: 'available',
    storageEncrypted: true,
    backupRetentionPeriod: 14,
    deletionProtection: true,
    tags: { Environment: 'production' },
    ...overrides,
  };
}

/**
 * An Aurora member instance of `cluster`: Aurora reports the cluster's storage and backup settings on members,
 * but instance-level deletion protection is false on them ("managed by the cluster").
 */
export function auroraMember(
  id: string,
  cluster: RdsCluster,
  overrides: Partial<RdsInstance> = {},
): RdsInstance {
  return dbInstance(id, {
    dbInstanceClass: 'db.r6g.large',
    engine: cluster.engine,
    dbClusterIdentifier: cluster.dbClusterIdentifier,
    storageEncrypted: cluster.storageEncrypted,
    backupRetentionPeriod: cluster.backupRetentionPeriod,
    deletionProtection: false,
    ...overrides,
  });
}

/** Metrics for the window: resource id -> metric key -> daily series. */
export function metrics(series: MetricsRegionInventory['series']): MetricsRegionInventory {
  return { windowStart: WINDOW_START, days: WINDOW_DAYS, series };
}

/** 14 days: `earlier` for the first 7, `lastWeek` for the last 7. */
export function twoWeeks(earlier: number | null, lastWeek: (number | null)[]): DailySeries {
  return [...new Array<number | null>(7).fill(earlier), ...lastWeek];
}
